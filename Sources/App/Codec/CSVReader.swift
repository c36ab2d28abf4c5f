import Domain

/// A CSV file read as a header and rows of named cells.
public struct CSVTable: Sendable, Equatable {
    /// The trimmed, unique, non-empty field names of the header row, in column order.
    public var header: [String]
    /// One dictionary per data row, keyed by header name. Empty and missing cells are left out:
    /// the contract says "an empty cell means the field is absent".
    public var rows: [[String: String]]

    public init(header: [String], rows: [[String: String]]) {
        self.header = header
        self.rows = rows
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
public enum CSVReader {
    /// Parses a whole CSV body.
    public static func parse(_ bytes: [UInt8]) throws(CSVError) -> CSVTable {
        if let offset = UTF8Validator.firstInvalidOffset(in: bytes) {
            throw .invalidUTF8(offset: offset)
        }
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        var scanner = CSVScanner(bytes, start: hasBOM ? 3 : 0)
        guard let headerCells = try nextNonBlank(&scanner, row: 0) else { throw .missingHeader }
        let header = try headerNames(headerCells)

        var rows: [[String: String]] = []
        while let cells = try nextNonBlank(&scanner, row: rows.count + 1) {
            let row = rows.count + 1
            guard cells.count <= header.count else {
                throw .tooManyCells(row: row, cells: cells.count, columns: header.count)
            }
            var fields: [String: String] = [:]
            for (column, cell) in cells.enumerated() where !cell.isEmpty {
                fields[header[column]] = cell
            }
            rows.append(fields)
        }
        return CSVTable(header: header, rows: rows)
    }

    /// The next record with at least one non-empty cell; `row` names it in quoting errors.
    private static func nextNonBlank(_ scanner: inout CSVScanner, row: Int) throws(CSVError) -> [String]? {
        do throws(CSVScanner.Failure) {
            while let cells = try scanner.nextRecord() {
                if cells.contains(where: { !$0.isEmpty }) { return cells }
            }
            return nil
        } catch {
            throw .malformed(row: row, message: error.message)
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
