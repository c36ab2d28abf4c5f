import Testing

@testable import PostgresStorage
@testable import Storage

@Suite(.requiresPostgres)
struct PostgresSchemaTests {
    @Test func emptyDatabase_MigratesToTheLatestVersion() throws {
        let connection = try PGFixture.connection()
        let version = try PGMigrator.migrate(connection, to: PostgresSchema.migrations)
        #expect(version == PostgresSchema.migrations.map(\.version).max())
        let recorded = try connection.query("SELECT version FROM schema_migrations ORDER BY version") { $0.int(0) }
        #expect(recorded == PostgresSchema.migrations.map(\.version))
    }

    @Test func migratingTwice_ChangesNothing() throws {
        let connection = try PGFixture.connection()
        try PGMigrator.migrate(connection, to: PostgresSchema.migrations)
        try connection.run("INSERT INTO townships (code, name, created_at) VALUES ($1, $2, $3)", ["a", "甲", "t"])
        let before = try Self.columns(connection)
        let again = try PGMigrator.migrate(connection, to: PostgresSchema.migrations)
        #expect(again == PostgresSchema.migrations.count)
        #expect(try Self.columns(connection) == before)
        #expect(try connection.queryOne("SELECT count(*) FROM schema_migrations") { $0.int(0) } == again)
        #expect(try connection.queryOne("SELECT count(*) FROM townships") { $0.int(0) } == 1)
    }

    @Test func databaseOfANewerBuild_IsRefused() throws {
        let connection = try PGFixture.connection()
        try PGMigrator.migrate(connection, to: PostgresSchema.migrations)
        let error = try #require(throws: StoreError.self) {
            try PGMigrator.migrate(connection, to: Array(PostgresSchema.migrations.dropLast()))
        }
        let newest = PostgresSchema.migrations.count
        #expect(error == .databaseTooNew(found: newest, known: newest - 1))
    }

    @Test func failingStep_LeavesTheDatabaseAtTheLastWholeVersion() throws {
        let connection = try PGFixture.connection()
        let broken = [
            Migration(version: 1, name: "a", sql: "CREATE TABLE a (v INT)"),
            Migration(version: 2, name: "b", sql: "CREATE TABLE b (v INT); CREATE TABLE a (v INT)"),
        ]
        #expect(throws: PGError.self) { try PGMigrator.migrate(connection, to: broken) }
        #expect(try PGMigrator.appliedVersions(connection) == [1])
        #expect(try connection.queryOne("SELECT to_regclass('b') IS NULL") { $0.bool(0) } == true)
    }

    /// Every table SQLite's migrations leave has its twin with the same columns, except the
    /// ballots, which PostgreSQL keeps as plain rows rather than SQLite's pre-laid slots.
    @Test func everySQLiteTable_HasItsTwinWithTheSameColumns() throws {
        let directory = try TemporaryDirectory()
        let sqlite = try Database(path: directory.file(), migrations: Schema.migrations)
        defer { sqlite.close() }
        let sqliteColumns = try sqlite.read { db in
            let tables = try db.query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ) { $0.string(0) }
            var columns: [String: Set<String>] = [:]
            for table in tables {
                columns[table] = Set(try db.query("SELECT name FROM pragma_table_info(?)", [table]) { $0.string(0) })
            }
            return columns
        }
        let connection = try PGFixture.connection()
        try PGMigrator.migrate(connection, to: PostgresSchema.migrations)
        var postgresColumns = try Self.columns(connection)
        #expect(Set(postgresColumns.keys) == Set(sqliteColumns.keys))
        #expect(postgresColumns["ballots"] == ["receipt", "round_id", "category", "cast_on", "content"])
        var expected = sqliteColumns
        expected["ballots"] = nil
        postgresColumns["ballots"] = nil
        #expect(postgresColumns == expected)
    }

    /// The anonymity rule of §5 and §14 on the ballots table itself.
    @Test func ballotRows_HaveNoSerialIdTokenEvaluatorOrTime() throws {
        let connection = try PGFixture.connection()
        try PGMigrator.migrate(connection, to: PostgresSchema.migrations)
        let defaults = try connection.query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'ballots' AND (column_default IS NOT NULL OR is_identity = 'YES')"
        ) { $0.string(0) }
        #expect(defaults == [])
        let columns = try Self.columns(connection)["ballots"] ?? []
        #expect(columns.allSatisfy { !$0.contains("token") && !$0.contains("evaluator") && !$0.hasSuffix("_at") })
    }

    static func columns(_ connection: PGConnection) throws -> [String: Set<String>] {
        var columns: [String: Set<String>] = [:]
        try connection.forEachRow(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"
        ) { columns[$0.string(0), default: []].insert($0.string(1)) }
        return columns
    }
}
