/// How a quarterly review (季评排队, contract §10) scores its cadres: the weights of the task and
/// vote parts, the points each status light is worth, and how many last places in a row flag a
/// cadre for an admonition talk (诫勉谈话).
public struct QuarterlyReviewRules: Sendable, Equatable {
    public var tasksWeight: Double = 60
    public var votesWeight: Double = 40
    public var points: [StatusLight: Double] = [.green: 100, .blue: 100, .done: 100, .yellow: 80, .red: 60]
    public var bottomStreak: Int = 2

    public init() {}

    /// The lights that earn points (a cancelled target is not counted).
    public static let pointLights: [StatusLight] = [.green, .blue, .done, .yellow, .red]
    public static let streakRange: ClosedRange<Int64> = 1...20

    /// Reads `weights`, `points` and `bottom_streak` of a create body; a partial `points` object is
    /// merged with the defaults.
    public static func read(_ reader: inout JSONObjectReader) -> QuarterlyReviewRules {
        var rules = QuarterlyReviewRules()
        if let weights = reader.object("weights", required: false) {
            var inner = JSONObjectReader(weights, path: reader.path(of: "weights"))
            let tasks = inner.double("tasks", required: false)
            let votes = inner.double("votes", required: false)
            inner.finish(allowed: ["tasks", "votes"])
            rules.tasksWeight = tasks ?? rules.tasksWeight
            rules.votesWeight = votes ?? rules.votesWeight
            if rules.tasksWeight < 0 { inner.fail("tasks", "must be at least 0") }
            if rules.votesWeight < 0 { inner.fail("votes", "must be at least 0") }
            let valid = inner.isValid
            reader.merge(inner)
            if valid, rules.tasksWeight + rules.votesWeight <= 0 { reader.fail("weights", "must have a positive sum") }
        }
        if let points = reader.object("points", required: false) {
            var inner = JSONObjectReader(points, path: reader.path(of: "points"))
            for light in pointLights {
                guard let value = inner.double(light.rawValue, required: false) else { continue }
                if (0...100).contains(value) {
                    rules.points[light] = value
                } else {
                    inner.fail(light.rawValue, "must be a number from 0 to 100")
                }
            }
            inner.finish(allowed: Set(pointLights.map(\.rawValue)))
            reader.merge(inner)
        }
        if let streak = reader.int("bottom_streak", required: false, range: streakRange) {
            rules.bottomStreak = Int(streak)
        }
        return rules
    }

    public var json: JSONObject {
        var points = JSONObject()
        for light in Self.pointLights { points[light.rawValue] = .double(self.points[light] ?? 0) }
        return [
            "weights": ["tasks": .double(tasksWeight), "votes": .double(votesWeight)], "points": .object(points),
            "bottom_streak": .int(Int64(bottomStreak)),
        ]
    }

    /// The inverse of `json`, for stored rules.
    public init(json: JSONObject) {
        var reader = JSONObjectReader(json)
        self = Self.read(&reader)
    }
}
