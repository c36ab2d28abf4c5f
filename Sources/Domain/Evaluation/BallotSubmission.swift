/// A ballot exactly as the evaluator sent it (§5), before any rule is checked. Every field that
/// JSON may leave out or set to null is optional here, so the validator can name what is missing
/// instead of the decoder failing on the first gap.
public struct BallotSubmission: Sendable, Hashable {
    public var supervision: [SupervisionEntry]
    public var mostSatisfied: Picks?
    public var leastSatisfied: Picks?
    public var comment: String?

    public init(
        supervision: [SupervisionEntry] = [],
        mostSatisfied: Picks? = nil,
        leastSatisfied: Picks? = nil,
        comment: String? = nil
    ) {
        self.supervision = supervision
        self.mostSatisfied = mostSatisfied
        self.leastSatisfied = leastSatisfied
        self.comment = comment
    }
}

/// One line of the supervision table: a cadre or a department and its three scores.
public struct SupervisionEntry: Sendable, Hashable {
    public var cadreID: Int?
    public var departmentID: Int?
    public var villageTime: Int?
    public var attitude: Int?
    public var completion: Int?

    public init(
        cadreID: Int? = nil, departmentID: Int? = nil,
        villageTime: Int? = nil, attitude: Int? = nil, completion: Int? = nil
    ) {
        self.cadreID = cadreID
        self.departmentID = departmentID
        self.villageTime = villageTime
        self.attitude = attitude
        self.completion = completion
    }

    /// The score given for `supervision`, if any.
    public subscript(supervision: Supervision) -> Int? {
        switch supervision {
        case .villageTime: villageTime
        case .attitude: attitude
        case .completion: completion
        }
    }
}

/// One side of the six picks (六评): a cadre, a department and a project, each of which may be
/// nil (abstain). Used both as submitted and, once validated, as counted.
public struct Picks: Sendable, Hashable {
    public var cadreID: Int?
    public var departmentID: Int?
    public var projectID: Int?

    public init(cadreID: Int? = nil, departmentID: Int? = nil, projectID: Int? = nil) {
        self.cadreID = cadreID
        self.departmentID = departmentID
        self.projectID = projectID
    }

    /// The id picked for `kind`, nil for an abstention.
    public subscript(kind: SubjectKind) -> Int? {
        switch kind {
        case .cadre: cadreID
        case .department: departmentID
        case .project: projectID
        }
    }

    /// The subjects actually picked, in kind order (cadre, department, project).
    public var subjects: [SubjectKey] {
        SubjectKind.allCases.compactMap { kind in self[kind].map { SubjectKey(kind: kind, id: $0) } }
    }
}
