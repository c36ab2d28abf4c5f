/// What a ballot may mention: the round's scale and its frozen subject lists.
public struct BallotForm: Sendable, Hashable {
    public var scale: Scale
    public var cadreIds: Set<Int>
    public var departmentIds: Set<Int>
    public var projectIds: Set<Int>

    public init(scale: Scale, cadreIds: Set<Int>, departmentIds: Set<Int>, projectIds: Set<Int>) {
        self.scale = scale
        self.cadreIds = cadreIds
        self.departmentIds = departmentIds
        self.projectIds = projectIds
    }

    /// Whether `id` is in the frozen list of `kind`.
    public func allows(_ kind: SubjectKind, _ id: Int) -> Bool {
        switch kind {
        case .cadre: cadreIds.contains(id)
        case .department: departmentIds.contains(id)
        case .project: projectIds.contains(id)
        }
    }
}
