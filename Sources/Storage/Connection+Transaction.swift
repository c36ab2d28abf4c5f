/// Transactions as GRDB's `Database.inTransaction` runs them: begin, run the body, commit;
/// on any failure roll back and rethrow the first error unchanged.
extension Connection {
    /// How a transaction takes its locks (<https://sqlite.org/lang_transaction.html>).
    enum TransactionKind: String {
        /// Takes the write lock at `BEGIN`, so a busy database fails here instead of at the
        /// first write, after reads the body may already have acted on.
        case immediate = "BEGIN IMMEDIATE"
        /// Takes a read snapshot at the first read; used by reader connections.
        case deferred = "BEGIN DEFERRED"
    }

    /// Runs `body` inside one transaction and returns its outcome: `.failure` means the body
    /// threw and the transaction was rolled back.
    ///
    /// Only `BEGIN` and `COMMIT` failures are thrown, typed; the body's own error comes back
    /// unchanged in the result so callers rethrow exactly what their closure threw. A failed
    /// `COMMIT` (disk full, a deferred foreign key) is rolled back too, so the connection is
    /// never left inside a transaction for the next caller.
    func inTransaction<T, E: Error>(
        _ kind: TransactionKind, _ body: (Connection) throws(E) -> T
    ) throws(StoreError) -> Result<T, E> {
        try run(kind.rawValue)
        let result = Result { () throws(E) -> T in try body(self) }
        guard case .success = result else {
            rollbackIfNeeded()
            return result
        }
        do {
            try run("COMMIT")
        } catch {
            rollbackIfNeeded()
            throw error
        }
        return result
    }

    /// Rolls back unless SQLite already did: after some errors (SQLITE_FULL, SQLITE_IOERR) it
    /// ends the transaction itself, and a second ROLLBACK would fail and hide the first error.
    func rollbackIfNeeded() {
        guard !isAutocommit else { return }
        // sqlite3_exec rather than the statement cache: the rollback must not depend on the
        // state that may have caused the failure. If even this fails there is nothing better
        // to do, and the caller's original error is the one worth reporting.
        _ = try? execute("ROLLBACK")
    }
}
