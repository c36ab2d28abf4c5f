import TestSupport
import Testing

@testable import PostgresStorage
@testable import Storage

/// Text compares bytewise on PostgreSQL as on SQLite (`PostgresSchema.bytewiseText`), also in a
/// database whose own collation orders by language (`en_US.UTF-8` or ICU `en-US`), where without
/// the migration `ORDER BY name` lists `a b B Z 张` and SQLite lists `B Z a b 张`.
@Suite(.requiresPostgres)
struct PostgresCollationTests {
    static let names = ["b", "B", "a", "张", "Z"]

    /// A fresh database ordering by language; checks that it really does, or the tests below
    /// would prove nothing.
    static func languageOrderedConnection() throws -> PGConnection {
        try languageOrderedDatabase().connection
    }

    static func languageOrderedDatabase() throws -> (conninfo: String, connection: PGConnection) {
        let conninfo = try PostgresCluster.shared().makeLanguageOrderedDatabase()
        let connection = try PGConnection(conninfo: conninfo)
        #expect(try connection.queryOne("SELECT 'a' < 'B'") { $0.bool(0) } == true)
        return (conninfo, connection)
    }

    @Test func everyTextColumn_ComparesBytewise() throws {
        let connection = try Self.languageOrderedConnection()
        try PGMigrator.migrate(connection, to: PostgresSchema.migrations)
        let columns = try connection.query(
            """
            SELECT c.relname || '.' || a.attname, coalesce(l.collname, '')
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
            LEFT JOIN pg_collation l ON l.oid = a.attcollation
            WHERE c.relkind = 'r' AND a.atttypid = 'text'::regtype AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY 1
            """
        ) { (column: $0.string(0), collation: $0.string(1)) }
        #expect(columns.count > 50)
        #expect(columns.filter { $0.collation != "C" }.map(\.column) == [])
    }

    /// A database of version 4 with departments already in it, migrated: its names list in
    /// SQLite's order, and the unique (township, name) index still tells `a` from `A`.
    @Test func namesListInSQLitesOrder_AfterMigratingADatabaseWithRows() throws {
        let (conninfo, connection) = try Self.languageOrderedDatabase()
        try PGMigrator.migrate(connection, to: PostgresSchema.migrations.filter { $0.version <= 4 })
        try connection.run("INSERT INTO townships (code, name, created_at) VALUES ('t', '镇', 'x')")
        for name in Self.names {
            try connection.run(
                "INSERT INTO departments (township_id, name, created_at) VALUES (1, $1, 'x')", [name])
        }
        let sql = "SELECT name FROM departments WHERE township_id = 1 ORDER BY name"
        #expect(try connection.query(sql) { $0.string(0) } == ["a", "b", "B", "Z", "张"])

        // Migrated by another session, as a newer instance would; this one's statement over the
        // changed column fails once (PGConnection.forgetStatementsIfStale), then runs again.
        try PGMigrator.migrate(try PGConnection(conninfo: conninfo), to: PostgresSchema.migrations)
        #expect(throws: PGError.self) { try connection.query(sql) { $0.string(0) } }
        let postgres = try connection.query(sql) { $0.string(0) }

        let directory = try TemporaryDirectory()
        let sqlite = try Database(path: directory.file(), migrations: Schema.migrations)
        defer { sqlite.close() }
        let sqliteOrder = try sqlite.write { db in
            try db.run("INSERT INTO townships (id, code, name, created_at) VALUES (1, 't', '镇', 'x')")
            for name in Self.names {
                try db.run("INSERT INTO departments (township_id, name, created_at) VALUES (1, ?, 'x')", [name])
            }
            return try db.query(sql) { $0.string(0) }
        }
        #expect(sqliteOrder == ["B", "Z", "a", "b", "张"])
        #expect(postgres == sqliteOrder)
        #expect(
            try connection.query("SELECT name FROM departments WHERE name > 'Z' ORDER BY name") { $0.string(0) }
                == ["a", "b", "张"])

        try connection.run("INSERT INTO departments (township_id, name, created_at) VALUES (1, 'A', 'x')")
        #expect(throws: PGError.self) {
            try connection.run("INSERT INTO departments (township_id, name, created_at) VALUES (1, 'a', 'x')")
        }
    }
}
