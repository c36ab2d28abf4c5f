/// One evaluation round (contract §4) as stored: its rules, its panel and subject choices, and
/// where it is in `draft → open → closed → published`.
public struct Round: Sendable {
    public var id: Int64
    public var townshipID: Int64
    public var title: String
    public var kind: RoundKind
    public var period: String
    public var rules: RoundRules
    public var evaluatorIDs: [Int64]
    /// nil: every active cadre (department; project of the period's year) when the round opens.
    public var cadreIDs: [Int64]?
    public var departmentIDs: [Int64]?
    public var projectIDs: [Int64]?
    public var state: RoundState
    public var createdAt: String
    public var openedAt: String?
    public var closedAt: String?
    public var publishedAt: String?
    public var commentary: String?

    public init(
        id: Int64 = 0, townshipID: Int64, title: String, kind: RoundKind, period: String, rules: RoundRules,
        evaluatorIDs: [Int64], cadreIDs: [Int64]?, departmentIDs: [Int64]?, projectIDs: [Int64]?,
        state: RoundState = .draft, createdAt: String = "", openedAt: String? = nil, closedAt: String? = nil,
        publishedAt: String? = nil, commentary: String? = nil
    ) {
        self.id = id
        self.townshipID = townshipID
        self.title = title
        self.kind = kind
        self.period = period
        self.rules = rules
        self.evaluatorIDs = evaluatorIDs
        self.cadreIDs = cadreIDs
        self.departmentIDs = departmentIDs
        self.projectIDs = projectIDs
        self.state = state
        self.createdAt = createdAt
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.publishedAt = publishedAt
        self.commentary = commentary
    }

    /// The round as the API shows it.
    public var jsonObject: JSONObject {
        func ids(_ list: [Int64]?) -> JSONValue { list.map { .array($0.map(JSONValue.int)) } ?? .null }
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        var object: JSONObject = [
            "id": .int(id), "title": .string(title), "kind": .string(kind.rawValue), "period": .string(period),
            "state": .string(state.rawValue),
        ]
        for (key, value) in rules.jsonObject.entries { object[key] = value }
        object["evaluator_ids"] = ids(evaluatorIDs)
        object["cadre_ids"] = ids(cadreIDs)
        object["department_ids"] = ids(departmentIDs)
        object["project_ids"] = ids(projectIDs)
        object["created_at"] = .string(createdAt)
        object["opened_at"] = text(openedAt)
        object["closed_at"] = text(closedAt)
        object["published_at"] = text(publishedAt)
        return object
    }

    /// The short form inside results and ballot forms.
    public var summary: JSONObject {
        ["id": .int(id), "title": .string(title), "kind": .string(kind.rawValue), "period": .string(period)]
    }
}
