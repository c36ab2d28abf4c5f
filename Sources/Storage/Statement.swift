import CSQLite

/// Tells SQLite to copy bound bytes at once, so the Swift buffer may go away after the call.
/// The C macro `SQLITE_TRANSIENT` (a cast of -1) is not imported into Swift.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// One prepared statement. Owned by a `Connection`, either in its cache or for a single call.
///
/// Not thread-safe: used only by the thread that holds the owning connection.
final class Statement {
    let handle: OpaquePointer
    let sql: String
    private let db: OpaquePointer
    /// True while a call is stepping through it; a nested call with the same SQL then gets a
    /// fresh statement instead of resetting this one under the outer iteration.
    var isInUse = false

    /// Prepares exactly one statement; trailing statements are an error rather than being
    /// silently ignored, since `run` would otherwise drop half of what the caller wrote.
    init(db: OpaquePointer, sql: String) throws(StoreError) {
        var statement: OpaquePointer?
        var hasTrailingStatement = false
        let code = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(db, text, -1, 0, &statement, &tail)
            // The tail points into `text`, so it can only be inspected inside this closure.
            if code == SQLITE_OK, let tail { hasTrailingStatement = Self.holdsStatement(tail, db: db) }
            return code
        }
        guard code == SQLITE_OK, let statement else {
            throw StoreError(code: code, db: db, sql: sql)
        }
        if hasTrailingStatement {
            sqlite3_finalize(statement)
            throw StoreError.misuse("several statements given; use execute() for scripts", sql: sql)
        }
        self.handle = statement
        self.sql = sql
        self.db = db
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Binds `arguments` to the `?` parameters in order; the count must match exactly.
    func bind(_ arguments: [any SQLBindable]) throws(StoreError) {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.count == expected else {
            throw StoreError.misuse("expected \(expected) arguments, got \(arguments.count)", sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            let code = bind(argument.sqlValue, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw StoreError(code: code, db: db, sql: sql) }
        }
    }

    /// Empty text and blobs need care: SQLite binds a NULL pointer as SQL NULL, and Swift
    /// may hand out a NULL base address for empty buffers.
    private func bind(_ value: SQLValue, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(handle, index)
        case .integer(let number):
            return sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            return sqlite3_bind_double(handle, index, number)
        case .text(var text):
            return text.withUTF8 { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(handle, index, "", 0, transient)
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text64(handle, index, $0, UInt64(bytes.count), transient, UInt8(SQLITE_UTF8))
                }
            }
        case .blob(let bytes):
            guard !bytes.isEmpty else { return sqlite3_bind_zeroblob(handle, index, 0) }
            return bytes.withUnsafeBytes {
                sqlite3_bind_blob64(handle, index, $0.baseAddress, UInt64($0.count), transient)
            }
        }
    }

    /// Advances one row: `true` when a row is available, `false` when the statement is done.
    func step() throws(StoreError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw StoreError(code: code, db: db, sql: sql)
        }
    }

    /// Makes the statement reusable and releases its read lock; without the reset a cached
    /// statement would pin an old WAL snapshot and stop checkpoints.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Whether `tail` holds another statement rather than only whitespace and comments.
    /// Blank tails are common (a trailing newline or `;`) and are settled without SQLite;
    /// anything else is prepared, and a tail that fails to prepare counts as a statement.
    private static func holdsStatement(_ tail: UnsafePointer<CChar>, db: OpaquePointer) -> Bool {
        var cursor = tail
        while cursor.pointee != 0 {
            let byte = UInt8(bitPattern: cursor.pointee)
            if byte == UInt8(ascii: ";") || byte == UInt8(ascii: " ") || (9...13).contains(byte) {
                cursor += 1
                continue
            }
            var next: OpaquePointer?
            let code = sqlite3_prepare_v3(db, cursor, -1, 0, &next, nil)
            sqlite3_finalize(next)
            return code != SQLITE_OK || next != nil
        }
        return false
    }
}
