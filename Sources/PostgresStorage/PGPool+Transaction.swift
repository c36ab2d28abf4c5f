extension PGPool {
    /// Runs `body` in a transaction on a pooled session (see `PGConnection.inTransaction`).
    ///
    /// A session the server dropped while it sat idle in the pool (PostgreSQL restarted, an
    /// idle timeout, a failover) fails at its `BEGIN`, before `body` has run: it is closed and
    /// the transaction starts again on another, so a restart costs the first requests after it
    /// nothing. Once `BEGIN` has succeeded nothing is retried: `body` may have side effects.
    public func withTransaction<T>(_ kind: PGConnection.TransactionKind, _ body: (PGConnection) throws -> T) throws
        -> T
    {
        try replacingDroppedSessions(when: { $0.sql == kind.begin }) { try $0.inTransaction(kind, body) }
    }

    /// Runs `body`, which only reads, on a pooled session outside any transaction block. A
    /// session the server dropped while idle fails the first statement; reading has no side
    /// effects, so `body` runs again on another session.
    public func withReadOnlySession<T>(_ body: (PGConnection) throws -> T) throws -> T {
        try replacingDroppedSessions(when: { _ in true }, body)
    }

    /// Runs `body` on a pooled session; when it fails with a lost connection that `retryable`
    /// accepts, the broken session is gone (`checkIn` closes it) and `body` runs again on
    /// another, at most once more than the pool holds (each of its sessions may be dead).
    private func replacingDroppedSessions<T>(
        when retryable: (PGError) -> Bool, _ body: (PGConnection) throws -> T
    ) throws -> T {
        var attempts = 0
        while true {
            attempts += 1
            do {
                return try withConnection(body)
            } catch let error as PGError where error.kind == .connection && retryable(error) && attempts <= size {
                continue
            }
        }
    }
}
