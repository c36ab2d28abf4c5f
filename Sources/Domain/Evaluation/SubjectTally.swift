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
