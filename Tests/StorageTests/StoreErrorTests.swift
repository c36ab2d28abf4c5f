import Testing

@testable import Storage

@Suite struct StoreErrorTests {
    let directory: TemporaryDirectory
    let database: Database

    init() throws {
        directory = try TemporaryDirectory()
        database = try Database.make(in: directory)
        try database.write { db in
            try db.run("INSERT INTO departments (id, name) VALUES (1, '民政办')")
        }
    }

    @Test(arguments: [
        ("INSERT INTO departments (name) VALUES ('民政办')", ConstraintKind.unique),
        ("INSERT INTO departments (id, name) VALUES (1, '党政办')", .primaryKey),
        ("INSERT INTO cadres (name, department_id) VALUES ('张三', 99)", .foreignKey),
        ("INSERT INTO departments (name, active) VALUES ('财政所', 2)", .check),
        ("INSERT INTO cadres (name, department_id) VALUES (NULL, 1)", .notNull),
    ])
    func constraintViolationMapsToItsKind(sql: String, kind: ConstraintKind) throws {
        let error = #expect(throws: StoreError.self) {
            try database.write { db in try db.run(sql) }
        }
        guard case .constraint(let found, let message) = error else {
            Issue.record("expected a constraint error, got \(String(describing: error))")
            return
        }
        #expect(found == kind)
        #expect(message.contains("constraint failed"))
    }

    @Test func sqliteErrorCarriesCodeMessageAndSQL() throws {
        let sql = "SELEC name FROM departments"
        let error = #expect(throws: StoreError.self) {
            try database.read { db in try db.query(sql) { $0.string(0) } }
        }
        guard case .sqlite(let code, let message, let failing) = error else {
            Issue.record("expected an SQLite error, got \(String(describing: error))")
            return
        }
        #expect(code == 1)  // SQLITE_ERROR
        #expect(message.contains("syntax error"))
        #expect(failing == sql)
    }

    @Test(arguments: [
        (Int32(5), StoreError.busy),  // SQLITE_BUSY
        (261, .busy),  // SQLITE_BUSY_RECOVERY
        (517, .busy),  // SQLITE_BUSY_SNAPSHOT
        (13, .diskFull),  // SQLITE_FULL
    ])
    func resultCodeMapsToItsCase(code: Int32, expected: StoreError) {
        #expect(StoreError(code: code, db: nil, sql: "INSERT …") == expected)
    }

    @Test func ioErrorWithoutENOSPCStaysAnSQLiteError() {
        let error = StoreError(code: 10, db: nil, sql: "COMMIT")  // SQLITE_IOERR
        #expect(error == .sqlite(code: 10, message: "disk I/O error", sql: "COMMIT"))
    }

    @Test func tooNewDescriptionTellsTheOperatorWhatToDo() {
        let error = StoreError.databaseTooNew(found: 7, known: 5)
        #expect(
            error.description
                == "database schema version 7 is newer than this build of duping knows (5); upgrade duping")
    }
}
