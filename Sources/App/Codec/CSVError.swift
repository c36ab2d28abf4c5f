/// Why an uploaded CSV file cannot be read. A row with more cells than the header is a bad row
/// (422 naming it); the others are malformed files (400). Each names the spreadsheet `line`
/// where there is one (the line Excel, WPS or LibreOffice shows: the header on line 1 of a
/// file that starts with it, every record one line however many line breaks its quoted cells
/// hold, blank lines counted), so a clerk can find it.
public enum CSVError: Error, Equatable, Sendable {
    /// The file is not UTF-8 — typically Excel's plain "CSV" format, which on Chinese Windows
    /// saves GBK. `offset` is the first bad byte, on spreadsheet line `line`.
    case invalidUTF8(offset: Int, line: Int)
    /// The file has no header row (it is empty or only blank lines).
    case missingHeader
    /// A header cell is empty after trimming; `column` is 1-based.
    case emptyHeaderName(column: Int)
    /// Two header cells name the same field.
    case duplicateHeaderName(String)
    /// Data row `row` (1-based, header and blank lines excluded), on spreadsheet line `line`,
    /// has more cells than the header has names.
    case tooManyCells(row: Int, line: Int, cells: Int, columns: Int)
    /// The RFC 4180 quoting is broken in data row `row` (0 = the header row), which starts on
    /// spreadsheet line `line`.
    case malformed(row: Int, line: Int, message: String)

    /// The data row the error concerns, when there is one.
    public var row: Int? {
        switch self {
        case .tooManyCells(let row, _, _, _): row
        case .malformed(let row, _, _) where row > 0: row
        default: nil
        }
    }

    /// The spreadsheet line the error concerns, when there is one.
    public var line: Int? {
        switch self {
        case .invalidUTF8(_, let line), .tooManyCells(_, let line, _, _), .malformed(_, let line, _): line
        default: nil
        }
    }

    /// A one-line explanation for the problem `detail` or a field error.
    public var message: String {
        switch self {
        case .invalidUTF8(let offset, let line):
            "File is not UTF-8 (line \(line), byte \(offset)); in Excel save as \"CSV UTF-8\"."
        case .missingHeader:
            "File has no header row."
        case .emptyHeaderName(let column):
            "Header column \(column) has no name."
        case .duplicateHeaderName(let name):
            "Header names \"\(name)\" more than once."
        case .tooManyCells(let row, let line, let cells, let columns):
            "Line \(line) (row \(row)) has \(cells) cells but the header has \(columns)."
        case .malformed(let row, let line, let message):
            row == 0 ? "Line \(line) (header): \(message)." : "Line \(line) (row \(row)): \(message)."
        }
    }
}
