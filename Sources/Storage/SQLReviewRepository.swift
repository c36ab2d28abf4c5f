import Domain
import Primitives
import Store

/// Quarterly reviews (contract §10), on either backend.
struct SQLReviewRepository: ReviewRepository {
    let session: any SQLSession
    let clock: any TimeSource

    private static let columns =
        "id, township_id, period, round_id, rules, state, commentary, created_at, finalized_at, cadres"

    func createQuarterly(townshipID: Int64, period: Period, roundID: Int64?, rules: QuarterlyReviewRules) throws
        -> QuarterlyReview
    {
        let id: Int64?
        do {
            id = try session.guarded {
                try session.queryOne(
                    """
                    INSERT INTO quarterly_reviews (township_id, period, round_id, rules, created_at)
                    VALUES (?, ?, ?, ?, ?) RETURNING id
                    """,
                    [
                        townshipID, period.description, roundID, JSONWriter.encodeString(.object(rules.json)),
                        clock.timestamp(),
                    ]
                ) { $0.int64(0) }
            }
        } catch StoreError.constraint(.unique, _) {
            throw RegistryError.conflict(row: nil, field: "period", value: period.description)
        }
        return try quarterly(townshipID: townshipID, id: id ?? 0)!
    }

    func quarterly(townshipID: Int64, id: Int64) throws -> QuarterlyReview? {
        try session.queryOne(
            "SELECT \(Self.columns) FROM quarterly_reviews WHERE township_id = ? AND id = ?", [townshipID, id],
            Self.review)
    }

    func quarterly(townshipID: Int64, period: Period) throws -> QuarterlyReview? {
        try session.queryOne(
            "SELECT \(Self.columns) FROM quarterly_reviews WHERE township_id = ? AND period = ?",
            [townshipID, period.description], Self.review)
    }

    func quarterlies(townshipID: Int64, finalOnly: Bool) throws -> [QuarterlyReview] {
        try session.query(
            """
            SELECT \(Self.columns) FROM quarterly_reviews
            WHERE township_id = ? AND (? = 0 OR state = 'final') ORDER BY period
            """, [townshipID, finalOnly ? 1 : 0], Self.review)
    }

    func finalizeQuarterly(townshipID: Int64, id: Int64, commentary: String, cadres: [JSONObject]) throws -> Bool {
        try session.run(
            """
            UPDATE quarterly_reviews SET state = 'final', commentary = ?, finalized_at = ?, cadres = ?
            WHERE township_id = ? AND id = ? AND state = 'draft'
            """,
            [
                commentary, clock.timestamp(), JSONWriter.encodeString(.array(cadres.map(JSONValue.object))),
                townshipID, id,
            ]) == 1
    }

    func roster(townshipID: Int64) throws -> [ReviewCadre] {
        try session.query(
            """
            SELECT c.id, c.name, d.name FROM cadres c LEFT JOIN departments d ON d.id = c.department_id
            WHERE c.township_id = ? AND c.status != 'left' ORDER BY c.id
            """, [townshipID]
        ) { ReviewCadre(id: $0.int64(0), name: $0.string(1), department: $0.optionalString(2)) }
    }

    private static func review(_ row: any SQLRow) -> QuarterlyReview {
        let rules = (try? JSONParser.parse(row.string(4)))?.objectValue.map(QuarterlyReviewRules.init(json:))
        let cadres = row.optionalString(9).flatMap { try? JSONParser.parse($0) }?.arrayValue?.compactMap(\.objectValue)
        return QuarterlyReview(
            id: row.int64(0), townshipID: row.int64(1), period: Period(row.string(2))!, roundID: row.optionalInt64(3),
            rules: rules ?? QuarterlyReviewRules(), state: QuarterlyReview.State(rawValue: row.string(5)) ?? .draft,
            commentary: row.optionalString(6), createdAt: row.string(7), finalizedAt: row.optionalString(8),
            frozenCadres: cadres)
    }
}
