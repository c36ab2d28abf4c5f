import Foundation

@testable import Storage

/// A fresh directory per test, deleted with everything in it when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/storage-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of `name` inside the directory.
    func file(_ name: String = "test.sqlite") -> String {
        path + "/" + name
    }
}

extension Migration {
    /// Departments with every kind of constraint, and cadres referencing them.
    static let departments = Migration(
        version: 1, name: "departments and cadres",
        sql: """
            CREATE TABLE departments (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
            );
            CREATE TABLE cadres (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                department_id INTEGER NOT NULL REFERENCES departments(id),
                post TEXT
            );
            """)
    /// An untyped column, so every storage class is kept exactly as bound.
    static let samples = Migration(
        version: 2, name: "samples",
        sql: "CREATE TABLE samples (id INTEGER PRIMARY KEY, value)")
    /// Depends on version 1's table, so running it first would fail.
    static let projects = Migration(
        version: 3, name: "projects",
        sql: """
            CREATE TABLE projects (
                id INTEGER PRIMARY KEY,
                title TEXT NOT NULL,
                department_id INTEGER REFERENCES departments(id)
            )
            """)

    static let all: [Migration] = [.departments, .samples, .projects]
}

extension Database {
    /// Opens a database file in `directory` with the fixture schema.
    static func make(
        in directory: TemporaryDirectory, name: String = "test.sqlite",
        migrations: [Migration] = Migration.all, readers: Int = 2
    ) throws -> Database {
        try Database(path: directory.file(name), migrations: migrations, readers: readers)
    }

    /// `SELECT count(*)` of `table`, read through a reader connection.
    func count(_ table: String) throws -> Int {
        try read { db in try db.queryOne("SELECT count(*) FROM \(table)") { $0.int(0) } } ?? -1
    }
}

/// A value shared between test threads behind a lock.
final class Shared<Value>: @unchecked Sendable {
    // @unchecked: `value` is only read or written while holding `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func get() -> Value {
        lock.withLock { value }
    }

    func update(_ change: (inout Value) -> Void) {
        lock.withLock { change(&value) }
    }
}
