/// The cadres, departments and projects a round was opened with, names as they were then.
public struct FrozenSubjects: Sendable {
    public private(set) var cadres: [CadreSubject] = []
    public private(set) var departments: [DepartmentSubject] = []
    public private(set) var projects: [ProjectSubject] = []
    /// The board (为民办实事 …) of each project, for the ballot form.
    public private(set) var projectBoards: [Int: String] = [:]

    /// The ids as sets, built once (every ballot is checked against them).
    private var idSets = (cadres: Set<Int>(), departments: Set<Int>(), projects: Set<Int>())

    public init(
        cadres: [CadreSubject] = [], departments: [DepartmentSubject] = [], projects: [ProjectSubject] = [],
        projectBoards: [Int: String] = [:]
    ) {
        self.cadres = cadres
        self.departments = departments
        self.projects = projects
        self.projectBoards = projectBoards
        idSets = (Set(cadres.map(\.id)), Set(departments.map(\.id)), Set(projects.map(\.id)))
    }

    /// Every subject of the round.
    public var count: Int { cadres.count + departments.count + projects.count }

    /// What a ballot of this round may name.
    public func form(scale: Scale) -> BallotForm {
        BallotForm(
            scale: scale, cadreIDs: idSets.cadres, departmentIDs: idSets.departments, projectIDs: idSets.projects)
    }
}
