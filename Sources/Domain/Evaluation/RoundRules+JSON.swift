/// RoundRules in the JSON shape of contract §4 (`scale`, `weights`, `category_weights`,
/// `least_threshold`, `min_group`), for requests, responses and storage alike.
extension RoundRules {
    public static let jsonKeys: Set<String> = ["scale", "weights", "category_weights", "least_threshold", "min_group"]

    public var jsonObject: JSONObject {
        var categories: JSONValue = .null
        if let categoryWeights {
            categories = .object(
                JSONObject(EvaluatorCategory.allCases.map { ($0.rawValue, Self.number(categoryWeights[$0] ?? 0)) }))
        }
        return [
            "scale": ["min": .int(Int64(scale.min)), "max": .int(Int64(scale.max))],
            "weights": .object(JSONObject(Supervision.allCases.map { ($0.rawValue, Self.number(weights[$0])) })),
            "category_weights": categories,
            "least_threshold": Self.number(leastThreshold),
            "min_group": .int(Int64(minGroup)),
        ]
    }

    /// Reads the rule members present in `reader`'s object over `base` (the defaults on create,
    /// the current rules on PATCH). Type errors go to the reader; range checks are `validate()`'s.
    public static func read(_ reader: inout JSONObjectReader, over base: RoundRules) -> RoundRules {
        var rules = base
        if let scale = reader.nested(
            "scale", required: false,
            { nested -> Scale? in
                let min = nested.int("min", range: -Int64(scoreLimit)...Int64(scoreLimit))
                let max = nested.int("max", range: -Int64(scoreLimit)...Int64(scoreLimit))
                nested.finish(allowed: ["min", "max"])
                guard let min, let max else { return nil }
                return Scale(min: Int(min), max: Int(max))
            }), let scale
        {
            rules.scale = scale
        }
        if let weights = reader.nested(
            "weights", required: false,
            { nested -> SupervisionWeights? in
                let values = Supervision.allCases.map { nested.double($0.rawValue) }
                nested.finish(allowed: Set(Supervision.allCases.map(\.rawValue)))
                guard let villageTime = values[0], let attitude = values[1], let completion = values[2] else {
                    return nil
                }
                return SupervisionWeights(villageTime: villageTime, attitude: attitude, completion: completion)
            }), let weights
        {
            rules.weights = weights
        }
        if reader.object.contains("category_weights") {
            if reader.object["category_weights"] == .null {
                rules.categoryWeights = nil
            } else if let weights = reader.nested(
                "category_weights",
                { nested -> [EvaluatorCategory: Double]? in
                    var weights: [EvaluatorCategory: Double] = [:]
                    for category in EvaluatorCategory.allCases {
                        if let weight = nested.double(category.rawValue) { weights[category] = weight }
                    }
                    nested.finish(allowed: Set(EvaluatorCategory.allCases.map(\.rawValue)))
                    return weights.count == EvaluatorCategory.allCases.count ? weights : nil
                }), let weights
            {
                rules.categoryWeights = weights
            }
        }
        if let threshold = reader.double("least_threshold", required: false) { rules.leastThreshold = threshold }
        if let minGroup = reader.int("min_group", required: false, range: 1...1_000_000) {
            rules.minGroup = Int(minGroup)
        }
        return rules
    }

    /// Integral weights are written as integers (`1`, not `1.0`), as a client would write them.
    private static func number(_ value: Double) -> JSONValue {
        value == value.rounded() && abs(value) < 1e15 ? .int(Int64(value)) : .double(value)
    }
}
