/// One row of the cadre table in §6. `rank` is nil for an unscored cadre; `byCategory` holds
/// only categories with at least `min_group` ballots in the round.
public struct CadreResult: Sendable, Hashable, Codable {
    public var cadreID: Int
    public var name: String
    public var departmentID: Int
    public var department: String
    public var most: Int
    public var least: Int
    public var net: Int
    public var n: Int
    public var scores: Scores
    public var rank: Int?
    public var byCategory: [EvaluatorCategory: CategoryBreakdown]

    public init(
        cadreID: Int, name: String, departmentID: Int, department: String, most: Int, least: Int,
        n: Int, scores: Scores, rank: Int?, byCategory: [EvaluatorCategory: CategoryBreakdown]
    ) {
        self.cadreID = cadreID
        self.name = name
        self.departmentID = departmentID
        self.department = department
        self.most = most
        self.least = least
        self.net = most - least
        self.n = n
        self.scores = scores
        self.rank = rank
        self.byCategory = byCategory
    }

    enum CodingKeys: String, CodingKey {
        case cadreID = "cadre_id"
        case name
        case departmentID = "department_id"
        case department, most, least, net, n, scores, rank
        case byCategory = "by_category"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cadreID, forKey: .cadreID)
        try container.encode(name, forKey: .name)
        try container.encode(departmentID, forKey: .departmentID)
        try container.encode(department, forKey: .department)
        try container.encode(most, forKey: .most)
        try container.encode(least, forKey: .least)
        try container.encode(net, forKey: .net)
        try container.encode(n, forKey: .n)
        try container.encode(scores, forKey: .scores)
        try container.encodeOrNull(rank, forKey: .rank)
        try container.encode(byCategory, forKey: .byCategory)
    }
}

/// One row of the department table in §6; the same figures as a cadre without the department
/// columns.
public struct DepartmentResult: Sendable, Hashable, Codable {
    public var departmentID: Int
    public var name: String
    public var most: Int
    public var least: Int
    public var net: Int
    public var n: Int
    public var scores: Scores
    public var rank: Int?
    public var byCategory: [EvaluatorCategory: CategoryBreakdown]

    public init(
        departmentID: Int, name: String, most: Int, least: Int, n: Int, scores: Scores, rank: Int?,
        byCategory: [EvaluatorCategory: CategoryBreakdown]
    ) {
        self.departmentID = departmentID
        self.name = name
        self.most = most
        self.least = least
        self.net = most - least
        self.n = n
        self.scores = scores
        self.rank = rank
        self.byCategory = byCategory
    }

    enum CodingKeys: String, CodingKey {
        case departmentID = "department_id"
        case name, most, least, net, n, scores, rank
        case byCategory = "by_category"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(departmentID, forKey: .departmentID)
        try container.encode(name, forKey: .name)
        try container.encode(most, forKey: .most)
        try container.encode(least, forKey: .least)
        try container.encode(net, forKey: .net)
        try container.encode(n, forKey: .n)
        try container.encode(scores, forKey: .scores)
        try container.encodeOrNull(rank, forKey: .rank)
        try container.encode(byCategory, forKey: .byCategory)
    }
}

/// One row of the project table in §6: projects are only picked, never scored, so they rank
/// on votes alone.
public struct ProjectResult: Sendable, Hashable, Codable {
    public var projectID: Int
    public var title: String
    public var most: Int
    public var least: Int
    public var net: Int
    public var rank: Int

    public init(projectID: Int, title: String, most: Int, least: Int, rank: Int) {
        self.projectID = projectID
        self.title = title
        self.most = most
        self.least = least
        self.net = most - least
        self.rank = rank
    }

    enum CodingKeys: String, CodingKey {
        case projectID = "project_id"
        case title, most, least, net, rank
    }
}
