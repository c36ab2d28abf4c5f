/// The members of a JSON object, in the order they were received or inserted.
///
/// Order is kept because normal output should echo what clients sent and what handlers built;
/// canonical output sorts keys itself. Keys are unique: the parser rejects duplicates and the
/// subscript setter replaces in place. Lookup is a linear scan, which beats hashing for the
/// handful of members API objects have.
public struct JSONObject: Sendable {
    /// The members in order. Mutating this directly can break the unique-key invariant; prefer
    /// the subscript.
    public var entries: [(key: String, value: JSONValue)]

    /// An object with the given members; the caller promises the keys are unique.
    public init(_ entries: [(key: String, value: JSONValue)] = []) {
        self.entries = entries
    }

    /// The number of members.
    public var count: Int { entries.count }

    /// True when the object has no members.
    public var isEmpty: Bool { entries.isEmpty }

    /// The keys in order.
    public var keys: [String] { entries.map(\.key) }

    /// Whether a member with this key exists (even if its value is `null`).
    public func contains(_ key: String) -> Bool {
        entries.contains { $0.key == key }
    }

    /// The value for `key`, or nil when absent. Setting nil removes the member; setting a value
    /// replaces an existing member in place or appends a new one.
    public subscript(key: String) -> JSONValue? {
        get {
            for entry in entries where entry.key == key { return entry.value }
            return nil
        }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append((key, value))
            case (nil, nil): break
            }
        }
    }
}

extension JSONObject: Equatable {
    /// Objects are equal when they have the same members, whatever their order — JSON objects
    /// are unordered (RFC 8259 §4), and the canonical form of both is the same bytes.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs.entries where rhs[key] != value { return false }
        return true
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Builds an object in literal order; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }
}
