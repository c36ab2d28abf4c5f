import Domain
import Store

/// Computes a quarterly review's rows from what is stored (contract §10), and finalizes it with
/// its archive records in one unit of work.
enum QuarterlyReviewWorkflow {
    /// The rows: live while the review is a draft, as frozen once final.
    static func rows(_ review: QuarterlyReview, _ transaction: any StoreTransaction) throws -> [JSONObject] {
        if review.state == .final { return review.frozenCadres ?? [] }
        return try compute(review, transaction).map(\.json)
    }

    static func compute(_ review: QuarterlyReview, _ transaction: any StoreTransaction) throws -> [QuarterlyReviewRow] {
        let township = review.townshipID
        var votes: [Int64: Double] = [:]
        if let roundID = review.roundID, let round = try transaction.rounds.get(townshipID: township, id: roundID) {
            for cadre in try ResultsDocument.inputs(round, transaction).results.cadres {
                if let composite = cadre.scores.composite { votes[Int64(cadre.cadreID)] = composite }
            }
        }
        var previousBottoms: [Set<Int64>?] = []
        var period = review.period
        for _ in 1..<max(review.rules.bottomStreak, 1) {
            guard let earlier = period.previous else {
                previousBottoms.append(nil)
                continue
            }
            period = earlier
            previousBottoms.append(
                try transaction.reviews.quarterly(townshipID: township, period: earlier)?.frozenBottom)
        }
        return QuarterlyRanking.rows(
            cadres: try transaction.reviews.roster(townshipID: township),
            projects: try transaction.projects.boardProjects(townshipID: township, year: review.period.year),
            votes: votes, rules: review.rules, quarterEnd: review.period.lastDay, previousBottoms: previousBottoms)
    }

    /// Freezes the review with `commentary` and appends a `quarterly_review` record to each
    /// ranked cadre's archive; 409 when it is already final.
    static func finalize(_ store: any DataStore, townshipID: Int64, id: Int64, commentary: String) throws
        -> QuarterlyReview?
    {
        try store.write { transaction in
            guard let review = try transaction.reviews.quarterly(townshipID: townshipID, id: id) else { return nil }
            guard review.state == .draft else { throw APIError.conflict("This review is already final.") }
            let rows = try compute(review, transaction)
            guard
                try transaction.reviews.finalizeQuarterly(
                    townshipID: townshipID, id: id, commentary: commentary, cadres: rows.map(\.json))
            else { throw APIError.conflict("This review is already final.") }
            for row in rows where row.rank != nil {
                let data: JSONObject = [
                    "rank": .int(Int64(row.rank ?? 0)), "grade": .string(row.grade?.rawValue ?? ""),
                    "score": Scores.archived(row.score), "tasks": Scores.archived(row.tasks),
                    "votes": Scores.archived(row.votes), "flags": .array(row.flags.map(JSONValue.string)),
                ]
                _ = try transaction.archive.append(
                    cadreID: row.cadre.id, kind: .quarterlyReview, roundID: review.roundID,
                    period: review.period.description, data: .object(data))
            }
            return try transaction.reviews.quarterly(townshipID: townshipID, id: id)
        }
    }
}
