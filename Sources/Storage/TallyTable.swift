import CSQLite
import Domain

/// The ballots one group commit's successful jobs cast, waiting to be counted into the running
/// aggregates at the end of the batch (in the same transaction).
public struct PendingTallies: Sendable {
    struct Cast: Sendable {
        var roundID: Int64
        var category: EvaluatorCategory
        var ballot: ValidBallot
    }

    private(set) var casts: [Cast] = []

    public init() {}

    mutating func add(_ ballot: ValidBallot, roundID: Int64, category: EvaluatorCategory) {
        casts.append(Cast(roundID: roundID, category: category, ballot: ballot))
    }

    mutating func merge(_ other: PendingTallies) {
        casts += other.casts
    }
}

/// The group committer's copy of the running aggregates of the rounds it has been writing
/// ballots for. It is only touched by the committer thread, the only writer of `round_tallies`;
/// a batch counts its ballots into the copy and stores each touched round's aggregates with one
/// statement. If the batch's transaction fails the copy is dropped and re-read when next needed.
final class RunningTallies {
    private var rounds: [Int64: RoundTallies] = [:]
    /// Rounds kept in memory between batches at most; the others are re-read from the table if
    /// they get a ballot again (a round rarely does once another has started). Only checked
    /// before a batch: every round a batch counts must stay until it is written.
    private let capacity = 8

    /// Counts `pending` into the round aggregates and writes every round it touched.
    func write(_ pending: PendingTallies, _ connection: Connection) throws {
        if rounds.count > capacity { rounds.removeAll() }
        var touched: [Int64] = []
        for cast in pending.casts {
            if rounds[cast.roundID] == nil {
                rounds[cast.roundID] = try TallyTable.load(roundID: cast.roundID, connection)
            }
            if !touched.contains(cast.roundID) { touched.append(cast.roundID) }
            rounds[cast.roundID]!.record(cast.ballot, category: cast.category)
        }
        for roundID in touched {
            try TallyTable.save(&rounds[roundID]!, roundID: roundID, connection)
        }
    }

    /// Forgets every copy: the transaction that was to store them did not commit.
    func forget() {
        rounds.removeAll()
    }
}

/// `round_tallies`: one row per round holding its `RoundTallies` text, so that results cost
/// O(subjects) and never re-read the ballots.
enum TallyTable {
    static func load(roundID: Int64, _ connection: Connection) throws -> RoundTallies {
        guard
            let text = try connection.queryOne(
                "SELECT data FROM round_tallies WHERE round_id = ?", [roundID], { $0.string(0) })
        else { return RoundTallies() }
        guard let tallies = RoundTallies(text: text) else {
            throw StoreError.sqlite(
                code: SQLITE_CORRUPT, message: "round \(roundID): the stored aggregates are not readable", sql: nil)
        }
        return tallies
    }

    static func save(_ tallies: inout RoundTallies, roundID: Int64, _ connection: Connection) throws {
        try connection.run(
            """
            INSERT INTO round_tallies (round_id, data) VALUES (?, ?)
            ON CONFLICT (round_id) DO UPDATE SET data = excluded.data
            """, [roundID, tallies.text()])
    }
}
