import CSQLite

/// One SQLite connection with its prepared-statement cache.
///
/// Not thread-safe by itself: `Database` hands it to one lock holder at a time, and the
/// closures that receive it must not let it escape.
public final class Connection {
    /// Whether a connection may write; readers are opened read-only so a handler that
    /// mistakenly writes inside `read` fails loudly instead of racing the writer.
    enum Mode {
        case writer
        case reader
    }

    let handle: OpaquePointer
    /// Prepared statements keyed by SQL text. Most SQL is a fixed string, but some is built
    /// (`IN (?, ?, …)`, a PATCH's `SET` list), so the cache is emptied when it reaches
    /// `cacheLimit` rather than growing without bound.
    private var cache: [String: Statement] = [:]
    static let cacheLimit = 256
    private var isClosed = false

    /// Opens `path` and applies the settings every DuPing connection runs with.
    ///
    /// `SQLITE_OPEN_NOMUTEX`: SQLite's own per-connection mutex is redundant under our locks.
    init(path: String, mode: Mode) throws(StoreError) {
        let access = mode == .writer ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY
        if mode == .writer { OwnerOnlyFiles.prepare(databasePath: path) }
        var db: OpaquePointer?
        let code = sqlite3_open_v2(path, &db, access | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let db else {
            let error = StoreError(code: code, db: db, sql: nil)
            sqlite3_close_v2(db)
            throw error
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, Self.busyTimeoutMilliseconds)
        if mode == .writer {
            // journal_mode is persistent in the file and can only be changed with write access;
            // readers inherit it.
            let journal = try values("PRAGMA journal_mode=WAL") { $0.string(0) }.first
            guard journal == "wal" else {
                throw StoreError.sqlite(
                    code: SQLITE_ERROR, message: "could not enable WAL (got \(journal ?? "nothing"))", sql: nil)
            }
        }
        // No mmap: every connection would map the file separately, and each page it touched
        // would count again in the process's RSS (270 MB with 10,000 connections in the bench).
        // secure_delete: freed bytes are zeroed, so no earlier version of a row (a round's running
        // tallies before the last ballot, say) stays readable in free space (contract §5).
        try execute("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;")
    }

    /// How long a statement waits for a lock held by another connection before `SQLITE_BUSY`.
    static let busyTimeoutMilliseconds: Int32 = 5000

    deinit {
        close()
    }

    /// Copies every WAL frame into the database file and truncates the WAL to zero bytes
    /// (`SQLITE_CHECKPOINT_TRUNCATE`). Does not wait: while a reader still uses an older
    /// snapshot the WAL cannot be emptied, and this returns false (frames it could copy are
    /// copied) so the caller tries again later. Call outside a transaction.
    func checkpointAndTruncateWAL() throws(StoreError) -> Bool {
        sqlite3_busy_timeout(handle, 0)
        defer { sqlite3_busy_timeout(handle, Self.busyTimeoutMilliseconds) }
        let code = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_TRUNCATE, nil, nil)
        if code == SQLITE_BUSY { return false }
        guard code == SQLITE_OK else { throw StoreError(code: code, db: handle, sql: nil) }
        return true
    }

    /// Finalizes cached statements, then closes. `close_v2` defers the close if a statement
    /// somehow survives, instead of leaking the handle.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs a script of zero or more statements, without arguments and without caching.
    public func execute(_ sql: String) throws(StoreError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        let text = message.map { String(cString: $0) }
        sqlite3_free(message)
        guard code == SQLITE_OK else { throw StoreError(code: code, db: handle, sql: sql, message: text) }
    }

    /// Runs one statement to completion and returns how many rows it changed.
    @discardableResult
    public func run(_ sql: String, _ arguments: [any SQLBindable] = []) throws(StoreError) -> Int {
        let statement = try checkOut(sql)
        defer { checkIn(statement) }
        try statement.bind(arguments)
        while try statement.step() {}
        return Int(sqlite3_changes64(handle))
    }

    /// Maps every result row; `map` may throw to abandon the query.
    public func query<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ map: (Row) throws -> T) throws -> [T] {
        var results: [T] = []
        try forEachRow(sql, arguments) { results.append(try map($0)) }
        return results
    }

    /// Maps the first result row, if any, and stops stepping there.
    public func queryOne<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ map: (Row) throws -> T) throws -> T? {
        let statement = try checkOut(sql)
        defer { checkIn(statement) }
        try statement.bind(arguments)
        return try statement.step() ? try map(Row(statement: statement.handle)) : nil
    }

    /// Streams the result rows to `body` without collecting them, for large exports.
    public func forEachRow(_ sql: String, _ arguments: [any SQLBindable] = [], _ body: (Row) throws -> Void) throws {
        let statement = try checkOut(sql)
        defer { checkIn(statement) }
        try statement.bind(arguments)
        let row = Row(statement: statement.handle)
        while try statement.step() { try body(row) }
    }

    /// Maps every row with a closure that cannot fail, keeping the error type precise for
    /// internal callers such as the migrator.
    func values<T>(_ sql: String, _ arguments: [any SQLBindable] = [], _ map: (Row) -> T) throws(StoreError) -> [T] {
        let statement = try checkOut(sql)
        defer { checkIn(statement) }
        try statement.bind(arguments)
        var results: [T] = []
        while try statement.step() { results.append(map(Row(statement: statement.handle))) }
        return results
    }

    /// The rowid of the most recent successful `INSERT` on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// How many prepared statements are cached; lets tests observe the bound.
    var cachedStatementCount: Int { cache.count }

    /// True outside any transaction; used to decide whether a rollback is still needed.
    var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    /// Takes the cached statement for `sql`, or prepares one. While the cached one is being
    /// stepped (a nested query with the same SQL) a private statement is used instead.
    private func checkOut(_ sql: String) throws(StoreError) -> Statement {
        guard !isClosed else { throw StoreError.misuse("database is closed", sql: sql) }
        let cached = cache[sql]
        if let cached, !cached.isInUse {
            cached.isInUse = true
            return cached
        }
        let statement = try Statement(db: handle, sql: sql)
        statement.isInUse = true
        if cached == nil {
            // Statements being stepped stay alive through their caller's reference.
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[sql] = statement
        }
        return statement
    }

    /// Resets a statement so it holds no read lock and no bound values until its next use.
    private func checkIn(_ statement: Statement) {
        statement.reset()
        statement.isInUse = false
    }
}
