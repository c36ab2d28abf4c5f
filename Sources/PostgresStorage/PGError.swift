import Storage

/// A failure reported by PostgreSQL or by libpq, with the SQLSTATE that classifies it
/// (<https://www.postgresql.org/docs/15/errcodes-appendix.html>).
///
/// `storeError` maps the classes callers act on to the storage layer's own `StoreError`, so a
/// repository written for SQLite (`guard case .constraint(.unique, _) = error`) reads the same on
/// PostgreSQL; everything else stays a `PGError`.
public struct PGError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The five-character SQLSTATE; "08006" (connection failure) when libpq failed without one.
    public var sqlState: String
    public var message: String
    /// The SQL that failed, if any. Never bound values: they may hold token hashes.
    public var sql: String?

    public init(sqlState: String, message: String, sql: String?) {
        self.sqlState = sqlState
        self.message = message
        self.sql = sql
    }

    /// What a caller should make of this error.
    public enum Kind: Equatable, Sendable {
        case constraint(ConstraintKind)
        /// 40001: a serializable transaction lost a race; the whole transaction may be retried.
        case serializationFailure
        /// 40P01: PostgreSQL broke a deadlock by failing this transaction; it may be retried.
        case deadlock
        /// 53100: the server's disk is full.
        case diskFull
        /// Class 08, and 57P01–57P03 (the server shut the session down): the connection is gone.
        case connection
        /// Every pooled connection stayed busy for the whole checkout timeout.
        case poolExhausted
        /// A misuse of this wrapper (wrong argument count, a closed connection).
        case misuse
        case other
    }

    public var kind: Kind {
        switch sqlState {
        case "23505": .constraint(.unique)
        case "23503": .constraint(.foreignKey)
        case "23514": .constraint(.check)
        case "23502": .constraint(.notNull)
        case "40001": .serializationFailure
        case "40P01": .deadlock
        case "53100": .diskFull
        case "57P01", "57P02", "57P03": .connection
        // A protocol violation is ours (e.g. more arguments than placeholders); the session lives on.
        case Self.misuseState, "08P01": .misuse
        case Self.poolTimeoutState: .poolExhausted
        case let state where state.hasPrefix("08"): .connection
        default: .other
        }
    }

    /// The same `StoreError` SQLite would throw for this kind of failure, when there is one:
    /// constraints, a full disk, and a lost race (busy: the client may try again, as with
    /// SQLite's busy timeout).
    public var storeError: StoreError? {
        switch kind {
        case .constraint(let constraint): .constraint(constraint, message: message)
        case .diskFull: .diskFull
        case .serializationFailure, .deadlock, .poolExhausted: .busy
        case .connection, .misuse, .other: nil
        }
    }

    public var description: String {
        let context = sql.map { " in \($0)" } ?? ""
        return "PostgreSQL error \(sqlState): \(message)\(context)"
    }

    /// Our own SQLSTATE for misuse of the wrapper: class "DP" is not used by PostgreSQL.
    static let misuseState = "DP000"

    /// Ours too: no pooled connection became free in time.
    static let poolTimeoutState = "DP001"

    static func misuse(_ message: String, sql: String?) -> PGError {
        PGError(sqlState: misuseState, message: message, sql: sql)
    }

    /// libpq failed without a server error (the connection broke, the server is unreachable).
    static func connectionFailure(_ message: String, sql: String?) -> PGError {
        PGError(sqlState: "08006", message: message, sql: sql)
    }
}

extension PGError {
    /// `error` as the storage layer's `StoreError` where one applies, otherwise unchanged.
    public static func translate(_ error: any Error) -> any Error {
        guard let error = error as? PGError, let store = error.storeError else { return error }
        return store
    }
}
