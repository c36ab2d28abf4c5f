import App

/// The fuzz property of `CSVReader`: it never crashes, and a table it accepts survives being
/// written by `CSVWriter` and read again. Cells are written as `.number`, which is verbatim:
/// text cells get the formula-injection `'` prefix, which is meant not to round-trip.
public enum CSVCheck {
    /// nil when the property holds for `input`, else what went wrong.
    public static func check(_ input: [UInt8]) -> String? {
        guard let table = try? CSVReader.parse(input) else { return nil }
        let rows = table.rows.map { row in
            table.header.map { name in row[name].map(CSVCell.number) ?? .empty }
        }
        let written = CSVWriter.encode(header: table.header, rows: rows)
        do {
            let again = try CSVReader.parse(written)
            return again == table ? nil : "round trip changed \(table) into \(again)"
        } catch {
            return "CSVWriter output is refused (\(error)): \(Array(written))"
        }
    }
}
