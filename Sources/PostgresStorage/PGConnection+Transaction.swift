/// Transactions as SQLite's `Connection.inTransaction` runs them: begin, run the body, commit;
/// on any failure roll back and rethrow the body's error unchanged.
///
/// Isolation, chosen so that repositories written for SQLite's one-writer semantics stay correct
/// with several DuPing instances on one database:
/// - `write` is READ COMMITTED and takes one transaction-scoped advisory lock right after
///   `BEGIN` (`pg_advisory_xact_lock`), so write transactions of every instance run one after
///   another, as SQLite's `BEGIN IMMEDIATE` makes them. A read-then-write body (a code not yet
///   used → mark it used) cannot interleave with another writer, so no serialization failure
///   (40001) can occur and nothing has to be retried — a retry would run the caller's closure,
///   with its side effects, twice. The lock is released by COMMIT or ROLLBACK.
/// - `read` is REPEATABLE READ READ ONLY: one snapshot for the whole body, like a SQLite read
///   transaction, and a write inside it fails loudly (25006).
extension PGConnection {
    /// How a transaction isolates itself; see the extension's summary.
    public enum TransactionKind: Sendable {
        case write
        case read

        var begin: String {
            switch self {
            case .write:
                "BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(\(PGConnection.writerLockKey))"
            case .read: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
            }
        }
    }

    /// The advisory lock key all writers share: "DuPing" in ASCII, unlikely to clash with an
    /// operator's own advisory locks.
    public static let writerLockKey: Int64 = 0x4475_5069_6E67

    /// Runs `body` in one transaction. `BEGIN` and `COMMIT` failures are thrown as `PGError`;
    /// the body's own error is rethrown unchanged after the rollback. A failed `COMMIT` leaves
    /// the session outside any transaction (PostgreSQL ends it), so the next caller starts clean.
    public func inTransaction<T>(_ kind: TransactionKind, _ body: (PGConnection) throws -> T) throws -> T {
        try execute(kind.begin)
        let value: T
        do {
            value = try body(self)
        } catch {
            rollbackIfNeeded()
            throw error
        }
        do {
            try execute("COMMIT")
        } catch {
            rollbackIfNeeded()
            throw error
        }
        return value
    }

    /// Runs `body` inside a savepoint of the current transaction, rolled back to when `body`
    /// throws. A failed statement aborts a whole PostgreSQL transaction, where SQLite fails only
    /// that statement; a repository that turns a constraint error into a domain error (a taken
    /// code → 409) runs the statement here, so the transaction stays usable as it would on SQLite.
    public func withSavepoint<T>(_ body: (PGConnection) throws -> T) throws -> T {
        try execute("SAVEPOINT duping_statement")
        do {
            let value = try body(self)
            try execute("RELEASE SAVEPOINT duping_statement")
            return value
        } catch {
            try? execute("ROLLBACK TO SAVEPOINT duping_statement; RELEASE SAVEPOINT duping_statement")
            throw error
        }
    }

    /// Rolls back an open (or failed) transaction block; quiet, as the caller's error matters more.
    func rollbackIfNeeded() {
        guard !isBroken, !isIdle else { return }
        try? execute("ROLLBACK")
    }
}
