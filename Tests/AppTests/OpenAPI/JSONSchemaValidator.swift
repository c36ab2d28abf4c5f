import Domain
import Foundation

/// Checks a JSON value against the subset of JSON Schema 2020-12 the OpenAPI document uses
/// (`type`, `properties`, `required`, `additionalProperties: false`, `items`, `minItems`,
/// `maxItems`, `enum`, `oneOf`, `$ref` into `components.schemas`, `minimum`, `maximum`,
/// `minLength`, `maxLength`, `pattern`, `format` date and date-time, `minProperties`). A keyword
/// outside that subset is reported as an error, so the document cannot outgrow the check unseen.
struct JSONSchemaValidator {
    /// `components.schemas` of the document, for `$ref`.
    let schemas: JSONObject

    static let annotations: Set<String> = ["examples", "description", "title"]
    static let keywords: Set<String> = [
        "$ref", "type", "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "enum",
        "oneOf", "minimum", "maximum", "minLength", "maxLength", "pattern", "format", "minProperties",
    ]

    /// Every way `value` breaks `schema`, each prefixed with the JSON path of the offending value.
    func errors(_ value: JSONValue, _ schema: JSONValue, at path: String = "$") -> [String] {
        guard let schema = schema.objectValue else { return ["\(path): schema is not an object"] }
        var found: [String] = []
        for key in schema.keys where !Self.keywords.contains(key) && !Self.annotations.contains(key) {
            found.append("\(path): unsupported schema keyword \(key)")
        }
        if let reference = schema["$ref"]?.stringValue {
            let name = String(reference.dropFirst("#/components/schemas/".count))
            guard let target = schemas[name] else { return found + ["\(path): unknown \(reference)"] }
            found += errors(value, target, at: path)
        }
        if let type = schema["type"]?.stringValue, !Self.has(value, type: type) {
            return found + ["\(path): \(Self.describe(value)) is not of type \(type)"]
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) {
            found.append("\(path): \(Self.describe(value)) is not one of the enum")
        }
        if let alternatives = schema["oneOf"]?.arrayValue {
            let matching = alternatives.filter { errors(value, $0, at: path).isEmpty }.count
            if matching != 1 { found.append("\(path): matches \(matching) of oneOf, not exactly 1") }
        }
        switch value {
        case .object(let object): found += objectErrors(object, schema, at: path)
        case .array(let elements): found += arrayErrors(elements, schema, at: path)
        case .string(let text): found += stringErrors(text, schema, at: path)
        case .int, .double: found += numberErrors(value, schema, at: path)
        default: break
        }
        return found
    }

    private func objectErrors(_ object: JSONObject, _ schema: JSONObject, at path: String) -> [String] {
        var found: [String] = []
        let properties = schema["properties"]?.objectValue ?? JSONObject()
        for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where !object.contains(name) {
            found.append("\(path): required member \(name) is missing")
        }
        for (name, member) in object.entries {
            if let property = properties[name] {
                found += errors(member, property, at: "\(path).\(name)")
            } else if schema["additionalProperties"] == .bool(false) {
                found.append("\(path): member \(name) is not allowed")
            }
        }
        if let least = schema["minProperties"]?.intValue, object.count < least {
            found.append("\(path): fewer than \(least) members")
        }
        return found
    }

    private func arrayErrors(_ elements: [JSONValue], _ schema: JSONObject, at path: String) -> [String] {
        var found: [String] = []
        if let items = schema["items"] {
            for (index, element) in elements.enumerated() { found += errors(element, items, at: "\(path)[\(index)]") }
        }
        if let least = schema["minItems"]?.intValue, elements.count < least {
            found.append("\(path): fewer than \(least) items")
        }
        if let most = schema["maxItems"]?.intValue, elements.count > most {
            found.append("\(path): more than \(most) items")
        }
        return found
    }

    private func stringErrors(_ text: String, _ schema: JSONObject, at path: String) -> [String] {
        var found: [String] = []
        let length = Int64(text.unicodeScalars.count)
        if let least = schema["minLength"]?.intValue, length < least { found.append("\(path): shorter than \(least)") }
        if let most = schema["maxLength"]?.intValue, length > most { found.append("\(path): longer than \(most)") }
        if let pattern = schema["pattern"]?.stringValue, !Self.matches(text, pattern) {
            found.append("\(path): \"\(text)\" does not match \(pattern)")
        }
        let formats = [
            "date": #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#,
            "date-time":
                #"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"#,
        ]
        if let format = schema["format"]?.stringValue {
            if let pattern = formats[format] {
                if !Self.matches(text, pattern) { found.append("\(path): \"\(text)\" is not a \(format)") }
            } else {
                found.append("\(path): unsupported format \(format)")
            }
        }
        return found
    }

    private func numberErrors(_ value: JSONValue, _ schema: JSONObject, at path: String) -> [String] {
        guard let number = Self.number(value) else { return [] }
        var found: [String] = []
        if let least = schema["minimum"].flatMap(Self.number), number < least {
            found.append("\(path): \(number) is below \(least)")
        }
        if let most = schema["maximum"].flatMap(Self.number), number > most {
            found.append("\(path): \(number) is above \(most)")
        }
        return found
    }

    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let int): Double(int)
        case .double(let double): double
        default: nil
        }
    }

    static func has(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): true
        case ("number", .int), ("number", .double), ("integer", .int): true
        case ("integer", .double(let double)): double == double.rounded()
        default: false
        }
    }

    /// ECMA-262-style search, as JSON Schema's `pattern` (not anchored unless the pattern is).
    static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func describe(_ value: JSONValue) -> String {
        String(decoding: JSONWriter.encode(value), as: UTF8.self).prefix(60).description
    }
}
