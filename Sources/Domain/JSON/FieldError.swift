/// One validation failure in a request body, reported in a 422 problem's `errors` array.
///
/// `field` is a path into the body (`name`, `supervision[2].attitude`, `[3].name` for row 3 of
/// a bulk array); `row` is set for bulk requests (1-based, header excluded) and omitted
/// otherwise; `line` is set for rows of a CSV upload: the spreadsheet line the row is on.
public struct FieldError: Sendable, Hashable, Codable {
    public var field: String
    public var message: String
    public var row: Int?
    public var line: Int?

    public init(field: String, message: String, row: Int? = nil, line: Int? = nil) {
        self.field = field
        self.message = message
        self.row = row
        self.line = line
    }
}
