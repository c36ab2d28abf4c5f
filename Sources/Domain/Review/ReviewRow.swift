/// A cadre as a review lists it (contract §10, §11).
public struct ReviewCadre: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var department: String?

    public init(id: Int64, name: String, department: String?) {
        self.id = id
        self.name = name
        self.department = department
    }
}

/// A quarterly grade (季评): 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60, else 较差.
public enum QuarterlyGrade: String, Sendable, CaseIterable {
    case good = "好"
    case fairlyGood = "较好"
    case average = "一般"
    case poor = "较差"

    public init(score: Double) {
        self = score >= 90 ? .good : score >= 80 ? .fairlyGood : score >= 60 ? .average : .poor
    }
}

/// One cadre's line in a quarterly review.
public struct QuarterlyReviewRow: Sendable, Equatable {
    public var cadre: ReviewCadre
    public var tasks: Double?
    public var votes: Double?
    public var score: Double?
    public var rank: Int?
    public var grade: QuarterlyGrade?
    /// `bottom_streak` when the cadre was last here and in the quarters before.
    public var flags: [String] = []

    public var json: JSONObject {
        let number = { (value: Double?) in value.map { JSONValue.double(Scores.rounded($0)) } ?? .null }
        return [
            "cadre_id": .int(cadre.id), "name": .string(cadre.name),
            "department": cadre.department.map(JSONValue.string) ?? .null, "tasks": number(tasks),
            "votes": number(votes), "score": number(score), "rank": rank.map { .int(Int64($0)) } ?? .null,
            "grade": grade.map { .string($0.rawValue) } ?? .null, "flags": .array(flags.map(JSONValue.string)),
        ]
    }
}
