/// Writes CSV for download, in the form Excel opens correctly: a UTF-8 byte order mark (without
/// it Excel on Chinese Windows reads the file as GBK), CRLF record ends, and RFC 4180 quoting of
/// any cell containing `,`, `"`, CR or LF.
///
/// Spreadsheet formula injection: a text cell starting with `=`, `+`, `-` or `@` — or tab or
/// CR, which OWASP lists too — would be run as a formula when the file is opened, and names
/// and titles come from users. Such text gets a leading `'`, which spreadsheets show as text.
/// Number cells are never altered.
public enum CSVWriter {
    private static let formulaLeads: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    /// The whole file: BOM, header row, then one line per row, each ending in CRLF.
    public static func encode(header: [String], rows: [[TableCell]]) -> [UInt8] {
        var output: [UInt8] = [0xEF, 0xBB, 0xBF]
        appendRecord(header.map { TableCell.text($0) }, to: &output)
        for row in rows { appendRecord(row, to: &output) }
        return output
    }

    /// `table` as a CSV file.
    static func encode(_ table: ExportTable) -> [UInt8] { encode(header: table.header, rows: table.rows) }

    private static func appendRecord(_ cells: [TableCell], to output: inout [UInt8]) {
        for (position, cell) in cells.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            appendField(cell.csvText, to: &output)
        }
        output.append(contentsOf: [0x0D, 0x0A])
    }

    /// `text` with a leading `'` if a spreadsheet would take it for a formula.
    static func neutralised(_ text: String) -> String {
        guard let first = text.utf8.first, formulaLeads.contains(first) else { return text }
        return "'" + text
    }

    /// Appends one field, quoted and with inner quotes doubled when it needs quoting.
    private static func appendField(_ text: String, to output: inout [UInt8]) {
        let needsQuotes = text.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A
        }
        guard needsQuotes else {
            output.append(contentsOf: text.utf8)
            return
        }
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { output.append(byte) }
            output.append(byte)
        }
        output.append(UInt8(ascii: "\""))
    }
}
