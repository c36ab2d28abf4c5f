import Testing

@testable import Storage

/// `WriteStatistics.failures` counts write transactions lost to a fault of the database, never
/// those a constraint or the caller's own error rolled back.
@Suite struct WriteStatisticsTests {
    struct Refused: Error {}

    let directory: TemporaryDirectory
    let database: Database

    init() throws {
        directory = try TemporaryDirectory()
        database = try Database.make(in: directory)
    }

    @Test func refusedWritesAreTimedButAreNoFaults() throws {
        try database.write { db in try db.run("INSERT INTO departments (name) VALUES ('民政办')") }
        #expect(throws: StoreError.self) {
            try database.write { db in try db.run("INSERT INTO departments (name) VALUES ('民政办')") }
        }
        #expect(throws: StoreError.self) {
            try database.write { db in try db.run("INSERT INTO departments (name, active) VALUES ('党政办', 7)") }
        }
        #expect(throws: Refused.self) { try database.write { _ in throw Refused() } }
        let statistics = database.writeStatistics.snapshot()
        #expect(statistics.count == 4)
        #expect(statistics.failures == 0)
    }

    @Test func aFullDatabaseIsAFault() throws {
        let pages = try database.read { try $0.queryOne("PRAGMA page_count") { $0.int(0) } } ?? 0
        try database.write { try $0.execute("PRAGMA max_page_count = \(pages)") }
        let long = String(repeating: "办", count: 4000)
        #expect(throws: StoreError.diskFull) {
            try database.write { db in
                for index in 0..<20 { try db.run("INSERT INTO departments (name) VALUES (?)", ["\(long)\(index)"]) }
            }
        }
        #expect(database.writeStatistics.snapshot().failures == 1)
    }

    @Test(arguments: [
        (StoreError.diskFull, true), (.busy, true), (.sqlite(code: 10, message: "disk I/O error", sql: nil), true),
        (.sqlite(code: 11, message: "database disk image is malformed", sql: nil), true),
        (.constraint(.unique, message: "UNIQUE constraint failed"), false),
        (.constraint(.foreignKey, message: "FOREIGN KEY constraint failed"), false), (.notFound, false),
    ])
    func storeErrorsAreClassified(error: StoreError, isFault: Bool) {
        #expect(StoreError.isDatabaseFault(error) == isFault)
    }

    @Test func errorsOfOtherLayersAreNoFaults() {
        #expect(!StoreError.isDatabaseFault(Refused()))
    }
}
