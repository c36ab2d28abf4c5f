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

/// Everything the results need to know about one subject, kept up to date ballot by ballot:
/// a `ScoreAggregate` per evaluator category and supervision, and how many ballots picked it
/// as most and as least satisfied.
public struct SubjectTally: Sendable, Hashable {
    public var scores: [EvaluatorCategory: [Supervision: ScoreAggregate]]
    public var most: Int
    public var least: Int

    public init(
        scores: [EvaluatorCategory: [Supervision: ScoreAggregate]] = [:], most: Int = 0,
        least: Int = 0
    ) {
        self.scores = scores
        self.most = most
        self.least = least
    }

    /// Most-satisfied picks minus least-satisfied picks (净票).
    public var net: Int { most - least }

    /// Number of ballots from `category` that scored this subject. A ballot entry always carries
    /// all three scores, so any one supervision's count is the ballot count.
    public func n(in category: EvaluatorCategory) -> Int {
        self[category, .villageTime].count
    }

    /// Number of ballots, from every category, that scored this subject.
    public var n: Int {
        EvaluatorCategory.allCases.reduce(0) { $0 + n(in: $1) }
    }

    /// The aggregate of `category`'s scores for `supervision` (empty if none).
    public subscript(category: EvaluatorCategory, supervision: Supervision) -> ScoreAggregate {
        scores[category]?[supervision] ?? ScoreAggregate()
    }

    /// All categories' scores for `supervision` merged into one aggregate.
    public func combined(_ supervision: Supervision) -> ScoreAggregate {
        EvaluatorCategory.allCases.reduce(ScoreAggregate()) { $0.merging(self[$1, supervision]) }
    }

    /// Counts one ballot's three scores for this subject, given by an evaluator of `category`.
    public mutating func add(_ entry: ScoreEntry, category: EvaluatorCategory) {
        var byCategory = scores[category, default: [:]]
        for supervision in Supervision.allCases {
            byCategory[supervision, default: ScoreAggregate()].add(entry[supervision])
        }
        scores[category] = byCategory
    }
}

/// The running tally of a round: one `SubjectTally` per subject any ballot touched. Recording a
/// ballot is O(entries); the store keeps the same figures in its own rows inside the ballot's
/// transaction, so computing results costs O(subjects), never O(ballots).
public struct Tally: Sendable, Hashable {
    public var subjects: [SubjectKey: SubjectTally]

    public init(subjects: [SubjectKey: SubjectTally] = [:]) {
        self.subjects = subjects
    }

    /// The tally of `key`, empty if no ballot touched it.
    public subscript(key: SubjectKey) -> SubjectTally {
        subjects[key] ?? SubjectTally()
    }

    /// Adds one valid ballot cast by an evaluator of `category`: its supervision entries and
    /// its (up to six) picks.
    public mutating func record(ballot: ValidBallot, category: EvaluatorCategory) {
        for entry in ballot.entries {
            subjects[entry.subject, default: SubjectTally()].add(entry, category: category)
        }
        for key in ballot.mostSatisfied.subjects {
            subjects[key, default: SubjectTally()].most += 1
        }
        for key in ballot.leastSatisfied.subjects {
            subjects[key, default: SubjectTally()].least += 1
        }
    }
}
