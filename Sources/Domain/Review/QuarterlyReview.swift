/// A quarterly review meeting (督评会, contract §10): `draft` while its figures are computed
/// live, `final` once the party committee's commentary froze them.
public struct QuarterlyReview: Sendable {
    public enum State: String, Sendable { case draft, final }

    public var id: Int64
    public var townshipID: Int64
    public var period: Period
    public var roundID: Int64?
    public var rules: QuarterlyReviewRules
    public var state: State
    public var commentary: String?
    public var createdAt: String
    public var finalizedAt: String?
    /// The cadres' rows as frozen at finalization (`QuarterlyReviewRow.json`).
    public var frozenCadres: [JSONObject]?

    public init(
        id: Int64, townshipID: Int64, period: Period, roundID: Int64?, rules: QuarterlyReviewRules, state: State,
        commentary: String?, createdAt: String, finalizedAt: String?, frozenCadres: [JSONObject]?
    ) {
        self.id = id
        self.townshipID = townshipID
        self.period = period
        self.roundID = roundID
        self.rules = rules
        self.state = state
        self.commentary = commentary
        self.createdAt = createdAt
        self.finalizedAt = finalizedAt
        self.frozenCadres = frozenCadres
    }

    /// The review without its cadres.
    public var summary: JSONObject {
        var object: JSONObject = [
            "id": .int(id), "period": .string(period.description), "round_id": roundID.map(JSONValue.int) ?? .null,
        ]
        for (key, value) in rules.json.entries { object[key] = value }
        object["state"] = .string(state.rawValue)
        object["commentary"] = commentary.map(JSONValue.string) ?? .null
        object["created_at"] = .string(createdAt)
        object["finalized_at"] = finalizedAt.map(JSONValue.string) ?? .null
        return object
    }

    /// The last-ranked cadres of a finalized review.
    public var frozenBottom: Set<Int64>? {
        guard state == .final, let rows = frozenCadres else { return nil }
        let ranks = rows.compactMap { $0["rank"]?.intValue }
        guard let last = ranks.max() else { return [] }
        return Set(rows.filter { $0["rank"]?.intValue == last }.compactMap { $0["cadre_id"]?.intValue })
    }
}
