/// The running summary of the scores one subject received for one supervision (from one
/// evaluator category, or from all of them merged): how many, their sum, the lowest and the
/// highest. That is all the trimmed mean of §6 needs, because it drops exactly one highest and
/// one lowest score — so a ballot updates it in O(1) and results never re-read the ballots.
public struct ScoreAggregate: Sendable, Hashable, Codable {
    /// Trimming starts at this many scores (去掉一个最高分和一个最低分 from five on).
    public static let trimFrom = 5

    public private(set) var count: Int
    public private(set) var sum: Int64
    /// Lowest score seen; meaningless (0) while `count` is 0.
    public private(set) var min: Int
    /// Highest score seen; meaningless (0) while `count` is 0.
    public private(set) var max: Int

    /// An empty aggregate.
    public init() {
        self.init(count: 0, sum: 0, min: 0, max: 0)
    }

    /// Rebuilds an aggregate from stored columns (the store keeps one row per aggregate).
    public init(count: Int, sum: Int64, min: Int, max: Int) {
        self.count = count
        self.sum = sum
        self.min = min
        self.max = max
    }

    /// Counts one more score.
    public mutating func add(_ score: Int) {
        if count == 0 {
            min = score
            max = score
        } else {
            min = Swift.min(min, score)
            max = Swift.max(max, score)
        }
        count += 1
        sum += Int64(score)
    }

    /// The aggregate of both sets of scores together, as if every score had been added to one.
    public func merging(_ other: ScoreAggregate) -> ScoreAggregate {
        if other.count == 0 { return self }
        if count == 0 { return other }
        return ScoreAggregate(
            count: count + other.count, sum: sum + other.sum,
            min: Swift.min(min, other.min), max: Swift.max(max, other.max))
    }

    /// The §6 mean: with 5 or more scores, one highest and one lowest are dropped first,
    /// giving (sum − min − max) / (count − 2); with 1–4 scores, the plain mean sum / count;
    /// nil when there are no scores. Unrounded — rounding happens only for output.
    public var trimmedMean: Double? {
        guard count > 0 else { return nil }
        if count >= Self.trimFrom {
            return Double(sum - Int64(min) - Int64(max)) / Double(count - 2)
        }
        return Double(sum) / Double(count)
    }
}
