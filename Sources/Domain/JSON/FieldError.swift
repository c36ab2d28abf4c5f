/// One validation failure in a request body, reported in a 422 problem's `errors` array.
///
/// `field` is a path into the body (`name`, `supervision[2].attitude`, `[3].name` for row 3 of
/// a bulk array); `row` is set for bulk requests (1-based, header excluded) and omitted
/// otherwise.
public struct FieldError: Sendable, Hashable, Codable {
    public var field: String
    public var message: String
    public var row: Int?

    public init(field: String, message: String, row: Int? = nil) {
        self.field = field
        self.message = message
        self.row = row
    }
}
