import Domain
@testable import PostgresStorage
import Primitives
import Store
import Testing

@Suite(.requiresPostgres)
struct PostgresStoreTests {
    @Test func noFreeConnection_IsStoreUnavailableBusy() throws {
        let store = try PostgresStore(conninfo: try PGFixture.database(), poolSize: 1)
        defer { store.close() }
        let error = try #require(throws: StoreUnavailable.self) {
            try store.read { _ in try store.read { _ in 0 } }
        }
        #expect(error == .busy)
    }

    @Test func writes_AreTimedAndOnlyDatabaseFaultsCountAsFailures() throws {
        let store = try PostgresStore(conninfo: try PGFixture.database(), poolSize: 2)
        defer { store.close() }
        _ = try store.write { try $0.access.createTownship(code: "niumasi", name: "牛马司镇") }
        #expect(throws: RegistryError.self) {
            try store.write { try $0.access.createTownship(code: "niumasi", name: "又一个") }
        }
        let durations = store.writeDurations()
        #expect(durations.count == 2)
        #expect(durations.failures == 0)
        #expect(durations.bucketCounts.reduce(0, +) == 2)
    }

    @Test func secondStoreOnTheSameDatabase_FindsItMigratedAndItsRows() throws {
        let conninfo = try PGFixture.database()
        let first = try PostgresStore(conninfo: conninfo)
        defer { first.close() }
        let township = try first.write { try $0.access.createTownship(code: "niumasi", name: "牛马司镇") }
        let second = try PostgresStore(conninfo: conninfo)
        defer { second.close() }
        #expect(try second.read { try $0.access.township(code: "niumasi") } == township)
    }

    /// After PostgreSQL restarts, every session in the pool is dead; the next transactions start
    /// again on new sessions instead of failing (the first request after a restart was a 500).
    @Test func sessionsTheServerDroppedAreReplacedBeforeAnyWork() throws {
        let conninfo = try PGFixture.database()
        let store = try PostgresStore(conninfo: conninfo, poolSize: 3)
        defer { store.close() }
        _ = try store.write { try $0.access.createTownship(code: "niumasi", name: "牛马司镇") }
        // Three sessions in the pool at once.
        try store.read { _ in try store.read { _ in try store.read { _ in } } }
        #expect(store.pool.openCount == 3)
        let killer = try PGConnection(conninfo: conninfo)
        let terminateOthers = """
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND query NOT LIKE 'LISTEN%'
            """
        let ended = try killer.run(terminateOthers)
        #expect(ended == 3)
        #expect(try store.read { try $0.access.township(code: "niumasi")?.name } == "牛马司镇")
        _ = try store.write { try $0.access.createTownship(code: "lianqiao", name: "莲桥镇") }
        // The ballot's code lookup, one statement outside a transaction, likewise.
        try store.read { _ in try store.read { _ in try store.read { _ in } } }
        #expect(try killer.run(terminateOthers) == 3)
        #expect(try store.ballotBox.session(tokenHash: Array(repeating: 7, count: 32)) == nil)
    }

    @Test func aLostConnectionIsUnavailableNotAnInternalError() {
        let lost = PGError(sqlState: "08006", message: "server closed the connection unexpectedly", sql: "COMMIT")
        #expect(PostgresStore.translate(lost) as? StoreUnavailable == .unreachable)
        let refused = PGError(sqlState: "08001", message: "could not connect", sql: nil)
        #expect(PostgresStore.translate(refused) as? StoreUnavailable == .unreachable)
    }
}
