/// A subject's four scores. All four are nil together for a subject that is unscored (nobody
/// scored it, or only categories weighing 0 did). Values are kept unrounded; `encode(to:)`
/// rounds to 2 decimals and writes explicit nulls, as §6 shows them.
public struct Scores: Sendable, Hashable, Codable {
    public var villageTime: Double?
    public var attitude: Double?
    public var completion: Double?
    public var composite: Double?

    public init(
        villageTime: Double? = nil, attitude: Double? = nil, completion: Double? = nil,
        composite: Double? = nil
    ) {
        self.villageTime = villageTime
        self.attitude = attitude
        self.completion = completion
        self.composite = composite
    }

    /// The scores of a subject nobody (with weight) scored.
    public static let unscored = Scores()

    /// Whether the subject has scores at all (and so takes part in ranking).
    public var isScored: Bool { composite != nil }

    /// The score of one supervision.
    public subscript(supervision: Supervision) -> Double? {
        switch supervision {
        case .villageTime: villageTime
        case .attitude: attitude
        case .completion: completion
        }
    }

    /// `value` in whole hundredths, half away from zero (85.8666 → 8587). The one rounding rule
    /// every output — JSON, CSV, archive strings — goes through, so they always agree.
    ///
    /// Scores are means of whole numbers, so a true half (1.005, 0.995) is common, and in binary
    /// it often lands a hair below the half (1.005 × 100 = 100.49999999999999): the magnitude is
    /// nudged up by a relative 1e-12 first, far less than any real distance from a half, so a
    /// half rounds away from zero the way a clerk checking by hand rounds it.
    public static func hundredths(_ value: Double) -> Int64 {
        let magnitude = (abs(value) * 100 * (1 + 1e-12)).rounded(.toNearestOrAwayFromZero)
        return Int64(value < 0 ? -magnitude : magnitude)
    }

    /// `value` rounded to 2 decimals, for JSON output (85.8666 → 85.87).
    public static func rounded(_ value: Double) -> Double {
        Double(hundredths(value)) / 100
    }

    /// `value` as text with exactly 2 decimals (85.8666 → "85.87", 85 → "85.00"), for the CSV
    /// export and the archive's string scores.
    public static func text(_ value: Double) -> String {
        let cents = hundredths(value)
        let whole = cents.magnitude / 100
        let fraction = cents.magnitude % 100
        return "\(cents < 0 ? "-" : "")\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A score as the archive keeps it: text with 2 decimals (its canonical JSON has no
    /// fractions), or null.
    public static func archived(_ value: Double?) -> JSONValue {
        value.map { .string(text($0)) } ?? .null
    }

    enum CodingKeys: String, CodingKey {
        case villageTime = "village_time"
        case attitude
        case completion
        case composite
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeOrNull(villageTime.map(Self.rounded), forKey: .villageTime)
        try container.encodeOrNull(attitude.map(Self.rounded), forKey: .attitude)
        try container.encodeOrNull(completion.map(Self.rounded), forKey: .completion)
        try container.encodeOrNull(composite.map(Self.rounded), forKey: .composite)
    }
}

/// The figures of one evaluator category for one subject (an entry of `by_category`).
public struct CategoryBreakdown: Sendable, Hashable, Codable {
    /// Ballots of this category that scored the subject.
    public var n: Int
    public var scores: Scores

    public init(n: Int, scores: Scores) {
        self.n = n
        self.scores = scores
    }
}

extension KeyedEncodingContainer {
    /// Encodes `value`, or an explicit JSON null where the synthesized code would omit the key:
    /// §6 shows unscored subjects with `null` scores and rank, and clients rely on the keys.
    mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value {
            try encode(value, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}
