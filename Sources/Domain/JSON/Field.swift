/// A member that may be absent, explicitly `null`, or present — the three states a `PATCH`
/// must tell apart (leave unchanged, clear, set).
public enum Field<Value: Sendable>: Sendable {
    case absent
    case null
    case value(Value)

    /// The value if present; nil for both absent and null.
    public var value: Value? {
        if case .value(let value) = self { value } else { nil }
    }
}

extension Field: Equatable where Value: Equatable {}
