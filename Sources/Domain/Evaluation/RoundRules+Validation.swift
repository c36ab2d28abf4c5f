extension RoundRules {
    /// Largest weight accepted; only ratios matter, and a bound keeps weighted sums finite.
    public static let weightLimit: Double = 1_000_000

    /// Every rule of §4 the settings break, as field errors with JSON paths (`scale.max`,
    /// `weights.attitude`, `category_weights.deputy`, `least_threshold`, `min_group`). Empty when
    /// the rules are usable. Non-finite numbers are refused along with negative ones.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        let limit = Self.scoreLimit
        for (field, value) in [("scale.min", scale.min), ("scale.max", scale.max)]
        where abs(value) > limit {
            errors.append(FieldError(field: field, message: "must be between -\(limit) and \(limit)"))
        }
        if scale.min >= scale.max {
            errors.append(FieldError(field: "scale.max", message: "must be greater than scale.min"))
        }

        errors += Self.weightErrors(
            Supervision.allCases.map { ("weights.\($0.rawValue)", weights[$0]) }, group: "weights")

        if let categoryWeights {
            var named: [(String, Double)] = []
            for category in EvaluatorCategory.allCases {
                let field = "category_weights.\(category.rawValue)"
                if let weight = categoryWeights[category] {
                    named.append((field, weight))
                } else {
                    errors.append(FieldError(field: field, message: "is required when category_weights is given"))
                }
            }
            errors += Self.weightErrors(named, group: "category_weights")
        }

        if !(0...1).contains(leastThreshold) {
            errors.append(FieldError(field: "least_threshold", message: "must be between 0 and 1"))
        }
        if minGroup < 1 {
            errors.append(FieldError(field: "min_group", message: "must be at least 1"))
        }
        return errors
    }

    /// The anonymity check made when a round opens. A category that carries weight and has
    /// between 1 and `minGroup - 1` members on the panel is refused: its few ballots would move
    /// the weighted scores visibly enough to be told apart. A weighted category with no members
    /// is allowed, since it casts no ballots and so exposes no one (its weight simply drops out,
    /// §6). Without category weights there is nothing to check: every ballot counts the same and
    /// `by_category` hides small groups on its own.
    public func openingErrors(panel: [EvaluatorCategory: Int]) -> [FieldError] {
        guard let categoryWeights else { return [] }
        return EvaluatorCategory.allCases.compactMap { category in
            let members = panel[category, default: 0]
            guard categoryWeights[category, default: 0] > 0, members > 0, members < minGroup else {
                return nil
            }
            return FieldError(
                field: "category_weights.\(category.rawValue)",
                message: "has \(members) evaluator(s) on the panel, fewer than min_group (\(minGroup))")
        }
    }

    /// Each weight must lie in 0...`weightLimit` (which also rules out NaN and infinity, so
    /// weighted sums stay finite) and, when all are individually fine, they must have a positive
    /// sum (reported on the group's own path).
    private static func weightErrors(_ named: [(String, Double)], group: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (field, weight) in named where !(0...weightLimit).contains(weight) {
            errors.append(FieldError(field: field, message: "must be a number from 0 to \(Int(weightLimit))"))
        }
        if errors.isEmpty, !named.isEmpty, named.reduce(0, { $0 + $1.1 }) <= 0 {
            errors.append(FieldError(field: group, message: "must have a positive sum"))
        }
        return errors
    }
}
