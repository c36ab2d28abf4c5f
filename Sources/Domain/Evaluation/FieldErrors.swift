/// A non-empty list of validation failures, thrown or returned when input is well-formed but
/// invalid (422). It exists because `Result` needs an `Error` type and `[FieldError]` is not one.
public struct FieldErrors: Error, Sendable, Hashable {
    public var errors: [FieldError]

    public init(_ errors: [FieldError]) {
        self.errors = errors
    }

    /// The field paths in order, which is what most callers and tests compare.
    public var fields: [String] { errors.map(\.field) }
}
