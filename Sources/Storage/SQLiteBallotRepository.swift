import Domain
import Store

/// What a transaction reads of a round's ballots in SQLite: never who cast what.
struct SQLiteBallotRepository: BallotRepository {
    let connection: Connection

    func subjects(roundID: Int64) throws -> FrozenSubjects {
        try FrozenSubjects.load(roundID: roundID, connection)
    }

    func turnout(roundID: Int64) throws -> Turnout {
        Turnout(
            panel: try connection.query(
                "SELECT evaluator_id, category, voted FROM round_panel WHERE round_id = ? ORDER BY evaluator_id",
                [roundID]
            ) {
                (
                    evaluatorID: $0.int64(0), category: EvaluatorCategory(rawValue: $0.string(1)) ?? .deputy,
                    voted: $0.bool(2)
                )
            })
    }

    func receipts(roundID: Int64) throws -> [String] {
        try connection.query(
            "SELECT receipt FROM ballots WHERE round_id = ? AND filled = 1 ORDER BY receipt", [roundID]
        ) {
            Receipt($0.string(0))?.display ?? $0.string(0)
        }
    }

    func ballotsByCategory(roundID: Int64) throws -> [EvaluatorCategory: Int] {
        var counts: [EvaluatorCategory: Int] = [:]
        try connection.forEachRow(
            "SELECT substr(body, 1, 1) FROM ballots WHERE round_id = ? AND filled = 1", [roundID]
        ) {
            if let category = BallotSlot.category(of: $0.blob(0)) { counts[category, default: 0] += 1 }
        }
        return counts
    }

    func tally(roundID: Int64) throws -> Tally {
        try TallyTable.load(roundID: roundID, connection).tally
    }

    func recount(roundID: Int64) throws -> Tally {
        var tally = Tally()
        try connection.forEachRow("SELECT body FROM ballots WHERE round_id = ? AND filled = 1", [roundID]) { row in
            guard let (category, ballot) = BallotSlot.decode(row.blob(0)) else { return }
            tally.record(ballot: ballot, category: category)
        }
        return tally
    }

    /// An empty slot of the round drawn uniformly at random (see `BallotSlot`). A round's slots
    /// were made in one transaction, so their ids mostly form one range: ids drawn from it are
    /// tried first, and a scan of the round's slots settles the rare run of misses.
    static func drawEmptySlot(roundID: Int64, _ connection: Connection) throws -> (
        id: Int64, size: Int, receipt: String
    ) {
        var random = SystemRandomNumberGenerator()
        // Two lookups, not `min(slot), max(slot)` in one: SQLite answers a lone min() or max()
        // from the index's end, but both together by scanning every slot of the round (34 ms a
        // ballot with 240,000 slots in the bench).
        guard
            let low = try connection.queryOne(
                "SELECT slot FROM ballots WHERE round_id = ? ORDER BY slot LIMIT 1", [roundID], { $0.int64(0) }),
            let high = try connection.queryOne(
                "SELECT slot FROM ballots WHERE round_id = ? ORDER BY slot DESC LIMIT 1", [roundID], { $0.int64(0) })
        else { throw StoreError.misuse("an open round without slots", sql: nil) }
        let range = low...high
        for _ in 0..<64 {
            let id = Int64.random(in: range, using: &random)
            if let slot = try connection.queryOne(
                "SELECT length(body), receipt FROM ballots WHERE slot = ? AND round_id = ? AND filled = 0",
                [id, roundID],
                { (id: id, size: $0.int(0), receipt: $0.string(1)) })
            {
                return slot
            }
        }
        let empty = try connection.query(
            "SELECT slot, length(body), receipt FROM ballots WHERE round_id = ? AND filled = 0", [roundID]
        ) { (id: $0.int64(0), size: $0.int(1), receipt: $0.string(2)) }
        guard let slot = empty.randomElement(using: &random) else {
            throw StoreError.misuse("an open round without an empty slot", sql: nil)
        }
        return slot
    }
}
