import Domain
import Primitives
import Store

/// The SQLite implementation of `DataStore`: one database file in WAL mode (`Database`), its
/// group committer for ballots, and repositories bound to the connection of each transaction.
public final class SQLiteStore: DataStore {
    /// The database, for what only SQLite has (backups, tests that read the file).
    public let database: Database
    private let committer: GroupCommitter
    private let clock: any TimeSource
    public let ballotBox: any BallotBox
    /// In memory: one process owns a SQLite database.
    public let throttleLedger: any ThrottleLedger
    public let changes: any ChangeFeed = SingleProcessChangeFeed()

    /// Opens (creating if needed) the database at `path` and applies pending migrations; every
    /// time it stores comes from `clock`.
    public init(path: String, clock: any TimeSource = SystemClock()) throws {
        database = try Database(path: path, migrations: Schema.migrations)
        committer = GroupCommitter(database: database)
        self.clock = clock
        ballotBox = SQLiteBallotBox(database: database, committer: committer, clock: clock)
        throttleLedger = MemoryThrottleLedger(clock: clock)
    }

    /// `init(path:clock:)` as a function, for `Application`'s store opener.
    @Sendable public static func open(path: String, clock: any TimeSource) throws -> any DataStore {
        try SQLiteStore(path: path, clock: clock)
    }

    public func read<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try Self.translating { try database.read { try body(transaction($0)) } }
    }

    public func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try Self.translating { try database.write { try body(transaction($0)) } }
    }

    /// The repositories of a transaction on `connection`.
    private func transaction(_ connection: Connection) -> SQLTransaction {
        SQLTransaction(
            session: SQLiteSession(connection: connection), clock: clock,
            ballots: SQLiteBallotRepository(connection: connection),
            ballotStorage: SQLiteRoundBallots(connection: connection))
    }

    public func writeDurations() -> WriteDurations {
        let snapshot = database.writeStatistics.snapshot()
        return WriteDurations(
            bounds: WriteStatistics.buckets, bucketCounts: snapshot.bucketCounts, count: snapshot.count,
            sum: snapshot.sum, failures: snapshot.failures)
    }

    public func close() {
        committer.stop()
        database.close()
    }

    /// SQLite's "disk full" and "busy" as the backend-neutral `StoreUnavailable`.
    static func translate(_ error: any Error) -> any Error {
        switch error {
        case StoreError.diskFull: StoreUnavailable.diskFull
        case StoreError.busy: StoreUnavailable.busy
        default: error
        }
    }

    static func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw translate(error)
        }
    }
}
