import Domain
import Glibc
import PostgresStorage
import Primitives
import Store
import Testing

/// What instances on one PostgreSQL database share beyond the data (contract §14): the throttle's
/// windows and announcements of changes for their caches.
@Suite(.requiresPostgres)
struct PostgresInstancesTests {
    @Test func throttleWindowsAreSharedByEveryStoreOnTheDatabase() throws {
        let conninfo = try PGFixture.database()
        let clock = ManualClock(wallSeconds: 1_796_560_000)
        let stores = try (0..<3).map { _ in try PostgresStore(conninfo: conninfo, clock: clock, poolSize: 2) }
        defer { stores.forEach { $0.close() } }
        for store in stores { _ = try store.throttleLedger.add(scope: "ballot-codes", key: "k", window: 600) }
        for store in stores { #expect(try store.throttleLedger.current(scope: "ballot-codes", key: "k")?.count == 3) }
    }

    @Test func throttleWindowsAreUnlogged() throws {
        let conninfo = try PGFixture.database()
        let store = try PostgresStore(conninfo: conninfo, poolSize: 1)
        defer { store.close() }
        let persistence = try store.pool.withConnection {
            try $0.queryOne("SELECT relpersistence FROM pg_class WHERE relname = 'throttle_windows'") { $0.string(0) }
        }
        #expect(persistence == "u")  // UNLOGGED: never in the WAL
    }

    @Test func anAnnouncedChangeIsHeardByTheOtherStores() throws {
        let (announcer, listener, heard) = try Self.listeningPair()
        defer { [announcer, listener].forEach { $0.close() } }
        try announcer.write { try $0.announceChange(township: "niumasi") }
        try announcer.write { try $0.announceChange(township: "牛马司") }
        try heard.wait(for: .township("牛马司"))
        #expect(heard.notices == [.everything, .township("niumasi"), .township("牛马司")])
    }

    /// The announcement is part of the write: heard when it commits, and never when it rolls
    /// back (a change that did not happen must not be told, nor one told before it is visible).
    @Test func aChangeIsHeardAtItsCommitAndNeverAfterARollback() throws {
        let (announcer, listener, heard) = try Self.listeningPair()
        defer { [announcer, listener].forEach { $0.close() } }
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try announcer.write { transaction in
                try transaction.announceChange(township: "rolled-back")
                throw Refused()
            }
        }
        try announcer.write { transaction in
            try transaction.announceChange(township: "niumasi")
            usleep(300_000)  // the listener polls every 0.2 s: it would hear a NOTIFY sent now
            #expect(heard.notices == [.everything], "nothing is heard before the commit")
        }
        try heard.wait(for: .township("niumasi"))
        #expect(heard.notices == [.everything, .township("niumasi")])
    }

    /// Two stores on a fresh database, the second listening (its first `.everything` heard).
    private static func listeningPair() throws -> (announcer: PostgresStore, listener: PostgresStore, heard: Heard) {
        let conninfo = try PGFixture.database()
        let announcer = try PostgresStore(conninfo: conninfo, poolSize: 1)
        let listener = try PostgresStore(conninfo: conninfo, poolSize: 1)
        let heard = Heard()
        listener.changes.listen { heard.append($0) }
        try heard.wait(for: .everything)  // listening from here on
        return (announcer, listener, heard)
    }

    @Test func aLostListeningSessionReconnectsAndTellsEverything() throws {
        let conninfo = try PGFixture.database()
        let store = try PostgresStore(conninfo: conninfo, poolSize: 1)
        defer { store.close() }
        let heard = Heard()
        store.changes.listen { heard.append($0) }
        try heard.wait(for: .everything)
        let ended = try store.pool.withConnection {
            try $0.run(
                """
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND query LIKE 'LISTEN duping_changes%'
                """)
        }
        #expect(ended == 1)
        try heard.wait(for: .everything, count: 2)
        try store.write { try $0.announceChange(township: "niumasi") }
        try heard.wait(for: .township("niumasi"))
    }
}

/// Notices a feed has delivered, with a wait for one to arrive (a bound on a delivery that must
/// happen, not a timing assertion).
private final class Heard: @unchecked Sendable {
    private let lock = Lock()
    private var list: [ChangeNotice] = []

    var notices: [ChangeNotice] { lock.withLock { list } }

    func append(_ notice: ChangeNotice) {
        lock.withLock {
            list.append(notice)
            lock.signalAll()
        }
    }

    struct NotHeard: Error {}

    func wait(for notice: ChangeNotice, count: Int = 1, seconds: Double = 20) throws {
        let clock = SystemClock()
        let deadline = clock.monotonicSeconds() + seconds
        while lock.withLock({ list.filter { $0 == notice }.count }) < count {
            if clock.monotonicSeconds() > deadline { throw NotHeard() }
            usleep(10_000)
        }
    }
}
