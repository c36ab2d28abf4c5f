/// The computed part of a round's results (§6): the three ordered tables and the designations.
/// The caller adds `round` and `turnout` around it.
public struct RoundResults: Sendable, Hashable, Codable {
    public var cadres: [CadreResult]
    public var departments: [DepartmentResult]
    public var projects: [ProjectResult]
    public var designations: Designations

    public init(
        cadres: [CadreResult], departments: [DepartmentResult], projects: [ProjectResult],
        designations: Designations
    ) {
        self.cadres = cadres
        self.departments = departments
        self.projects = projects
        self.designations = designations
    }
}

/// Who is designated most and least satisfied (§6), per kind. These drive commendation and
/// suspension when the round is published.
public struct Designations: Sendable, Hashable, Codable {
    public var mostSatisfied: DesignatedIDs
    public var leastSatisfied: DesignatedIDs

    public init(mostSatisfied: DesignatedIDs, leastSatisfied: DesignatedIDs) {
        self.mostSatisfied = mostSatisfied
        self.leastSatisfied = leastSatisfied
    }

    enum CodingKeys: String, CodingKey {
        case mostSatisfied = "most_satisfied"
        case leastSatisfied = "least_satisfied"
    }
}

/// The ids designated on one side, per kind, each list ascending (several on a tie).
public struct DesignatedIDs: Sendable, Hashable, Codable {
    public var cadres: [Int]
    public var departments: [Int]
    public var projects: [Int]

    public init(cadres: [Int] = [], departments: [Int] = [], projects: [Int] = []) {
        self.cadres = cadres
        self.departments = departments
        self.projects = projects
    }
}
