/// The three kinds of thing a ballot can score or pick.
public enum SubjectKind: String, Sendable, Hashable, Codable, CaseIterable {
    case cadre
    case department
    case project
}

/// Names one subject of a round: a cadre, department or project by its id. Ids are only unique
/// within a kind, hence the pair.
public struct SubjectKey: Sendable, Hashable, Codable {
    public var kind: SubjectKind
    public var id: Int

    public init(kind: SubjectKind, id: Int) {
        self.kind = kind
        self.id = id
    }

    public static func cadre(_ id: Int) -> SubjectKey { SubjectKey(kind: .cadre, id: id) }
    public static func department(_ id: Int) -> SubjectKey { SubjectKey(kind: .department, id: id) }
    public static func project(_ id: Int) -> SubjectKey { SubjectKey(kind: .project, id: id) }
}
