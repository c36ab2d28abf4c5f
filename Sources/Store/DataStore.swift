import Domain

/// DuPing's storage as the routes see it, whatever the backend (SQLite now, PostgreSQL later):
/// units of work over repositories, and the ballot box whose casts are group-committed.
///
/// A unit of work hands out repositories bound to one transaction and never a database
/// connection: `write` commits durably when `body` returns and rolls everything back when it
/// throws; `read` sees one consistent snapshot. Not reentrant: use the transaction you were given.
public protocol DataStore: Sendable {
    /// Runs `body` in a read-only transaction.
    func read<T>(_ body: (any StoreTransaction) throws -> T) throws -> T
    /// Runs `body` in a write transaction, durable once this returns.
    func write<T>(_ body: (any StoreTransaction) throws -> T) throws -> T
    /// Ballot sessions and casts (contract §5), which do not run in a caller's transaction.
    var ballotBox: any BallotBox { get }
    /// Counts of failed codes and objections per client, shared by every instance on the
    /// database.
    var throttleLedger: any ThrottleLedger { get }
    /// Changes announced between instances on the database, for their caches.
    var changes: any ChangeFeed { get }
    /// Durations of write transactions so far, for `/metrics`.
    func writeDurations() -> WriteDurations
    /// Waits for running work, then releases the backend. Later calls throw.
    func close()
}

/// The repositories of one transaction.
public protocol StoreTransaction {
    var access: any AccessRepository { get }
    var registry: any RegistryRepository { get }
    var rounds: any RoundRepository { get }
    var ballots: any BallotRepository { get }
    var archive: any ArchiveRepository { get }
    var projects: any ProjectRepository { get }
    var reviews: any ReviewRepository { get }
    var assessments: any AssessmentRepository { get }
    var people: any PeopleRepository { get }
    var requests: any RequestRepository { get }
    /// Tells the other instances on the database that `township`'s cached documents changed,
    /// when and only if this transaction commits (see `ChangeFeed`).
    func announceChange(township code: String) throws
}

/// The backend could not store anything now; the client may try again (503).
public enum StoreUnavailable: Error, Equatable, Sendable {
    case diskFull
    case busy
    /// The database server cannot be reached (restarting, network down).
    case unreachable
}

/// A histogram of write transactions from begin to durable commit.
public struct WriteDurations: Sendable, Equatable {
    /// Upper bounds of the buckets, in seconds.
    public var bounds: [Double]
    /// Transactions per bucket (not cumulative), in the order of `bounds`.
    public var bucketCounts: [Int]
    public var count: Int
    public var sum: Double
    /// Transactions rolled back by a fault of the database (I/O error, disk full, busy, corrupt
    /// file…); a write refused by a rule or a constraint (a 409 or 422) is not one.
    public var failures: Int

    public init(bounds: [Double], bucketCounts: [Int], count: Int, sum: Double, failures: Int) {
        self.bounds = bounds
        self.bucketCounts = bucketCounts
        self.count = count
        self.sum = sum
        self.failures = failures
    }
}
