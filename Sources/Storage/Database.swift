import Primitives

/// The DuPing database: one writer connection behind a lock and a pool of read-only
/// connections, over one SQLite file in WAL mode.
///
/// WAL lets the readers keep reading their snapshot while the writer commits, so rankings and
/// ballot forms never wait on ballot inserts; writes are serialized here rather than by
/// SQLite's busy handler, so they queue fairly instead of sleeping and retrying.
/// Every method is synchronous and thread-safe, made for handlers on plain worker threads.
public final class Database: @unchecked Sendable {
    // @unchecked: `writer` and `isClosed` are only touched while holding `writerLock`; reader
    // connections are lent to one thread at a time by `ReaderPool`; the rest is immutable.
    /// The file this database was opened from.
    public let path: String
    /// The highest migration version recorded in the file once `init` returned.
    public let schemaVersion: Int
    private let writerLock = Lock()
    private let writer: Connection
    private let readers: ReaderPool
    private var isClosed = false
    /// Duration of every write transaction and the database faults among them, for `/metrics`.
    public let writeStatistics = WriteStatistics()

    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    ///
    /// The writer is opened first: it creates the file, switches it to WAL and migrates,
    /// so the read-only connections opened afterwards always see the final schema.
    /// - Throws: `StoreError.databaseTooNew` when the file was migrated by a newer build.
    public init(path: String, migrations: [Migration], readers: Int = 4) throws(StoreError) {
        self.path = path
        writer = try Connection(path: path, mode: .writer)
        schemaVersion = try Migrator.migrate(writer, to: migrations)
        self.readers = try ReaderPool(path: path, count: readers)
    }

    deinit {
        close()
    }

    /// Runs `body` in a `BEGIN IMMEDIATE … COMMIT` transaction on the writer connection.
    ///
    /// When `body` throws, the transaction is rolled back and the same error is rethrown.
    /// Callers from other threads wait for the lock meanwhile. Not reentrant: calling
    /// `write` from inside `body` deadlocks; use the `Connection` you were given.
    @discardableResult
    public func write<T>(_ body: (Connection) throws -> T) throws -> T {
        try writerLock.withLock { () throws -> T in
            guard !isClosed else { throw StoreError.misuse("database is closed", sql: nil) }
            // Timed inside the lock: the transaction and its fsync, not the wait for the writer.
            let start = WriteStatistics.now()
            var fault = false
            defer { writeStatistics.record(seconds: WriteStatistics.now() - start, fault: fault) }
            do {
                return try writer.inTransaction(.immediate, body).get()
            } catch {
                fault = StoreError.isDatabaseFault(error)
                throw error
            }
        }
    }

    /// Empties the WAL into the database file and truncates it to zero bytes, so the file no
    /// longer holds recent page versions in commit order (which would let someone with the raw
    /// files line up a ballot with the code spent in the same commit). Returns false, having
    /// waited for nothing, while a reader still needs older frames; try again later.
    @discardableResult
    public func truncateWAL() throws(StoreError) -> Bool {
        try writerLock.withLock { () throws(StoreError) -> Bool in
            guard !isClosed else { throw StoreError.misuse("database is closed", sql: nil) }
            return try writer.checkpointAndTruncateWAL()
        }
    }

    /// Runs `body` in a read transaction on a pooled read-only connection.
    ///
    /// Everything `body` reads comes from one consistent snapshot, taken at its first read;
    /// commits made meanwhile are not seen and are not held up. Writes fail with
    /// `SQLITE_READONLY`. Waits for a free reader when all are in use.
    @discardableResult
    public func read<T>(_ body: (Connection) throws -> T) throws -> T {
        let connection = try readers.checkOut()
        defer { readers.checkIn(connection) }
        return try connection.inTransaction(.deferred, body).get()
    }

    /// Lends a reader outside any transaction, for the backup API which manages its own locks.
    func withReader<T>(_ body: (Connection) throws(StoreError) -> T) throws(StoreError) -> T {
        let connection = try readers.checkOut()
        defer { readers.checkIn(connection) }
        return try body(connection)
    }

    /// Waits for running reads and writes to finish, then closes every connection.
    /// Closing the last connection checkpoints the WAL into the main file. Later calls throw.
    public func close() {
        writerLock.withLock {
            guard !isClosed else { return }
            isClosed = true
            readers.close()
            writer.close()
        }
    }
}
