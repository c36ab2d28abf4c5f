import Domain
import Storage
import Store

/// What a transaction reads of a round's ballots in PostgreSQL: never who cast what.
struct PGBallotRepository: BallotRepository {
    let connection: PGConnection

    func subjects(roundID: Int64) throws -> FrozenSubjects {
        try FrozenSubjects.load(roundID: roundID, PostgresSession(connection: connection))
    }

    func turnout(roundID: Int64) throws -> Turnout {
        Turnout(
            panel: try connection.query(
                "SELECT evaluator_id, category, voted FROM round_panel WHERE round_id = $1 ORDER BY evaluator_id",
                [roundID]
            ) {
                (
                    evaluatorID: $0.int64(0), category: EvaluatorCategory(rawValue: $0.string(1)) ?? .deputy,
                    voted: $0.bool(2)
                )
            })
    }

    func receipts(roundID: Int64) throws -> [String] {
        try connection.query("SELECT receipt FROM ballots WHERE round_id = $1 ORDER BY receipt", [roundID]) {
            Receipt($0.string(0))?.display ?? $0.string(0)
        }
    }

    func ballotsByCategory(roundID: Int64) throws -> [EvaluatorCategory: Int] {
        var counts: [EvaluatorCategory: Int] = [:]
        try connection.forEachRow(
            "SELECT category, count(*) FROM ballots WHERE round_id = $1 GROUP BY category", [roundID]
        ) {
            if let category = EvaluatorCategory(rawValue: $0.string(0)) { counts[category, default: 0] += $0.int(1) }
        }
        return counts
    }

    func tally(roundID: Int64) throws -> Tally {
        try PGTallyTable.load(roundID: roundID, connection).tally
    }

    func recount(roundID: Int64) throws -> Tally {
        var tally = Tally()
        try connection.forEachRow("SELECT category, content FROM ballots WHERE round_id = $1", [roundID]) { row in
            guard let category = EvaluatorCategory(rawValue: row.string(0)),
                let ballot = BallotCoding.decode(row.blob(1))
            else { return }
            tally.record(ballot: ballot, category: category)
        }
        return tally
    }
}

/// `round_tallies` in PostgreSQL: one row per round holding its `RoundTallies` text, written by
/// the ballot writer (`PGTallyCache`).
enum PGTallyTable {
    static func load(roundID: Int64, _ connection: PGConnection) throws -> RoundTallies {
        guard
            let text = try connection.queryOne(
                "SELECT data FROM round_tallies WHERE round_id = $1", [roundID], { $0.string(0) })
        else { return RoundTallies() }
        return try decode(text, roundID: roundID)
    }

    static func decode(_ text: String, roundID: Int64) throws -> RoundTallies {
        guard let tallies = RoundTallies(text: text) else {
            throw PGError(
                sqlState: "XX001", message: "round \(roundID): the stored aggregates are not readable", sql: nil)
        }
        return tallies
    }
}
