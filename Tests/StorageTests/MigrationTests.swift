import Testing

@testable import Storage

@Suite struct MigrationTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    private func recorded(_ database: Database) throws -> [Int] {
        try database.read { db in try db.query("SELECT version FROM schema_migrations ORDER BY version") { $0.int(0) } }
    }

    @Test func emptyDatabaseGetsEveryMigrationRecordedWithNameAndTime() throws {
        let database = try Database.make(in: directory)
        #expect(database.schemaVersion == 3)
        let rows = try database.read { db in
            try db.query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version") {
                ($0.int(0), $0.string(1), $0.string(2))
            }
        }
        #expect(rows.map(\.0) == [1, 2, 3])
        #expect(rows.map(\.1) == ["departments and cadres", "samples", "projects"])
        let rfc3339 = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/
        #expect(rows.allSatisfy { $0.2.wholeMatch(of: rfc3339) != nil })
    }

    @Test func migrationsRunInVersionOrderWhateverTheArrayOrder() throws {
        let database = try Database.make(in: directory, migrations: [.projects, .samples, .departments])
        #expect(database.schemaVersion == 3)
        #expect(try recorded(database) == [1, 2, 3])
    }

    @Test func upgradesOneReleaseAtATimeKeepingData() throws {
        let first = try Database.make(in: directory, migrations: [.departments])
        #expect(first.schemaVersion == 1)
        try first.write { db in try db.run("INSERT INTO departments (name) VALUES ('民政办')") }
        first.close()

        let second = try Database.make(in: directory, migrations: [.departments, .samples])
        #expect(second.schemaVersion == 2)
        second.close()

        let third = try Database.make(in: directory)
        #expect(third.schemaVersion == 3)
        #expect(try recorded(third) == [1, 2, 3])
        #expect(try third.count("departments") == 1)
        #expect(try third.count("projects") == 0)
    }

    @Test(arguments: [0, 1, 2])
    func upgradesFromEachEarlierVersionToTheLatest(start: Int) throws {
        if start > 0 {
            try Database.make(in: directory, migrations: Array(Migration.all.prefix(start))).close()
        }
        let database = try Database.make(in: directory)
        #expect(database.schemaVersion == 3)
        #expect(try recorded(database) == [1, 2, 3])
    }

    @Test func reopeningAnUpToDateDatabaseRunsNothingAgain() throws {
        // Version 1 has plain CREATE TABLE statements, so running it twice would fail.
        try Database.make(in: directory).close()
        let database = try Database.make(in: directory)
        #expect(database.schemaVersion == 3)
        #expect(try recorded(database) == [1, 2, 3])
    }

    @Test func databaseMigratedByANewerBuildIsRefused() throws {
        try Database.make(in: directory).close()
        #expect(throws: StoreError.databaseTooNew(found: 3, known: 2)) {
            try Database.make(in: directory, migrations: [.departments, .samples])
        }
    }

    @Test func failedMigrationLeavesTheDatabaseAtThePreviousVersion() throws {
        let broken = Migration(
            version: 2, name: "broken",
            sql: "CREATE TABLE half (id INTEGER); INSERT INTO missing_table VALUES (1);")
        #expect(throws: StoreError.self) {
            try Database.make(in: directory, migrations: [.departments, broken])
        }
        let database = try Database.make(in: directory, migrations: [.departments])
        #expect(database.schemaVersion == 1)
        let halfExists = try database.read { db in
            try db.queryOne("SELECT count(*) FROM sqlite_master WHERE name = 'half'") { $0.int(0) }
        }
        #expect(halfExists == 0)
    }
}
