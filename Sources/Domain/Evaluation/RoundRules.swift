/// The inclusive range of integer scores a round accepts, e.g. 0–100.
public struct Scale: Sendable, Hashable, Codable {
    public var min: Int
    public var max: Int

    public init(min: Int = 0, max: Int = 100) {
        self.min = min
        self.max = max
    }

    /// Whether `score` may appear on a ballot of this round.
    public func contains(_ score: Int) -> Bool { min <= score && score <= max }
}

/// How much each supervision counts in the composite score. Only the ratios matter.
public struct SupervisionWeights: Sendable, Hashable, Codable {
    public var villageTime: Double
    public var attitude: Double
    public var completion: Double

    public init(villageTime: Double = 1, attitude: Double = 1, completion: Double = 1) {
        self.villageTime = villageTime
        self.attitude = attitude
        self.completion = completion
    }

    public subscript(supervision: Supervision) -> Double {
        switch supervision {
        case .villageTime: villageTime
        case .attitude: attitude
        case .completion: completion
        }
    }

    /// The sum of the three weights: the denominator of the composite.
    public var total: Double { villageTime + attitude + completion }

    enum CodingKeys: String, CodingKey {
        case villageTime = "village_time"
        case attitude
        case completion
    }
}

/// The scoring rules of one round (§4 of the contract): scale, supervision weights, optional
/// evaluator-category weights, the least-satisfied threshold and the anonymity group size.
/// The defaults are the contract's: 0–100, 1:1:1, no category weights, 0.3, 3.
public struct RoundRules: Sendable, Hashable, Codable {
    /// Scores outside ±this are refused so that `ScoreAggregate`'s Int64 sums cannot overflow.
    public static let scoreLimit = 1_000_000

    public var scale: Scale
    public var weights: SupervisionWeights
    /// When nil every ballot counts the same; when given it names all four categories.
    public var categoryWeights: [EvaluatorCategory: Double]?
    /// Fraction of the ballots a least-satisfied designation needs, in [0, 1].
    public var leastThreshold: Double
    /// Smallest evaluator group whose figures may be shown or weighed on their own.
    public var minGroup: Int

    public init(
        scale: Scale = Scale(),
        weights: SupervisionWeights = SupervisionWeights(),
        categoryWeights: [EvaluatorCategory: Double]? = nil,
        leastThreshold: Double = 0.3,
        minGroup: Int = 3
    ) {
        self.scale = scale
        self.weights = weights
        self.categoryWeights = categoryWeights
        self.leastThreshold = leastThreshold
        self.minGroup = minGroup
    }

    enum CodingKeys: String, CodingKey {
        case scale
        case weights
        case categoryWeights = "category_weights"
        case leastThreshold = "least_threshold"
        case minGroup = "min_group"
    }
}
