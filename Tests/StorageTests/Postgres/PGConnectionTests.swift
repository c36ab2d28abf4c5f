import PostgresStorage
import Storage
import Testing

@Suite(.requiresPostgres)
struct PGConnectionTests {
    @Test func everyBoundType_ReadsBackAsItWasBound() throws {
        let connection = try PGFixture.connection()
        try connection.execute("CREATE TABLE t (i BIGINT, d DOUBLE PRECISION, s TEXT, b BYTEA, n TEXT)")
        let bytes: [UInt8] = [0, 1, 0x7F, 0x80, 0xFF]
        let changed = try connection.run(
            "INSERT INTO t VALUES ($1, $2, $3, $4, $5)",
            [Int64.min, 0.1 + 0.2, "牛马司镇 希望多下村 🐂", bytes, String?.none])
        #expect(changed == 1)
        let row = try #require(
            try connection.queryOne("SELECT i, d, s, b, n FROM t") { row in
                (row.int64(0), row.double(1), row.string(2), row.blob(3), row.optionalString(4), row.isNull(4))
            })
        #expect(row.0 == Int64.min)
        #expect(row.1 == 0.1 + 0.2)
        #expect(row.2 == "牛马司镇 希望多下村 🐂")
        #expect(row.3 == bytes)
        #expect(row.4 == nil)
        #expect(row.5)
    }

    /// PostgreSQL's text holds no NUL and libpq's text parameters stop at one; the wrapper
    /// escapes it so that text reads back whole (SQLite keeps such text as it is).
    @Test(arguments: ["张三\u{0}李", "\u{0}", "a\u{10FFFF}0", "\u{10FFFF}\u{10FFFF}\u{0}", "普通的名字"])
    func textWithNULOrTheEscapeCharacter_ReadsBackExactlyAndMatchesItself(text: String) throws {
        let connection = try PGFixture.connection()
        try connection.execute("CREATE TABLE t (s TEXT)")
        _ = try connection.run("INSERT INTO t VALUES ($1)", [text])
        #expect(try connection.queryOne("SELECT s FROM t") { $0.string(0) } == text)
        #expect(try connection.queryOne("SELECT count(*) FROM t WHERE s = $1", [text]) { $0.int(0) } == 1)
        #expect(try connection.queryOne("SELECT count(*) FROM t WHERE s = $1", ["张三"]) { $0.int(0) } == 0)
    }

    @Test func emptyTextAndBlob_AreNotNull() throws {
        let connection = try PGFixture.connection()
        let row = try connection.queryOne("SELECT $1::text IS NULL, $2::bytea IS NULL, length($2)", ["", [UInt8]()]) {
            ($0.bool(0), $0.bool(1), $0.int(2))
        }
        #expect(row?.0 == false)
        #expect(row?.1 == false)
        #expect(row?.2 == 0)
    }

    @Test func values_ReadAsTheirColumnTypes() throws {
        let connection = try PGFixture.connection()
        let values = try connection.queryOne("SELECT 7::int4, 2.5::float8, 'x'::text, '\\x0aff'::bytea, NULL, true") {
            row in (0..<6).map { row.value($0) }
        }
        #expect(values == [.integer(7), .real(2.5), .text("x"), .blob([0x0A, 0xFF]), .null, .integer(1)])
    }

    @Test func uniqueViolation_CarriesItsSQLStateAndMapsToSQLitesConstraintError() throws {
        let connection = try PGFixture.connection()
        try connection.execute("CREATE TABLE t (code TEXT UNIQUE)")
        try connection.run("INSERT INTO t VALUES ($1)", ["niumasi"])
        let error = try #require(throws: PGError.self) { try connection.run("INSERT INTO t VALUES ($1)", ["niumasi"]) }
        #expect(error.sqlState == "23505")
        #expect(error.kind == .constraint(.unique))
        guard case .constraint(.unique, _)? = error.storeError else {
            Issue.record("expected a unique constraint error, got \(String(describing: error.storeError))")
            return
        }
    }

    @Test func foreignKeyViolation_MapsToForeignKey() throws {
        let connection = try PGFixture.connection()
        try connection.execute("CREATE TABLE p (id BIGINT PRIMARY KEY); CREATE TABLE c (p BIGINT REFERENCES p(id))")
        let error = try #require(throws: PGError.self) { try connection.run("INSERT INTO c VALUES ($1)", [42]) }
        #expect(error.sqlState == "23503")
        #expect(error.kind == .constraint(.foreignKey))
    }

    @Test(arguments: [
        ("40001", PGError.Kind.serializationFailure), ("40P01", .deadlock), ("53100", .diskFull),
        ("08006", .connection), ("57P01", .connection), ("42601", .other),
    ])
    func sqlStates_MapToKinds(state: String, kind: PGError.Kind) {
        #expect(PGError(sqlState: state, message: "", sql: nil).kind == kind)
    }

    @Test func syntaxError_KeepsTheSQLAndTheConnectionUsable() throws {
        let connection = try PGFixture.connection()
        let error = try #require(throws: PGError.self) { try connection.run("SELEC 1") }
        #expect(error.sqlState == "42601")
        #expect(error.sql == "SELEC 1")
        #expect(try connection.queryOne("SELECT 1") { $0.int(0) } == 1)
    }

    @Test func throwingBody_RollsBackEverything() throws {
        struct Refused: Error {}
        let connection = try PGFixture.connection()
        try connection.execute("CREATE TABLE t (v BIGINT)")
        #expect(throws: Refused.self) {
            try connection.inTransaction(.write) { c in
                try c.run("INSERT INTO t VALUES ($1)", [1])
                throw Refused()
            }
        }
        #expect(connection.isIdle)
        _ = try connection.inTransaction(.write) { try $0.run("INSERT INTO t VALUES ($1)", [2]) }
        #expect(try connection.query("SELECT v FROM t") { $0.int(0) } == [2])
    }

    @Test func readTransaction_RefusesWrites() throws {
        let connection = try PGFixture.connection()
        try connection.execute("CREATE TABLE t (v BIGINT)")
        let error = try #require(throws: PGError.self) {
            try connection.inTransaction(.read) { try $0.run("INSERT INTO t VALUES ($1)", [1]) }
        }
        #expect(error.sqlState == "25006")
        #expect(connection.isIdle)
    }

    @Test func sameSQLWithOtherArgumentTypes_IsPreparedOncePerTypes() throws {
        let connection = try PGFixture.connection()
        #expect(try connection.queryOne("SELECT $1::text IS NULL", [String?.none]) { $0.bool(0) } == true)
        #expect(try connection.queryOne("SELECT $1::text IS NULL", ["x"]) { $0.bool(0) } == false)
        #expect(try connection.queryOne("SELECT $1::text IS NULL", ["y"]) { $0.bool(0) } == false)
    }

    /// Another session (a newer instance migrating) changes a column's collation: the
    /// statement prepared before fails once (0A000), then every statement is prepared again.
    @Test func statementsPreparedBeforeAColumnChanged_RunAgainAfterOneFailure() throws {
        let conninfo = try PGFixture.database()
        let reader = try PGConnection(conninfo: conninfo)
        let migrator = try PGConnection(conninfo: conninfo)
        try migrator.execute("CREATE TABLE t (name TEXT NOT NULL); INSERT INTO t VALUES ('a')")
        let sql = "SELECT name FROM t"
        #expect(try reader.query(sql) { $0.string(0) } == ["a"])
        try migrator.execute(#"ALTER TABLE t ALTER COLUMN name TYPE text COLLATE "C""#)
        let error = try #require(throws: PGError.self) { try reader.query(sql) { $0.string(0) } }
        #expect(error.sqlState == "0A000")
        #expect(try reader.query(sql) { $0.string(0) } == ["a"])
    }

    @Test func wrongConninfo_FailsWithAConnectionError() throws {
        let error = try #require(throws: PGError.self) {
            try PGConnection(conninfo: "host=/nonexistent-duping-socket dbname=x connect_timeout=1")
        }
        #expect(error.kind == .connection)
    }
}
