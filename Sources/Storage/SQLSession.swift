/// A database session inside one transaction, as the repositories shared by SQLite and
/// PostgreSQL use it. SQL is written once, with `?` placeholders (PostgreSQL's session numbers
/// them); where the two still spell something differently, `dialect` says which to write.
package protocol SQLSession {
    var dialect: SQLDialect { get }

    /// Runs one statement and returns how many rows it changed.
    @discardableResult
    func run(_ sql: String, _ arguments: [any SQLBindable]) throws -> Int

    /// Maps every result row; `map` may throw to abandon the query.
    func query<T>(_ sql: String, _ arguments: [any SQLBindable], _ map: (any SQLRow) throws -> T) throws -> [T]

    /// Maps the first result row, if any.
    func queryOne<T>(_ sql: String, _ arguments: [any SQLBindable], _ map: (any SQLRow) throws -> T) throws -> T?

    /// Passes every result row to `body`.
    func forEachRow(_ sql: String, _ arguments: [any SQLBindable], _ body: (any SQLRow) throws -> Void) throws

    /// Runs `body`, whose failing statement must leave the transaction usable (a repository that
    /// turns a constraint error into a domain error, a taken code → 409). SQLite fails only the
    /// statement anyway; PostgreSQL would abort the whole transaction, so there it is a savepoint.
    /// A constraint failure comes out as `StoreError.constraint` on both.
    func guarded<T>(_ body: () throws -> T) throws -> T
}

extension SQLSession {
    @discardableResult
    package func run(_ sql: String) throws -> Int {
        try run(sql, [])
    }

    package func query<T>(_ sql: String, _ map: (any SQLRow) throws -> T) throws -> [T] {
        try query(sql, [], map)
    }

    package func queryOne<T>(_ sql: String, _ map: (any SQLRow) throws -> T) throws -> T? {
        try queryOne(sql, [], map)
    }

    package func forEachRow(_ sql: String, _ body: (any SQLRow) throws -> Void) throws {
        try forEachRow(sql, [], body)
    }

    /// Inserts `rows` (each one value per column) with multi-row `INSERT … VALUES (…), (…)`
    /// statements of up to `rowsPerStatement` rows: a round trip per hundred rows rather than per
    /// row, which is what a panel of thousands costs on PostgreSQL.
    package func insert(
        into table: String, columns: [String], rows: [[any SQLBindable]], rowsPerStatement: Int = 100
    ) throws {
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        var start = rows.startIndex
        while start < rows.endIndex {
            let chunk = rows[start..<min(start + rowsPerStatement, rows.endIndex)]
            try run(head + Array(repeating: tuple, count: chunk.count).joined(separator: ", "), chunk.flatMap { $0 })
            start = chunk.endIndex
        }
    }
}

/// What the shared SQL still spells per backend.
package enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// A subquery of the integers in a JSON array bound as its one `?`, for `id IN …`.
    package var idsInJSONArray: String {
        switch self {
        case .sqlite: "(SELECT value FROM json_each(?))"
        case .postgres: "(SELECT value::bigint FROM json_array_elements_text(?::json))"
        }
    }
}
