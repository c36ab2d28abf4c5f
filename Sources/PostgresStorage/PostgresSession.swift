import Storage

/// A PostgreSQL session inside a transaction, as the repositories shared with SQLite use it:
/// their `?` placeholders are numbered once per statement text (`PGConnection.numbered`).
struct PostgresSession: SQLSession {
    let connection: PGConnection

    var dialect: SQLDialect { .postgres }

    @discardableResult
    func run(_ sql: String, _ arguments: [any SQLBindable]) throws -> Int {
        try connection.run(connection.numbered(sql), arguments)
    }

    func query<T>(_ sql: String, _ arguments: [any SQLBindable], _ map: (any SQLRow) throws -> T) throws -> [T] {
        try connection.query(connection.numbered(sql), arguments) { try map($0) }
    }

    func queryOne<T>(_ sql: String, _ arguments: [any SQLBindable], _ map: (any SQLRow) throws -> T) throws -> T? {
        try connection.queryOne(connection.numbered(sql), arguments) { try map($0) }
    }

    func forEachRow(_ sql: String, _ arguments: [any SQLBindable], _ body: (any SQLRow) throws -> Void) throws {
        try connection.forEachRow(connection.numbered(sql), arguments) { try body($0) }
    }

    /// In a savepoint, as a failed statement aborts a whole PostgreSQL transaction; a constraint
    /// failure is rethrown as the `StoreError` SQLite throws for it.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try connection.withSavepoint { _ in try body() }
        } catch let error as PGError {
            guard case .constraint = error.kind, let translated = error.storeError else { throw error }
            throw translated
        }
    }
}

extension PGRow: SQLRow {}
