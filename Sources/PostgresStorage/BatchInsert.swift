import Storage

/// Rows gathered into multi-row `INSERT … VALUES (…), (…)` statements (`SQLSession.insert`), so a
/// copy of many thousand rows takes a few hundred round trips instead of one per row.
final class BatchInsert {
    let table: String
    let columns: [String]
    let session: PostgresSession
    /// Rows per statement: at most 1,000, and at most 30,000 bound values (PostgreSQL allows 65,535).
    let rowsPerStatement: Int
    private var pending: [[any SQLBindable]] = []
    /// Rows added so far.
    private(set) var count = 0

    init(table: String, columns: [String], connection: PGConnection) {
        self.table = table
        self.columns = columns
        session = PostgresSession(connection: connection)
        rowsPerStatement = max(1, min(1_000, 30_000 / max(1, columns.count)))
    }

    func add(_ row: [SQLValue]) throws {
        precondition(row.count == columns.count, "a row of \(row.count) values for \(columns.count) columns")
        pending.append(row)
        count += 1
        if pending.count >= rowsPerStatement { try flush() }
    }

    /// Inserts the rows added since the last flush.
    func flush() throws {
        guard !pending.isEmpty else { return }
        try session.insert(
            into: table, columns: columns.map { "\"\($0)\"" }, rows: pending, rowsPerStatement: rowsPerStatement)
        pending.removeAll(keepingCapacity: true)
    }
}
