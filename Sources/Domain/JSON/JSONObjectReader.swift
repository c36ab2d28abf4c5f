/// Reads typed members out of a request object, collecting every problem as a `FieldError`
/// instead of stopping at the first, so a 422 can list them all.
///
/// Each accessor returns nil (or `.absent`) when the member is missing, null where not
/// allowed, or of the wrong type, and records why. An optional member that is `null` counts as
/// absent. `finish(allowed:)` then reports members the handler does not know. Field paths are
/// `path.key` (or `key` at the top level), matching the contract's `[3].name` style.
public struct JSONObjectReader: Sendable {
    public let object: JSONObject
    public let path: String
    public let row: Int?
    public private(set) var errors: [FieldError] = []

    /// A reader for `object` found at `path`; `row` tags errors of bulk requests.
    public init(_ object: JSONObject, path: String = "", row: Int? = nil) {
        self.object = object
        self.path = path
        self.row = row
    }

    /// True while no error has been recorded.
    public var isValid: Bool { errors.isEmpty }

    /// The full path of member `key`.
    public func path(of key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// Records a failure at member `key` (for rules the handler checks itself).
    public mutating func fail(_ key: String, _ message: String) {
        errors.append(FieldError(field: path(of: key), message: message, row: row))
    }

    /// Adds the errors another reader collected (a nested object's).
    public mutating func merge(_ other: JSONObjectReader) {
        errors.append(contentsOf: other.errors)
    }

    /// The member's value if present and not null; records "is required" when a required member
    /// is missing or null.
    public mutating func member(_ key: String, required: Bool) -> JSONValue? {
        switch object[key] {
        case nil, .null?:
            if required { fail(key, "is required") }
            return nil
        case let value?:
            return value
        }
    }

    /// A string member. Lengths count Unicode scalars (as Python's `len` does), so a Chinese
    /// character or an emoji counts as one.
    public mutating func string(
        _ key: String, required: Bool = true, minLength: Int = 0, maxLength: Int? = nil
    ) -> String? {
        guard let value = member(key, required: required) else { return nil }
        guard case .string(let text) = value else {
            fail(key, "must be a string")
            return nil
        }
        let length = text.unicodeScalars.count
        if length < minLength {
            fail(key, minLength == 1 ? "must not be empty" : "must be at least \(minLength) characters")
            return nil
        }
        if let maxLength, length > maxLength {
            fail(key, "must be at most \(maxLength) characters")
            return nil
        }
        return text
    }

    /// An integer member, optionally limited to `range`. `80.0` and `8e1` are not integers.
    public mutating func int(_ key: String, required: Bool = true, range: ClosedRange<Int64>? = nil) -> Int64? {
        guard let value = member(key, required: required) else { return nil }
        guard case .int(let number) = value else {
            fail(key, "must be an integer")
            return nil
        }
        if let range, !range.contains(number) {
            fail(key, "must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return number
    }

    /// A number member: integers and doubles both qualify.
    public mutating func double(_ key: String, required: Bool = true) -> Double? {
        guard let value = member(key, required: required) else { return nil }
        switch value {
        case .int(let number): return Double(number)
        case .double(let number): return number
        default:
            fail(key, "must be a number")
            return nil
        }
    }

    /// A boolean member.
    public mutating func bool(_ key: String, required: Bool = true) -> Bool? {
        guard let value = member(key, required: required) else { return nil }
        guard case .bool(let flag) = value else {
            fail(key, "must be true or false")
            return nil
        }
        return flag
    }

    /// An array member (elements unchecked).
    public mutating func array(_ key: String, required: Bool = true) -> [JSONValue]? {
        guard let value = member(key, required: required) else { return nil }
        guard case .array(let elements) = value else {
            fail(key, "must be an array")
            return nil
        }
        return elements
    }

    /// An array of integers; each bad element is reported at `key[i]`.
    public mutating func intArray(_ key: String, required: Bool = true) -> [Int64]? {
        guard let elements = array(key, required: required) else { return nil }
        var numbers: [Int64] = []
        numbers.reserveCapacity(elements.count)
        var valid = true
        for (position, element) in elements.enumerated() {
            if case .int(let number) = element {
                numbers.append(number)
            } else {
                fail("\(key)[\(position)]", "must be an integer")
                valid = false
            }
        }
        return valid ? numbers : nil
    }

    /// An object member.
    public mutating func object(_ key: String, required: Bool = true) -> JSONObject? {
        guard let value = member(key, required: required) else { return nil }
        guard case .object(let nested) = value else {
            fail(key, "must be an object")
            return nil
        }
        return nested
    }

    /// Reads an object member with a nested reader whose errors are merged into this one.
    /// Returns nil when the member is missing or not an object (the error is recorded).
    public mutating func nested<T>(
        _ key: String, required: Bool = true, _ body: (inout JSONObjectReader) -> T
    ) -> T? {
        guard let nestedObject = object(key, required: required) else { return nil }
        var reader = JSONObjectReader(nestedObject, path: path(of: key), row: row)
        let result = body(&reader)
        merge(reader)
        return result
    }

    /// An integer member that may be explicitly `null`, keeping absent and null apart. A value
    /// of the wrong type records an error and reads as `.absent`.
    public mutating func nullableInt(_ key: String, range: ClosedRange<Int64>? = nil) -> Field<Int64> {
        switch object[key] {
        case nil: return .absent
        case .null?: return .null
        case .some: return int(key, required: true, range: range).map { .value($0) } ?? .absent
        }
    }

    /// A string member that may be explicitly `null`, keeping absent and null apart. A value
    /// of the wrong type records an error and reads as `.absent`.
    public mutating func nullableString(_ key: String, minLength: Int = 0, maxLength: Int? = nil) -> Field<String> {
        switch object[key] {
        case nil: return .absent
        case .null?: return .null
        case .some:
            return string(key, required: true, minLength: minLength, maxLength: maxLength).map { .value($0) } ?? .absent
        }
    }

    /// Records "unknown field" for every member whose key is not in `allowed`, in body order.
    public mutating func finish(allowed: Set<String>) {
        for key in object.keys where !allowed.contains(key) {
            fail(key, "unknown field")
        }
    }
}
