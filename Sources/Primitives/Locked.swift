/// A value behind a `Lock`.
public final class Locked<Value>: @unchecked Sendable {
    // Safe: `value` is only read or written inside `withLock`, while holding `lock`.
    private let lock = Lock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try lock.withLock { try body(&value) }
    }
}
