import CSQLite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which declared constraint a write violated.
public enum ConstraintKind: String, Sendable, Equatable {
    case unique
    case primaryKey
    case foreignKey
    case check
    case notNull
}

/// Every error the storage layer throws. App maps these to HTTP problems; the cases callers
/// act on (constraints, disk full, busy) are split out so nobody has to parse SQLite messages.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Any other SQLite failure, with the extended result code and the SQL that caused it.
    case sqlite(code: Int32, message: String, sql: String?)
    /// A declared constraint was violated; `message` is SQLite's (it names the columns).
    case constraint(ConstraintKind, message: String)
    /// The file was migrated by a newer build; opening it would risk misreading its schema.
    case databaseTooNew(found: Int, known: Int)
    /// The disk (or the file-size limit) is full; the transaction was rolled back.
    case diskFull
    /// Another process held the database lock for longer than the busy timeout.
    case busy
    /// Convenience for callers whose lookup found no row.
    case notFound

    public var description: String {
        switch self {
        case .sqlite(let code, let message, let sql):
            let context = sql.map { " in \($0)" } ?? ""
            return "SQLite error \(code): \(message)\(context)"
        case .constraint(let kind, let message):
            return "\(kind.rawValue) constraint violated: \(message)"
        case .databaseTooNew(let found, let known):
            return "database schema version \(found) is newer than this build of duping knows (\(known)); "
                + "upgrade duping"
        case .diskFull:
            return "database or disk is full"
        case .busy:
            return "database is locked by another process (busy timeout expired)"
        case .notFound:
            return "not found"
        }
    }
}

extension StoreError {
    /// Extended result codes (<https://sqlite.org/rescode.html>); the C macros that compose
    /// them are not imported into Swift.
    enum Code {
        static let constraintCheck: Int32 = 275
        static let constraintForeignKey: Int32 = 787
        static let constraintNotNull: Int32 = 1299
        static let constraintPrimaryKey: Int32 = 1555
        static let constraintUnique: Int32 = 2067
    }

    /// Classifies an SQLite result code, reading the message from `db` when one is given.
    ///
    /// `SQLITE_IOERR` counts as disk full only when the OS reported `ENOSPC`, because other
    /// I/O errors (a vanished file, a failing disk) need a different response from an operator.
    init(code: Int32, db: OpaquePointer?, sql: String?, message explicit: String? = nil) {
        let message =
            explicit ?? db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        switch code {
        case Code.constraintUnique: self = .constraint(.unique, message: message)
        case Code.constraintPrimaryKey: self = .constraint(.primaryKey, message: message)
        case Code.constraintForeignKey: self = .constraint(.foreignKey, message: message)
        case Code.constraintCheck: self = .constraint(.check, message: message)
        case Code.constraintNotNull: self = .constraint(.notNull, message: message)
        default:
            switch code & 0xFF {
            case SQLITE_FULL: self = .diskFull
            case SQLITE_BUSY: self = .busy
            case SQLITE_IOERR where db.map({ sqlite3_system_errno($0) }) == ENOSPC: self = .diskFull
            default: self = .sqlite(code: code, message: message, sql: sql)
            }
        }
    }

    /// A misuse of this API (wrong argument count, use after close), reported like SQLite's own.
    static func misuse(_ message: String, sql: String?) -> StoreError {
        .sqlite(code: SQLITE_MISUSE, message: message, sql: sql)
    }
}

extension StoreError {
    /// Whether `error`, thrown out of a write transaction, is a fault of the database (an I/O
    /// error, a full disk, a busy timeout, a corrupt file, a closed connection) rather than a
    /// write refused on purpose: a declared constraint the API answers 409 or 422, a row not
    /// found, or any error of another layer (a rule of Domain, a bad request). Operators alert on
    /// the first kind (`duping_sqlite_write_failures_total`); a clerk's mistake is the second.
    public static func isDatabaseFault(_ error: any Error) -> Bool {
        guard let error = error as? StoreError else { return false }
        switch error {
        case .sqlite, .diskFull, .busy: return true
        case .constraint, .notFound, .databaseTooNew: return false
        }
    }
}
