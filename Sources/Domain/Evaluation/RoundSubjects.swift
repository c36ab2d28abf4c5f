/// A cadre as frozen into a round when it opened: the names shown on the form and the results
/// stay as they were then, even if the cadre is renamed or moves department later.
public struct CadreSubject: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    public var departmentID: Int
    public var departmentName: String

    public init(id: Int, name: String, departmentID: Int, departmentName: String) {
        self.id = id
        self.name = name
        self.departmentID = departmentID
        self.departmentName = departmentName
    }
}

/// A department as frozen into a round when it opened.
public struct DepartmentSubject: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String

    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}

/// A practical project (实事) as frozen into a round when it opened.
public struct ProjectSubject: Sendable, Hashable, Codable {
    public var id: Int
    public var title: String

    public init(id: Int, title: String) {
        self.id = id
        self.title = title
    }
}
