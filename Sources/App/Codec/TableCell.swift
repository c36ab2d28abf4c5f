import Domain

/// One cell of an exported table. The type decides how each format writes it: text is
/// neutralised against formula injection in CSV and written as a string cell in a workbook;
/// numbers are written as they are in CSV and as numeric cells in a workbook.
public enum TableCell: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// Free text (a name, a department).
    case text(String)
    /// A whole number (a rank, a count of votes).
    case integer(Int64)
    /// A decimal already rounded and written with its places (`"85.87"`, `"-0.50"`): both
    /// formats keep these digits, so the CSV and the workbook show the same figure.
    case decimal(String)
    /// No value (an unscored subject's score).
    case empty

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }

    /// Text, or an empty cell for nil.
    static func optional(_ value: String?) -> TableCell { value.map { .text($0) } ?? .empty }

    /// A score with 2 decimals by the one rounding rule (`Scores.text`), or an empty cell.
    static func score(_ value: Double?) -> TableCell { value.map { .decimal(Scores.text($0)) } ?? .empty }

    /// A whole number, or an empty cell for nil.
    static func number(_ value: Int?) -> TableCell { value.map { .integer(Int64($0)) } ?? .empty }

    /// The cell as CSV writes it, before quoting.
    var csvText: String {
        switch self {
        case .text(let text): CSVWriter.neutralised(text)
        case .integer(let value): String(value)
        case .decimal(let digits): digits
        case .empty: ""
        }
    }
}

/// A table to download: a header row of Chinese column names and rows of typed cells. Each
/// export builds its table once; `ExportFormat` writes it as CSV or as an `.xlsx` workbook.
struct ExportTable: Sendable, Equatable {
    /// The worksheet's name in the workbook (at most 31 characters, none of `[]:*?/\`).
    var sheetName: String
    var header: [String]
    var rows: [[TableCell]]
}
