import Domain
import Storage

/// PostgreSQL's ballots of a round: nothing to lay out when it opens (ballots are inserted as
/// they come); rewritten in receipt order when it closes.
struct PGRoundBallots: RoundBallotStorage {
    let connection: PGConnection

    func roundOpened(roundID: Int64, panelSize: Int, subjects: FrozenSubjects, scale: Scale) throws {}

    /// Rewrites the round's ballots in receipt order (contract §14): the heap keeps rows in the
    /// order they were written, which during the round was the order of group commits. Copied
    /// out, deleted and inserted again sorted by their random receipt, in the closing
    /// transaction, they leave no order of voting in the live table; the dead versions are
    /// reclaimed by (auto)vacuum. (PostgreSQL may put a short row into room on an earlier page,
    /// so the physical order is receipt order within each page, placed by size, not by voting
    /// order.)
    func roundClosed(roundID: Int64) throws {
        // A literal id (an Int64, nothing from a request): the script runs unprepared, as a
        // prepared statement naming a temporary table would outlive the table.
        try connection.execute(
            """
            CREATE TEMPORARY TABLE closing_ballots ON COMMIT DROP AS SELECT * FROM ballots WHERE round_id = \(roundID);
            DELETE FROM ballots WHERE round_id = \(roundID);
            INSERT INTO ballots SELECT * FROM closing_ballots ORDER BY receipt;
            DROP TABLE closing_ballots;
            """)
    }
}
