import Domain

/// The running aggregates of a round: per subject and evaluator category, the count, sum,
/// lowest and highest score of each supervision (enough for the one-high/one-low trim) and the
/// most/least picks. Updated in the ballot's own transaction, so results cost O(subjects).
enum TallyTable {
    private static let scoreUpsert = """
        INSERT INTO tallies (round_id, subject_kind, subject_id, category, n,
                             vt_sum, vt_min, vt_max, at_sum, at_min, at_max, co_sum, co_min, co_max)
        VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5, ?5, ?6, ?6, ?6, ?7, ?7, ?7)
        ON CONFLICT DO UPDATE SET n = n + 1,
            vt_sum = vt_sum + excluded.vt_sum, vt_min = min(coalesce(vt_min, excluded.vt_min), excluded.vt_min),
            vt_max = max(coalesce(vt_max, excluded.vt_max), excluded.vt_max),
            at_sum = at_sum + excluded.at_sum, at_min = min(coalesce(at_min, excluded.at_min), excluded.at_min),
            at_max = max(coalesce(at_max, excluded.at_max), excluded.at_max),
            co_sum = co_sum + excluded.co_sum, co_min = min(coalesce(co_min, excluded.co_min), excluded.co_min),
            co_max = max(coalesce(co_max, excluded.co_max), excluded.co_max)
        """

    private static let pickUpsert = """
        INSERT INTO tallies (round_id, subject_kind, subject_id, category, most, least) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT DO UPDATE SET most = most + excluded.most, least = least + excluded.least
        """

    static func add(_ ballot: ValidBallot, roundID: Int64, category: String, _ connection: Connection) throws {
        for entry in ballot.entries {
            try connection.run(
                scoreUpsert,
                [roundID, entry.subject.kind.rawValue, entry.subject.id, category,
                 entry.villageTime, entry.attitude, entry.completion])
        }
        for (picks, most) in [(ballot.mostSatisfied, 1), (ballot.leastSatisfied, 0)] {
            for subject in picks.subjects {
                try connection.run(pickUpsert, [roundID, subject.kind.rawValue, subject.id, category, most, 1 - most])
            }
        }
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
