/// A year-end assessment (contract §11): `draft` while computed live, `notice` once its figures
/// are frozen and posted (公示), `final` once graded into the archive.
public struct Assessment: Sendable {
    public enum State: String, Sendable { case draft, notice, final }

    public var id: Int64
    public var townshipID: Int64
    public var year: Int
    public var rules: AssessmentRules
    public var state: State
    public var noticeEnds: CalendarDay?
    public var noticeCutShort: String?
    public var commentary: String?
    public var createdAt: String
    public var finalizedAt: String?
    /// The inputs frozen when the notice started.
    public var frozenInputs: [AssessmentInput]?
    /// The committee's overrides by cadre id.
    public var overrides: [Int64: (grade: AnnualGrade, reason: String)]

    public init(
        id: Int64, townshipID: Int64, year: Int, rules: AssessmentRules, state: State, noticeEnds: CalendarDay?,
        noticeCutShort: String?, commentary: String?, createdAt: String, finalizedAt: String?,
        frozenInputs: [AssessmentInput]?, overrides: [Int64: (grade: AnnualGrade, reason: String)]
    ) {
        self.id = id
        self.townshipID = townshipID
        self.year = year
        self.rules = rules
        self.state = state
        self.noticeEnds = noticeEnds
        self.noticeCutShort = noticeCutShort
        self.commentary = commentary
        self.createdAt = createdAt
        self.finalizedAt = finalizedAt
        self.frozenInputs = frozenInputs
        self.overrides = overrides
    }

    public var summary: JSONObject {
        var object: JSONObject = ["id": .int(id), "year": .int(Int64(year))]
        for (key, value) in rules.json.entries { object[key] = value }
        object["state"] = .string(state.rawValue)
        object["notice_ends"] = noticeEnds.map { .string($0.text) } ?? .null
        object["notice_cut_short"] = noticeCutShort.map(JSONValue.string) ?? .null
        object["commentary"] = commentary.map(JSONValue.string) ?? .null
        object["created_at"] = .string(createdAt)
        object["finalized_at"] = finalizedAt.map(JSONValue.string) ?? .null
        return object
    }
}

extension AssessmentInput {
    /// The stored form of a frozen input.
    public var json: JSONObject {
        let number = { (value: Double?) in value.map(JSONValue.double) ?? .null }
        return [
            "cadre_id": .int(cadre.id), "name": .string(cadre.name),
            "department": cadre.department.map(JSONValue.string) ?? .null, "supervision": number(supervision),
            "quarterly": number(quarterly), "tasks": number(tasks), "suspension_rounds": .int(Int64(suspensionRounds)),
            "sanctioned": .bool(sanctioned), "no_quarterly_good": .bool(noQuarterlyGood),
            "bottom_streak": .bool(bottomStreak),
        ]
    }

    public init?(json: JSONObject) {
        guard let id = json["cadre_id"]?.intValue, let name = json["name"]?.stringValue else { return nil }
        self.init(
            cadre: ReviewCadre(id: id, name: name, department: json["department"]?.stringValue),
            supervision: json["supervision"]?.doubleValue, quarterly: json["quarterly"]?.doubleValue,
            tasks: json["tasks"]?.doubleValue)
        suspensionRounds = Int(json["suspension_rounds"]?.intValue ?? 0)
        sanctioned = json["sanctioned"] == true
        noQuarterlyGood = json["no_quarterly_good"] == true
        bottomStreak = json["bottom_streak"] == true
    }
}

extension AssessmentRow {
    public var json: JSONObject {
        let number = { (value: Double?) in value.map { JSONValue.double(Scores.rounded($0)) } ?? .null }
        return [
            "cadre_id": .int(input.cadre.id), "name": .string(input.cadre.name),
            "department": input.cadre.department.map(JSONValue.string) ?? .null,
            "supervision": number(input.supervision), "quarterly": number(input.quarterly),
            "tasks": number(input.tasks), "score": number(score), "rank": rank.map { .int(Int64($0)) } ?? .null,
            "eligible": .bool(eligible), "proposed": proposed.map { .string($0.rawValue) } ?? .null,
            "grade": grade.map { .string($0.rawValue) } ?? .null,
            "reason": override.map { .string($0.reason) } ?? .null,
        ]
    }
}
