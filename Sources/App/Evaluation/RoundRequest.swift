import Domain

/// Reads a round from a create or PATCH body (contract §4), collecting every field error.
enum RoundRequest {
    private static let keys: Set<String> = [
        "title", "kind", "period", "evaluator_ids", "cadre_ids", "department_ids", "project_ids",
    ]

    /// A new draft round for `townshipID`, or 422 with every problem.
    static func create(_ object: JSONObject, townshipID: Int64) throws -> Round {
        var reader = JSONObjectReader(object)
        let title = reader.string("title", minLength: 1, maxLength: 200)
        let kind = choice(&reader, "kind", RoundKind.self, required: true)
        let period = reader.string("period")
        let rules = RoundRules.read(&reader, over: RoundRules())
        let evaluators = idList(&reader, "evaluator_ids", required: true)
        let subjects = ["cadre_ids", "department_ids", "project_ids"].map { idList(&reader, $0, required: false) }
        reader.finish(allowed: keys.union(RoundRules.jsonKeys))
        var errors = reader.errors + rules.validate()
        if let kind, let period, Period(period, kind: kind) == nil { errors.append(periodError(kind)) }
        guard errors.isEmpty, let title, let kind, let period, let evaluators else { throw APIError.invalid(errors) }
        return Round(
            townshipID: townshipID, title: title, kind: kind, period: period, rules: rules, evaluatorIDs: evaluators,
            cadreIDs: subjects[0], departmentIDs: subjects[1], projectIDs: subjects[2])
    }

    /// `current` with the members present in `object` replaced.
    static func patch(_ object: JSONObject, over current: Round) throws -> Round {
        var reader = JSONObjectReader(object)
        var round = current
        if let title = reader.string("title", required: false, minLength: 1, maxLength: 200) { round.title = title }
        if let kind = choice(&reader, "kind", RoundKind.self, required: false) { round.kind = kind }
        if let period = reader.string("period", required: false) { round.period = period }
        round.rules = RoundRules.read(&reader, over: current.rules)
        if object.contains("evaluator_ids"), let ids = idList(&reader, "evaluator_ids", required: true) {
            round.evaluatorIDs = ids
        }
        if object.contains("cadre_ids") { round.cadreIDs = idList(&reader, "cadre_ids", required: false) }
        if object.contains("department_ids") {
            round.departmentIDs = idList(&reader, "department_ids", required: false)
        }
        if object.contains("project_ids") { round.projectIDs = idList(&reader, "project_ids", required: false) }
        reader.finish(allowed: keys.union(RoundRules.jsonKeys))
        if object.isEmpty { reader.fail("", "nothing to change") }
        var errors = reader.errors + round.rules.validate()
        if Period(round.period, kind: round.kind) == nil { errors.append(periodError(round.kind)) }
        guard errors.isEmpty else { throw APIError.invalid(errors) }
        return round
    }

    private static func periodError(_ kind: RoundKind) -> FieldError {
        FieldError(
            field: "period", message: kind == .semiannual ? "must be YYYY-H1 or YYYY-H2" : "must be YYYY-Q1 to YYYY-Q4")
    }

    static func choice<T: RawRepresentable & CaseIterable>(
        _ reader: inout JSONObjectReader, _ key: String, _ type: T.Type, required: Bool
    ) -> T? where T.RawValue == String {
        guard let text = reader.string(key, required: required) else { return nil }
        guard let value = T(rawValue: text) else {
            reader.fail(key, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return value
    }

    /// A list of positive ids without repeats; `null` (or absent when not required) → nil.
    private static func idList(_ reader: inout JSONObjectReader, _ key: String, required: Bool) -> [Int64]? {
        guard let ids = reader.intArray(key, required: required) else { return nil }
        if required && ids.isEmpty { reader.fail(key, "must not be empty") }
        if Set(ids).count != ids.count { reader.fail(key, "must not repeat an id") }
        if ids.contains(where: { $0 < 1 }) { reader.fail(key, "must hold positive ids") }
        return ids
    }
}
