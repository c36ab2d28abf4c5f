import Domain

/// SQLite's ballots of a round: laid out as empty slots when it opens, the empty ones deleted
/// when it closes (see `BallotSlot`).
struct SQLiteRoundBallots: RoundBallotStorage {
    let connection: Connection

    func roundOpened(roundID: Int64, panelSize: Int, subjects: FrozenSubjects, scale: Scale) throws {
        try BallotSlot.layOut(roundID: roundID, count: panelSize, subjects: subjects, scale: scale, connection)
    }

    func roundClosed(roundID: Int64) throws {
        try connection.run("DELETE FROM ballots WHERE round_id = ? AND filled = 0", [roundID])
    }
}
