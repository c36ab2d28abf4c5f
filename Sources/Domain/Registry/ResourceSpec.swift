/// How one field of a registry resource is checked, stored and shown.
public struct FieldSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Text of 1...maxLength Unicode scalars (or 0... when the field is optional).
        case text(maxLength: Int)
        case bool
        case integer(ClosedRange<Int64>)
        /// One of a fixed set of strings.
        case choice([String])
        /// The id of another resource of the same township (`table` names it).
        case reference(table: String)
        /// The id of a cadre of the same township with `leader: true` (分管领导).
        case leader
        /// A calendar date `YYYY-MM-DD`.
        case date
    }

    public var name: String
    public var kind: Kind
    /// Must be given on create.
    public var required: Bool
    /// The value a create without this field stores (nil: SQL NULL).
    public var defaultValue: JSONValue?
    /// May be given on create.
    public var creatable: Bool
    /// May be changed by PATCH.
    public var patchable: Bool

    public init(
        _ name: String, _ kind: Kind, required: Bool = false, default defaultValue: JSONValue? = nil,
        creatable: Bool = true, patchable: Bool = true
    ) {
        self.name = name
        self.kind = kind
        self.required = required
        self.defaultValue = defaultValue
        self.creatable = creatable
        self.patchable = patchable
    }
}

/// A registry resource of contract §3: the table behind it, its fields, what is unique within a
/// township, and which query parameters filter its list.
public struct ResourceSpec: Sendable {
    /// Path segment and table name (`departments`).
    public var name: String
    public var fields: [FieldSpec]
    /// Fields whose value must be unique within a township (409 on a clash).
    public var uniqueField: String?
    /// Fields a `GET` collection filters on (`?department_id=&status=`).
    public var filters: [String]
    /// Text members a PATCH may carry to explain a change (`due_change_reason`): checked, kept
    /// in the resource's history, never stored as columns.
    public var patchReasons: [String] = []

    public func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }
}

/// The four township registries of contract §3.
public enum Registry {
    public static let departments = ResourceSpec(
        name: "departments",
        fields: [
            FieldSpec("name", .text(maxLength: 100), required: true),
            FieldSpec("active", .bool, default: true),
        ],
        uniqueField: "name", filters: ["active"])

    public static let cadres = ResourceSpec(
        name: "cadres",
        fields: [
            FieldSpec("name", .text(maxLength: 50), required: true),
            FieldSpec("department_id", .reference(table: "departments"), required: true),
            FieldSpec("post", .text(maxLength: 100)),
            FieldSpec("status", .choice(CadreStatus.allCases.map(\.rawValue)), default: "active"),
            FieldSpec("village", .text(maxLength: 100)),
            FieldSpec("leader", .bool, default: false),
        ],
        uniqueField: nil, filters: ["department_id", "status", "leader"])

    public static let projects = ResourceSpec(
        name: "projects",
        fields: [
            FieldSpec("title", .text(maxLength: 200), required: true),
            FieldSpec("board", .choice(ProjectBoard.allCases.map(\.rawValue)), required: true),
            FieldSpec("year", .integer(2000...2100), required: true),
            FieldSpec("department_id", .reference(table: "departments")),
            FieldSpec("cadre_id", .reference(table: "cadres")),
            FieldSpec("supervisor_id", .leader),
            FieldSpec("village", .text(maxLength: 100)),
            FieldSpec("target", .text(maxLength: 500)),
            FieldSpec("start", .date),
            FieldSpec("due", .date),
            FieldSpec("state", .choice(["active", "cancelled"]), default: "active", creatable: false),
            FieldSpec("original_due", .date, creatable: false, patchable: false),
            FieldSpec("due_changes", .integer(0...Int64.max), default: 0, creatable: false, patchable: false),
        ],
        uniqueField: nil, filters: ["board", "year", "department_id", "cadre_id", "supervisor_id", "state"],
        patchReasons: [ProjectRules.dueChangeReason, ProjectRules.stateChangeReason])

    public static let evaluators = ResourceSpec(
        name: "evaluators",
        fields: [
            FieldSpec("name", .text(maxLength: 50), required: true),
            FieldSpec("category", .choice(EvaluatorCategory.allCases.map(\.rawValue)), required: true),
            FieldSpec("village", .text(maxLength: 100)),
            FieldSpec("active", .bool, default: true),
        ],
        uniqueField: nil, filters: ["category", "active"])

    public static let all = [departments, cadres, projects, evaluators]
}
