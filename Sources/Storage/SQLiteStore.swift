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
        try Self.translating { try database.read { try body(SQLiteTransaction(connection: $0, clock: clock)) } }
    }

    public func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try Self.translating { try database.write { try body(SQLiteTransaction(connection: $0, clock: clock)) } }
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

/// The repositories of one SQLite transaction, all on its connection.
struct SQLiteTransaction: StoreTransaction {
    let connection: Connection
    let clock: any TimeSource
    var access: any AccessRepository { SQLiteAccessRepository(connection: connection, clock: clock) }
    var registry: any RegistryRepository { SQLiteRegistryRepository(connection: connection, clock: clock) }
    var rounds: any RoundRepository { SQLiteRoundRepository(connection: connection, clock: clock) }
    var ballots: any BallotRepository { SQLiteBallotRepository(connection: connection) }
    var archive: any ArchiveRepository { SQLiteArchiveRepository(connection: connection, clock: clock) }
    var projects: any ProjectRepository { SQLiteProjectRepository(connection: connection, clock: clock) }
    var reviews: any ReviewRepository { SQLiteReviewRepository(connection: connection, clock: clock) }
    var assessments: any AssessmentRepository { SQLiteAssessmentRepository(connection: connection, clock: clock) }
    var people: any PeopleRepository { SQLitePeopleRepository(connection: connection, clock: clock) }
    var requests: any RequestRepository { SQLiteRequestRepository(connection: connection, clock: clock) }
}
