/// The computation of a quarterly review (contract §10): task points from the status lights on
/// the quarter's last day, votes from the linked round, their weighted mean, competition ranks,
/// grades and the bottom-streak flag. Pure: the caller reads everything it needs.
public enum QuarterlyRanking {
    public static let bottomStreakFlag = "bottom_streak"

    /// The mean of `points[light]` over the cadre's targets of the year that have a schedule,
    /// start on or before `day` and are not cancelled, each lit as on `day`; nil if none.
    public static func tasks(
        of cadreID: Int64, projects: [BoardProject], on day: CalendarDay, points: [StatusLight: Double]
    ) -> Double? {
        let lit = projects.compactMap { project -> Double? in
            guard project.cadreID == cadreID, !project.cancelled, let schedule = project.schedule,
                schedule.start <= day
            else { return nil }
            return points[StatusLight.of(schedule, checks: project.checks, asOf: day)] ?? 0
        }
        return lit.isEmpty ? nil : lit.reduce(0, +) / Double(lit.count)
    }

    /// The weighted mean of the parts that are not nil; nil when none is left or their weight is 0.
    public static func weightedMean(_ parts: [(value: Double?, weight: Double)]) -> Double? {
        let present = parts.compactMap { part in part.value.map { ($0, part.weight) } }
        let weight = present.reduce(0) { $0 + $1.1 }
        guard !present.isEmpty, weight > 0 else { return nil }
        return present.reduce(0) { $0 + $1.0 * $1.1 } / weight
    }

    /// Orders rows by score (descending, unscored last), then id; competition ranks on equal
    /// unrounded scores.
    public static func ranked(_ rows: [QuarterlyReviewRow]) -> [QuarterlyReviewRow] {
        var ordered = rows.sorted { a, b in
            switch (a.score, b.score) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.cadre.id < b.cadre.id
            }
        }
        for index in ordered.indices {
            guard ordered[index].score != nil else { continue }
            if index > 0, ordered[index - 1].score == ordered[index].score {
                ordered[index].rank = ordered[index - 1].rank
            } else {
                ordered[index].rank = index + 1
            }
        }
        return ordered
    }

    /// The cadres at the last scored rank.
    public static func bottom(_ rows: [QuarterlyReviewRow]) -> Set<Int64> {
        guard let last = rows.compactMap(\.rank).max() else { return [] }
        return Set(rows.filter { $0.rank == last }.map(\.cadre.id))
    }

    /// The whole review. `previousBottoms` are the last-ranked cadres of the finalized reviews of
    /// the quarters just before, most recent first, nil where a quarter has no finalized review.
    public static func rows(
        cadres: [ReviewCadre], projects: [BoardProject], votes: [Int64: Double], rules: QuarterlyReviewRules,
        quarterEnd: CalendarDay, previousBottoms: [Set<Int64>?]
    ) -> [QuarterlyReviewRow] {
        var rows = cadres.map { cadre in
            let tasks = tasks(of: cadre.id, projects: projects, on: quarterEnd, points: rules.points)
            let vote = votes[cadre.id]
            let score = weightedMean([(tasks, rules.tasksWeight), (vote, rules.votesWeight)])
            return QuarterlyReviewRow(
                cadre: cadre, tasks: tasks, votes: vote, score: score, grade: score.map(QuarterlyGrade.init(score:)))
        }
        rows = ranked(rows)
        let earlier = previousBottoms.prefix(rules.bottomStreak - 1)
        for id in bottom(rows)
        where earlier.count == rules.bottomStreak - 1 && earlier.allSatisfy({ $0?.contains(id) == true }) {
            if let index = rows.firstIndex(where: { $0.cadre.id == id }) { rows[index].flags = [bottomStreakFlag] }
        }
        return rows
    }
}
