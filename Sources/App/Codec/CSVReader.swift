import Domain

/// A CSV file read as a header and rows of named cells.
public struct CSVTable: Sendable, Equatable {
    /// The trimmed, unique, non-empty field names of the header row, in column order.
    public var header: [String]
    /// One dictionary per data row, keyed by header name. Empty and missing cells are left out:
    /// the contract says "an empty cell means the field is absent".
    public var rows: [[String: String]]
    /// The spreadsheet line of each data row (see `CSVReader`), parallel to `rows`.
    public var lines: [Int]

    /// A table whose rows are on `lines`; by default on the lines after a header on line 1.
    public init(header: [String], rows: [[String: String]], lines: [Int]? = nil) {
        self.header = header
        self.rows = rows
        self.lines = lines ?? rows.indices.map { $0 + 2 }
    }
}

/// Reads bulk uploads sent as `text/csv`, as Excel and similar tools save them.
///
/// Beyond RFC 4180 (see `CSVScanner`): the bytes must be UTF-8 and a leading byte order mark
/// is dropped; the first non-blank record is the header, its names trimmed and required to be
/// unique and non-empty; blank records — empty lines, or lines of only commas, which Excel
/// writes for formatted but empty rows — are skipped and not counted, so row numbers match the
/// positions `[n]` of the equivalent JSON array; a row with fewer cells than the header simply
/// lacks the rest, one with more is an error. Cell text is kept exactly, spaces included.
///
/// Beside its row number each data row has its spreadsheet line: the position of its record
/// in the file counting every record, blank ones included, from 1 — the row number Excel, WPS
/// and LibreOffice show when they open the file. A quoted cell with line breaks keeps its
/// record on one spreadsheet line, so the line is not the count of line breaks before it.
public enum CSVReader {
    /// Parses a whole CSV body.
    public static func parse(_ bytes: [UInt8]) throws(CSVError) -> CSVTable {
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        if let offset = UTF8Validator.firstInvalidOffset(in: bytes) {
            throw .invalidUTF8(offset: offset, line: CSVScanner.line(ofByte: offset, in: bytes, start: start))
        }
        var scanner = CSVScanner(bytes, start: start)
        guard let (headerCells, _) = try nextNonBlank(&scanner, row: 0) else { throw .missingHeader }
        let header = try headerNames(headerCells)

        var rows: [[String: String]] = []
        var lines: [Int] = []
        while let (cells, line) = try nextNonBlank(&scanner, row: rows.count + 1) {
            let row = rows.count + 1
            guard cells.count <= header.count else {
                throw .tooManyCells(row: row, line: line, cells: cells.count, columns: header.count)
            }
            var fields: [String: String] = [:]
            for (column, cell) in cells.enumerated() where !cell.isEmpty {
                fields[header[column]] = cell
            }
            rows.append(fields)
            lines.append(line)
        }
        return CSVTable(header: header, rows: rows, lines: lines)
    }

    /// The next record with at least one non-empty cell and its spreadsheet line; `row` names
    /// it in quoting errors.
    private static func nextNonBlank(_ scanner: inout CSVScanner, row: Int) throws(CSVError) -> ([String], Int)? {
        do throws(CSVScanner.Failure) {
            while let cells = try scanner.nextRecord() {
                if cells.contains(where: { !$0.isEmpty }) { return (cells, scanner.recordsRead) }
            }
            return nil
        } catch {
            throw .malformed(row: row, line: scanner.recordsRead + 1, message: error.message)
        }
    }

    /// Trims and checks the header cells.
    private static func headerNames(_ cells: [String]) throws(CSVError) -> [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for (column, cell) in cells.enumerated() {
            let name = cell.trimmingAllWhitespace
            guard !name.isEmpty else { throw .emptyHeaderName(column: column + 1) }
            guard seen.insert(name).inserted else { throw .duplicateHeaderName(name) }
            names.append(name)
        }
        return names
    }
}
