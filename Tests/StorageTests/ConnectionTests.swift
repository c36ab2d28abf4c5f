import Testing

@testable import Storage

@Suite struct ConnectionTests {
    let directory: TemporaryDirectory
    let database: Database

    init() throws {
        directory = try TemporaryDirectory()
        database = try Database.make(in: directory)
    }

    @Test func pragmasAreSetOnTheWriterAndEveryReader() throws {
        let query = { (db: Connection) throws -> [String] in
            [
                try db.queryOne("PRAGMA journal_mode") { $0.string(0) } ?? "",
                try db.queryOne("PRAGMA synchronous") { $0.string(0) } ?? "",
                try db.queryOne("PRAGMA foreign_keys") { $0.string(0) } ?? "",
            ]
        }
        #expect(try database.write(query) == ["wal", "2", "1"])
        #expect(try database.read(query) == ["wal", "2", "1"])
    }

    @Test(arguments: [
        SQLValue.null, .integer(0), .integer(Int64.max), .integer(Int64.min), .real(-2.5), .real(1e300),
        .text(""), .text("牛马司镇 三督六评：督下村时间 👍"), .text("nul\u{0}inside"),
        .blob([]), .blob([0, 255, 1, 0]),
    ])
    func bindingAndReadingRoundTripsEveryStorageClass(value: SQLValue) throws {
        let id = try database.write { db in
            try db.run("INSERT INTO samples (value) VALUES (?)", [value])
            return db.lastInsertRowID
        }
        let read = try database.read { db in
            try db.queryOne("SELECT value, typeof(value) FROM samples WHERE id = ?", [id]) {
                [$0.value(0), $0.value(1)]
            }
        }
        let expectedType: SQLValue =
            switch value {
            case .null: "null"
            case .integer: "integer"
            case .real: "real"
            case .text: "text"
            case .blob: "blob"
            }
        #expect(read == [value, expectedType])
    }

    @Test func emptyStringAndNullStayDistinct() throws {
        try database.write { db in
            try db.run("INSERT INTO samples (id, value) VALUES (1, ?), (2, ?)", ["", String?.none])
        }
        let rows = try database.read { db in
            try db.query("SELECT value IS NULL, value FROM samples ORDER BY id") { ($0.bool(0), $0.optionalString(1)) }
        }
        #expect(rows.map(\.0) == [false, true])
        #expect(rows.map(\.1) == ["", nil])
    }

    @Test func typedAccessorsReadWhatSwiftValuesBound() throws {
        let big: Int64 = 9_007_199_254_740_993
        let bytes: [UInt8] = [1, 2, 3]
        let row = try database.write { db in
            try db.queryOne(
                "SELECT ?, ?, ?, ?, ?, ?, ?, ?", [42, big, "民政办", 85.87, true, Int?.none, bytes, Substring("办")]
            ) {
                (
                    $0.int(0), $0.int64(1), $0.string(2), $0.double(3), $0.bool(4), $0.optionalInt(5), $0.blob(6),
                    $0.string(7)
                )
            }
        }
        let unwrapped = try #require(row)
        #expect(unwrapped.0 == 42)
        #expect(unwrapped.1 == big)
        #expect(unwrapped.2 == "民政办")
        #expect(unwrapped.3 == 85.87)
        #expect(unwrapped.4 == true)
        #expect(unwrapped.5 == nil)
        #expect(unwrapped.6 == bytes)
        #expect(unwrapped.7 == "办")
    }

    @Test func cachedStatementAnswersEachCallWithItsOwnArguments() throws {
        let names = ["党政办", "民政办", "财政所"]
        try database.write { db in
            for name in names { try db.run("INSERT INTO departments (name) VALUES (?)", [name]) }
        }
        let sql = "SELECT name FROM departments WHERE id = ?"
        let looked = try database.read { db in
            try [3, 1, 2, 1].map { id in try db.queryOne(sql, [id]) { $0.string(0) } }
        }
        #expect(looked == ["财政所", "党政办", "民政办", "党政办"])
    }

    @Test func nestedQueryWithTheSameSQLDoesNotDisturbTheOuterOne() throws {
        try database.write { db in
            for name in ["a", "b", "c"] { try db.run("INSERT INTO departments (name) VALUES (?)", [name]) }
        }
        let sql = "SELECT id, name FROM departments WHERE id >= ? ORDER BY id"
        let pairs = try database.read { db in
            try db.query(sql, [1]) { outer in
                let inner = try db.query(sql, [outer.int(0)]) { $0.string(1) }
                return outer.string(1) + ":" + inner.joined()
            }
        }
        #expect(pairs == ["a:abc", "b:bc", "c:c"])
    }

    @Test func runReturnsTheNumberOfChangedRows() throws {
        let changed = try database.write { db in
            for name in ["a", "b", "c"] { try db.run("INSERT INTO departments (name) VALUES (?)", [name]) }
            return try db.run("UPDATE departments SET active = 0 WHERE name <> ?", ["b"])
        }
        #expect(changed == 2)
    }

    @Test func executeRunsEveryStatementOfAScript() throws {
        try database.write { db in
            try db.execute("INSERT INTO departments (name) VALUES ('x'); INSERT INTO departments (name) VALUES ('y');")
        }
        #expect(try database.count("departments") == 2)
    }

    @Test func runRefusesAScriptOfSeveralStatements() throws {
        let sql = "INSERT INTO departments (name) VALUES ('x'); DELETE FROM departments"
        #expect(throws: StoreError.misuse("several statements given; use execute() for scripts", sql: sql)) {
            try database.write { db in try db.run(sql) }
        }
    }

    @Test(arguments: ["SELECT 1;", "SELECT 1;\n  ", "SELECT 1; -- why\n", "SELECT 1 /* note */;"])
    func trailingBlanksAndCommentsAreNotASecondStatement(sql: String) throws {
        #expect(try database.read { db in try db.queryOne(sql) { $0.int(0) } } == 1)
    }

    @Test func statementCacheStaysBoundedWhenSQLIsBuilt() throws {
        let limit = Connection.cacheLimit
        let (sums, cached) = try database.read { db in
            let sums = try (1...limit + 10).map { count in
                // A different SQL text per call, as a built `IN (?, ?, …)` list would give.
                let placeholders = Array(repeating: "?", count: count).joined(separator: " + ")
                return try db.queryOne("SELECT \(placeholders)", Array(repeating: 1, count: count)) { $0.int(0) }
            }
            return (sums, db.cachedStatementCount)
        }
        #expect(sums == (1...limit + 10).map { Optional($0) })
        #expect(cached <= limit)
    }

    @Test func runRefusesTheWrongNumberOfArguments() throws {
        let sql = "INSERT INTO departments (name, active) VALUES (?, ?)"
        #expect(throws: StoreError.misuse("expected 2 arguments, got 1", sql: sql)) {
            try database.write { db in try db.run(sql, ["x"]) }
        }
    }

    @Test func readConnectionsRefuseToWrite() throws {
        let sql = "INSERT INTO departments (name) VALUES ('x')"
        let error = #expect(throws: StoreError.self) {
            try database.read { db in try db.run(sql) }
        }
        guard case .sqlite(let code, _, let failing) = error else {
            Issue.record("expected an SQLite error, got \(String(describing: error))")
            return
        }
        #expect(code == 8)  // SQLITE_READONLY
        #expect(failing == sql)
    }
}
