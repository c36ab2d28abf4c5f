import Domain

/// Tally increments waiting to be written: per round, subject and evaluator category, the sums
/// of the ballots of one group commit. Kept flat (one dictionary entry per row of `tallies`)
/// because it is updated for every entry of every ballot.
public struct PendingTallies: Sendable {
    struct Key: Hashable {
        var roundID: Int64
        var category: EvaluatorCategory
        var subject: SubjectKey
    }

    /// The increment of one `tallies` row: count, and per supervision sum, lowest, highest.
    struct Increment: Sendable {
        var n = 0
        var sums: [Int64] = [0, 0, 0]
        var lows: [Int] = [.max, .max, .max]
        var highs: [Int] = [.min, .min, .min]
        var most = 0
        var least = 0

        mutating func add(_ other: Increment) {
            n += other.n
            for index in 0..<3 {
                sums[index] += other.sums[index]
                lows[index] = min(lows[index], other.lows[index])
                highs[index] = max(highs[index], other.highs[index])
            }
            most += other.most
            least += other.least
        }
    }

    private(set) var increments: [Key: Increment] = [:]

    public init() {}

    mutating func add(_ ballot: ValidBallot, roundID: Int64, category: EvaluatorCategory) {
        for entry in ballot.entries {
            let scores = [entry.villageTime, entry.attitude, entry.completion]
            var row = Increment(n: 1, sums: scores.map(Int64.init), lows: scores, highs: scores)
            row.add(increments[Key(roundID: roundID, category: category, subject: entry.subject)] ?? Increment())
            increments[Key(roundID: roundID, category: category, subject: entry.subject)] = row
        }
        for subject in ballot.mostSatisfied.subjects {
            increments[Key(roundID: roundID, category: category, subject: subject), default: Increment()].most += 1
        }
        for subject in ballot.leastSatisfied.subjects {
            increments[Key(roundID: roundID, category: category, subject: subject), default: Increment()].least += 1
        }
    }

    mutating func merge(_ other: PendingTallies) {
        for (key, increment) in other.increments { increments[key, default: Increment()].add(increment) }
    }

    /// Adds the increments to the `tallies` table: one upsert per subject and category.
    func write(_ connection: Connection) throws {
        for (key, increment) in increments {
            try TallyTable.add(increment, key, connection)
        }
    }
}

/// The running aggregates of a round: per subject and evaluator category, the count, sum,
/// lowest and highest score of each supervision (enough for the one-high/one-low trim) and the
/// most/least picks. Updated in the ballots' own transaction, so results cost O(subjects).
enum TallyTable {
    /// Adds counts and sums; keeps the lower minimum and higher maximum (NULL: no score yet).
    private static let upsert = """
        INSERT INTO tallies (round_id, subject_kind, subject_id, category, n, vt_sum, vt_min, vt_max,
                             at_sum, at_min, at_max, co_sum, co_min, co_max, most, least)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT DO UPDATE SET n = n + excluded.n,
            vt_sum = vt_sum + excluded.vt_sum, vt_min = coalesce(min(vt_min, excluded.vt_min), vt_min, excluded.vt_min),
            vt_max = coalesce(max(vt_max, excluded.vt_max), vt_max, excluded.vt_max),
            at_sum = at_sum + excluded.at_sum, at_min = coalesce(min(at_min, excluded.at_min), at_min, excluded.at_min),
            at_max = coalesce(max(at_max, excluded.at_max), at_max, excluded.at_max),
            co_sum = co_sum + excluded.co_sum, co_min = coalesce(min(co_min, excluded.co_min), co_min, excluded.co_min),
            co_max = coalesce(max(co_max, excluded.co_max), co_max, excluded.co_max),
            most = most + excluded.most, least = least + excluded.least
        """

    static func add(_ increment: PendingTallies.Increment, _ key: PendingTallies.Key, _ connection: Connection) throws {
        var values: [any SQLBindable] = [
            key.roundID, key.subject.kind.rawValue, key.subject.id, key.category.rawValue, increment.n,
        ]
        for index in 0..<3 {
            if increment.n > 0 {
                values += [increment.sums[index], increment.lows[index], increment.highs[index]]
            } else {
                values += [0, SQLValue.null, SQLValue.null]
            }
        }
        values += [increment.most, increment.least]
        try connection.run(upsert, values)
    }

    static func load(roundID: Int64, _ connection: Connection) throws -> Tally {
        var tally = Tally()
        try connection.forEachRow(
            """
            SELECT subject_kind, subject_id, category, n, vt_sum, vt_min, vt_max, at_sum, at_min, at_max,
                   co_sum, co_min, co_max, most, least FROM tallies WHERE round_id = ?
            """, [roundID]
        ) { row in
            guard let kind = SubjectKind(rawValue: row.string(0)),
                let category = EvaluatorCategory(rawValue: row.string(2))
            else { return }
            let key = SubjectKey(kind: kind, id: row.int(1))
            var subject = tally.subjects[key] ?? SubjectTally()
            let count = row.int(3)
            if count > 0 {
                var scores: [Supervision: ScoreAggregate] = [:]
                for (offset, supervision) in Supervision.allCases.enumerated() {
                    let column = 4 + offset * 3
                    scores[supervision] = ScoreAggregate(
                        count: count, sum: row.int64(column), min: row.int(column + 1), max: row.int(column + 2))
                }
                subject.scores[category] = scores
            }
            subject.most += row.int(13)
            subject.least += row.int(14)
            tally.subjects[key] = subject
        }
        return tally
    }
}

extension BallotStore {
    /// The running aggregates of a round as a Tally.
    public static func tally(roundID: Int64, _ connection: Connection) throws -> Tally {
        try TallyTable.load(roundID: roundID, connection)
    }
}
