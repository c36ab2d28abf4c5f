import CSQLite

/// A connection that can only read, for tools that copy a database without changing it
/// (`duping migrate`): opened with `SQLITE_OPEN_READONLY`, so no write, checkpoint or journal
/// change can reach the file, and every read inside `snapshot` sees one consistent state even
/// while a server writes.
extension Connection {
    /// Opens the existing database at `path` read-only.
    /// - Throws: `StoreError` when the file is missing or not a database.
    public static func readOnly(path: String) throws(StoreError) -> Connection {
        try Connection(path: path, mode: .reader)
    }

    /// Runs `body` in one read transaction (`BEGIN DEFERRED`): every query sees the same snapshot.
    public func snapshot<T>(_ body: (Connection) throws -> T) throws -> T {
        try inTransaction(.deferred, body).get()
    }
}
