import Domain

/// What opening and closing a round do to its ballots, which the backends store differently:
/// SQLite lays out one empty slot per panel member when the round opens and deletes the empty
/// ones when it closes (`BallotSlot`); PostgreSQL inserts ballots as they come and rewrites them
/// in receipt order when the round closes.
package protocol RoundBallotStorage {
    /// In the opening transaction, once the round's subjects are frozen.
    func roundOpened(roundID: Int64, panelSize: Int, subjects: FrozenSubjects, scale: Scale) throws

    /// In the closing transaction, once the close is allowed and recorded.
    func roundClosed(roundID: Int64) throws
}
