/// One validation failure, as listed in a problem+json `errors` array: `field` is a path into the
/// request body (`weights.attitude`, `supervision[2].attitude`, `most_satisfied.cadre_id`) and
/// `message` says what is wrong with it in words a clerk can act on.
public struct FieldError: Sendable, Hashable, Codable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

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
