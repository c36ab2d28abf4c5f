import Domain

/// Tally increments waiting to be written: per round and evaluator category, the sum of the
/// ballots of one group commit.
public struct PendingTallies: Sendable {
    struct Key: Hashable {
        var roundID: Int64
        var category: EvaluatorCategory
    }

    private(set) var increments: [Key: Tally] = [:]

    public init() {}

    mutating func add(_ ballot: ValidBallot, roundID: Int64, category: EvaluatorCategory) {
        increments[Key(roundID: roundID, category: category), default: Tally()].record(ballot: ballot, category: category)
    }

    mutating func merge(_ other: PendingTallies) {
        for (key, tally) in other.increments {
            var sum = increments[key] ?? Tally()
            for (subject, figures) in tally.subjects {
                var total = sum.subjects[subject] ?? SubjectTally()
                for (category, scores) in figures.scores {
                    var merged = total.scores[category] ?? [:]
                    for (supervision, aggregate) in scores {
                        merged[supervision] = (merged[supervision] ?? ScoreAggregate()).merging(aggregate)
                    }
                    total.scores[category] = merged
                }
                total.most += figures.most
                total.least += figures.least
                sum.subjects[subject] = total
            }
            increments[key] = sum
        }
    }

    /// Adds the increments to the `tallies` table: one upsert per subject and category.
    func write(_ connection: Connection) throws {
        for (key, tally) in increments {
            for (subject, figures) in tally.subjects {
                try TallyTable.add(figures, subject: subject, roundID: key.roundID, category: key.category, connection)
            }
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

    static func add(
        _ figures: SubjectTally, subject: SubjectKey, roundID: Int64, category: EvaluatorCategory, _ connection: Connection
    ) throws {
        var values: [any SQLBindable] = [roundID, subject.kind.rawValue, subject.id, category.rawValue, figures.n(in: category)]
        for supervision in Supervision.allCases {
            let aggregate = figures[category, supervision]
            if aggregate.count > 0 {
                values += [aggregate.sum, aggregate.min, aggregate.max]
            } else {
                values += [0, SQLValue.null, SQLValue.null]
            }
        }
        values += [figures.most, figures.least]
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
            guard let kind = SubjectKind(rawValue: row.string(0)), let category = EvaluatorCategory(rawValue: row.string(2))
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
