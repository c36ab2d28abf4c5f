import Domain

/// Checks a request object against a resource's `FieldSpec`s and returns the values to store.
enum ResourceValidator {
    /// For create: required fields present, every value of the right kind, no unknown fields.
    static func forCreate(_ object: JSONObject, spec: ResourceSpec, path: String = "", row: Int? = nil)
        -> (values: [String: JSONValue], errors: [FieldError])
    {
        var reader = JSONObjectReader(object, path: path, row: row)
        var values: [String: JSONValue] = [:]
        let creatable = spec.fields.filter(\.creatable)
        for field in creatable {
            if let value = read(field, required: field.required, from: &reader) { values[field.name] = value }
        }
        reader.finish(allowed: Set(creatable.map(\.name)))
        return (values, reader.errors)
    }

    /// For PATCH: only patchable fields, each optional; `null` clears an optional field.
    static func forPatch(_ object: JSONObject, spec: ResourceSpec) -> (
        values: [String: JSONValue], errors: [FieldError]
    ) {
        var reader = JSONObjectReader(object)
        var values: [String: JSONValue] = [:]
        let patchable = spec.fields.filter(\.patchable)
        for field in patchable where object.contains(field.name) {
            if object[field.name] == .null {
                if field.required || field.defaultValue != nil {
                    reader.fail(field.name, "cannot be null")
                } else {
                    values[field.name] = .null
                }
            } else if let value = read(field, required: true, from: &reader) {
                values[field.name] = value
            }
        }
        for reason in spec.patchReasons {
            if let text = reader.string(reason, required: false, minLength: 1, maxLength: ProjectRules.reasonLimit) {
                values[reason] = .string(text)
            }
        }
        reader.finish(allowed: Set(patchable.map(\.name) + spec.patchReasons))
        if object.isEmpty { reader.fail("", "nothing to change") }
        return (values, reader.errors)
    }

    private static func read(_ field: FieldSpec, required: Bool, from reader: inout JSONObjectReader) -> JSONValue? {
        switch field.kind {
        case .text(let maxLength):
            return reader.string(field.name, required: required, minLength: 1, maxLength: maxLength).map(
                JSONValue.string)
        case .bool:
            return reader.bool(field.name, required: required).map(JSONValue.bool)
        case .integer(let range):
            return reader.int(field.name, required: required, range: range).map(JSONValue.int)
        case .reference, .leader:
            return reader.int(field.name, required: required, range: 1...Int64.max).map(JSONValue.int)
        case .date:
            guard let text = reader.string(field.name, required: required) else { return nil }
            guard CalendarDay(text) != nil else {
                reader.fail(field.name, "must be a date YYYY-MM-DD")
                return nil
            }
            return .string(text)
        case .choice(let options):
            guard let text = reader.string(field.name, required: required) else { return nil }
            guard options.contains(text) else {
                reader.fail(field.name, "must be one of \(options.joined(separator: ", "))")
                return nil
            }
            return .string(text)
        }
    }
}
