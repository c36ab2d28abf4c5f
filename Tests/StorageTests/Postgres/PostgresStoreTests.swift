import Domain
import PostgresStorage
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
}
