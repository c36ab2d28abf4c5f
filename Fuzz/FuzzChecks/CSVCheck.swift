import App

/// The fuzz property of `CSVReader`: it never crashes, and a table it accepts survives being
/// written by `CSVWriter` and read again. Data cells are written as `.decimal`, which is
/// verbatim; header names are text, so the writer's formula-injection `'` prefix is expected
/// on those starting with `=`, `+`, `-` or `@` (whitespace cannot lead: names are trimmed).
public enum CSVCheck {
    /// nil when the property holds for `input`, else what went wrong.
    public static func check(_ input: [UInt8]) -> String? {
        guard let table = try? CSVReader.parse(input) else { return nil }
        // Bytes, as the writer checks them: `=` plus a combining mark is one Character.
        let leads = Array("=+-@".utf8)
        let header = table.header.map { leads.contains($0.utf8.first ?? 0) ? "'" + $0 : $0 }
        // `=a` and `'=a` both become `'=a`; such a header cannot round-trip, by design.
        guard Set(header).count == header.count else { return nil }
        let rows = table.rows.map { row in
            table.header.map { name in row[name].map(TableCell.decimal) ?? .empty }
        }
        let written = CSVWriter.encode(header: table.header, rows: rows)
        let expected = CSVTable(
            header: header,
            rows: table.rows.map { row in
                Dictionary(uniqueKeysWithValues: row.map { (header[table.header.firstIndex(of: $0.key)!], $0.value) })
            })
        do {
            let again = try CSVReader.parse(written)
            return again == expected ? nil : "round trip changed \(table) into \(again)"
        } catch {
            return "CSVWriter output is refused (\(error)): \(Array(written))"
        }
    }
}
