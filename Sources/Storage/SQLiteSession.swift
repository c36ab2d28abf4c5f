/// A SQLite connection inside a transaction, as the shared repositories use it.
struct SQLiteSession: SQLSession {
    let connection: Connection

    var dialect: SQLDialect { .sqlite }

    @discardableResult
    func run(_ sql: String, _ arguments: [any SQLBindable]) throws -> Int {
        try connection.run(sql, arguments)
    }

    func query<T>(_ sql: String, _ arguments: [any SQLBindable], _ map: (any SQLRow) throws -> T) throws -> [T] {
        try connection.query(sql, arguments) { try map($0) }
    }

    func queryOne<T>(_ sql: String, _ arguments: [any SQLBindable], _ map: (any SQLRow) throws -> T) throws -> T? {
        try connection.queryOne(sql, arguments) { try map($0) }
    }

    func forEachRow(_ sql: String, _ arguments: [any SQLBindable], _ body: (any SQLRow) throws -> Void) throws {
        try connection.forEachRow(sql, arguments) { try body($0) }
    }

    /// A failed statement rolls back only itself in SQLite, and its errors are `StoreError`
    /// already: nothing to do.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        try body()
    }
}
