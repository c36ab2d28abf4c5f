import Storage

/// Rows gathered into multi-row `INSERT … VALUES (…), (…)` statements, so a copy of many
/// thousand rows takes a few hundred round trips instead of one per row.
final class BatchInsert {
    let table: String
    let columns: [String]
    let connection: PGConnection
    /// Rows per statement: at most 1,000, and at most 30,000 bound values (PostgreSQL allows 65,535).
    let rowsPerStatement: Int
    private var pending: [SQLValue] = []
    /// Rows added so far.
    private(set) var count = 0

    init(table: String, columns: [String], connection: PGConnection) {
        self.table = table
        self.columns = columns
        self.connection = connection
        rowsPerStatement = max(1, min(1_000, 30_000 / max(1, columns.count)))
    }

    func add(_ row: [SQLValue]) throws {
        precondition(row.count == columns.count, "a row of \(row.count) values for \(columns.count) columns")
        pending += row
        count += 1
        if pending.count >= rowsPerStatement * columns.count { try flush() }
    }

    /// Inserts the rows added since the last flush.
    func flush() throws {
        guard !pending.isEmpty else { return }
        let rows = pending.count / columns.count
        var tuples: [String] = []
        tuples.reserveCapacity(rows)
        for row in 0..<rows {
            let first = row * columns.count
            tuples.append("(" + (1...columns.count).map { "$\(first + $0)" }.joined(separator: ", ") + ")")
        }
        let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        try connection.run("INSERT INTO \(table) (\(names)) VALUES \(tuples.joined(separator: ", "))", pending)
        pending.removeAll(keepingCapacity: true)
    }
}
