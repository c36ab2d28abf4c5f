/// Why an uploaded CSV file cannot be read. A row with more cells than the header is a bad row
/// (422 naming it); the others are malformed files (400), their `message` naming the row where
/// there is one, so a clerk can find the line in the spreadsheet.
public enum CSVError: Error, Equatable, Sendable {
    /// The file is not UTF-8 — typically Excel's plain "CSV" format, which on Chinese Windows
    /// saves GBK. `offset` is the first bad byte.
    case invalidUTF8(offset: Int)
    /// The file has no header row (it is empty or only blank lines).
    case missingHeader
    /// A header cell is empty after trimming; `column` is 1-based.
    case emptyHeaderName(column: Int)
    /// Two header cells name the same field.
    case duplicateHeaderName(String)
    /// Data row `row` (1-based, header excluded) has more cells than the header has names.
    case tooManyCells(row: Int, cells: Int, columns: Int)
    /// The RFC 4180 quoting is broken in data row `row` (0 = the header row).
    case malformed(row: Int, message: String)

    /// The data row the error concerns, when there is one.
    public var row: Int? {
        switch self {
        case .tooManyCells(let row, _, _): row
        case .malformed(let row, _) where row > 0: row
        default: nil
        }
    }

    /// A one-line explanation for the problem `detail` or a field error.
    public var message: String {
        switch self {
        case .invalidUTF8(let offset):
            "File is not UTF-8 (byte \(offset)); in Excel save as \"CSV UTF-8\"."
        case .missingHeader:
            "File has no header row."
        case .emptyHeaderName(let column):
            "Header column \(column) has no name."
        case .duplicateHeaderName(let name):
            "Header names \"\(name)\" more than once."
        case .tooManyCells(let row, let cells, let columns):
            "Row \(row) has \(cells) cells but the header has \(columns)."
        case .malformed(let row, let message):
            row == 0 ? "Header row: \(message)." : "Row \(row): \(message)."
        }
    }
}
