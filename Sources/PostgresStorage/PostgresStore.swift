import Domain
import Primitives
import Storage
import Store

/// The PostgreSQL implementation of `DataStore` (contract §14): a pool of sessions, the schema
/// migrated on open, units of work whose transactions hand out the PostgreSQL repositories, and
/// the ballot box with its own group committer, the shared throttle ledger and the change feed
/// between instances.
public final class PostgresStore: DataStore {
    public let pool: PGPool
    private let clock: any TimeSource
    private let statistics = WriteStatistics()

    /// Connects (`postgresql://…` or a conninfo), and migrates the database to the newest
    /// version of `PostgresSchema`.
    public init(conninfo: String, clock: any TimeSource = SystemClock(), poolSize: Int = 8) throws {
        pool = try PGPool(conninfo: conninfo, size: poolSize)
        self.clock = clock
        // The ballot writer has a session of its own: taking one from `pool`, it waited behind
        // the ballots' own session lookups for a free one (about 2 ms of each ~13 ms group
        // commit under load, bench/RESULTS.md). Opened by the first ballot.
        box = PGBallotBox(
            pool: pool, writer: try PGPool(conninfo: conninfo, size: 1, openNow: false),
            clock: clock)
        throttleLedger = PGThrottleLedger(pool: pool, clock: clock)
        feed = PGChangeFeed(conninfo: conninfo)
        _ = try pool.withConnection { try PGMigrator.migrate($0, to: PostgresSchema.migrations) }
    }

    public func read<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try Self.translating {
            try pool.withTransaction(.read) { try body(transaction($0)) }
        }
    }

    public func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        let start = WriteStatistics.now()
        var fault = false
        defer { statistics.record(seconds: WriteStatistics.now() - start, fault: fault) }
        do {
            return try Self.translating {
                try pool.withTransaction(.write) { try body(transaction($0)) }
            }
        } catch {
            fault = Self.isDatabaseFault(error)
            throw error
        }
    }

    /// The repositories of a transaction on `connection`.
    private func transaction(_ connection: PGConnection) -> SQLTransaction {
        SQLTransaction(
            session: PostgresSession(connection: connection), clock: clock,
            ballots: PGBallotRepository(connection: connection),
            ballotStorage: PGRoundBallots(connection: connection))
    }

    public var ballotBox: any BallotBox { box }
    private let box: PGBallotBox
    public let throttleLedger: any ThrottleLedger
    public var changes: any ChangeFeed { feed }
    private let feed: PGChangeFeed

    public func writeDurations() -> WriteDurations {
        let snapshot = statistics.snapshot()
        return WriteDurations(
            bounds: WriteStatistics.buckets, bucketCounts: snapshot.bucketCounts, count: snapshot.count,
            sum: snapshot.sum, failures: snapshot.failures)
    }

    public func close() {
        feed.stop()
        box.committer.stop()
        pool.close()
    }

    /// A fault of the database (connection lost, disk full, busy), not a write refused by a
    /// rule or a constraint; see `StoreError.isDatabaseFault`.
    static func isDatabaseFault(_ error: any Error) -> Bool {
        if let error = error as? PGError {
            if case .constraint = error.kind { return false }
            return true
        }
        if error is StoreUnavailable { return true }
        return StoreError.isDatabaseFault(error)
    }

    /// `PGError`s as the storage layer's `StoreError` where one applies, then "disk full" and
    /// "busy" as the backend-neutral `StoreUnavailable`, as `SQLiteStore` does, and a lost or
    /// refused connection as `StoreUnavailable.unreachable` (503, not 500).
    static func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw translate(error)
        }
    }

    static func translate(_ error: any Error) -> any Error {
        if let error = error as? PGError, error.kind == .connection { return StoreUnavailable.unreachable }
        return switch PGError.translate(error) {
        case StoreError.diskFull: StoreUnavailable.diskFull
        case StoreError.busy: StoreUnavailable.busy
        case let translated: translated
        }
    }
}
