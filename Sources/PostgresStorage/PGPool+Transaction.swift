extension PGPool {
    /// Runs `body` in a transaction on a pooled session (see `PGConnection.inTransaction`).
    ///
    /// A session the server dropped while it sat idle in the pool (PostgreSQL restarted, an
    /// idle timeout, a failover) fails at its `BEGIN`, before `body` has run: it is closed and
    /// the transaction starts again on another, at most once more than the pool holds, so a
    /// restart costs the first requests after it nothing. Once `BEGIN` has succeeded nothing is
    /// retried: `body` may have side effects.
    public func withTransaction<T>(_ kind: PGConnection.TransactionKind, _ body: (PGConnection) throws -> T) throws
        -> T
    {
        var attempts = 0
        while true {
            attempts += 1
            do {
                return try withConnection { try $0.inTransaction(kind, body) }
            } catch let error as PGError where error.kind == .connection && error.sql == kind.begin && attempts <= size
            {
                continue
            }
        }
    }

    /// Runs `body`, which only reads, on a pooled session outside any transaction block. A
    /// session the server dropped while idle fails the first statement; reading has no side
    /// effects, so `body` runs again on another session (at most once more than the pool holds).
    public func withReadOnlySession<T>(_ body: (PGConnection) throws -> T) throws -> T {
        var attempts = 0
        while true {
            attempts += 1
            do {
                return try withConnection(body)
            } catch let error as PGError where error.kind == .connection && attempts <= size {
                continue
            }
        }
    }
}
