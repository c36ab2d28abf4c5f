import Dispatch
import Foundation
import Testing

@testable import Storage

@Suite struct DatabaseBackupTests {
    let directory: TemporaryDirectory
    let database: Database

    init() throws {
        directory = try TemporaryDirectory()
        database = try Database.make(in: directory)
    }

    /// Inserts two rows per transaction until `stop` is set, so a torn copy would show an odd count.
    private func insertPairs(until stop: Shared<Bool>, done: DispatchSemaphore) {
        let database = self.database
        DispatchQueue.global().async {
            var pair = 0
            while !stop.get() {
                pair += 1
                _ = try? database.write { db in
                    try db.run("INSERT INTO departments (name) VALUES (?)", ["甲 \(pair)"])
                    try db.run("INSERT INTO departments (name) VALUES (?)", ["乙 \(pair)"])
                }
            }
            done.signal()
        }
    }

    @Test func backupTakenDuringInsertsHoldsWholeTransactions() throws {
        let stop = Shared(false)
        let done = DispatchSemaphore(value: 0)
        insertPairs(until: stop, done: done)
        let deadline = Date() + 10  // a broken inserter fails the test instead of hanging it
        while try database.count("departments") < 200, Date() < deadline { usleep(1_000) }

        let before = try database.count("departments")
        try database.backup(to: directory.file("backup.sqlite"))
        let after = try database.count("departments")
        stop.update { $0 = true }
        #expect(done.wait(timeout: .now() + 10) == .success)

        let copy = try Database.make(in: directory, name: "backup.sqlite")
        let (count, maxID, integrity) = try copy.read { db in
            (
                try db.queryOne("SELECT count(*) FROM departments") { $0.int(0) } ?? -1,
                try db.queryOne("SELECT max(id) FROM departments") { $0.int(0) } ?? -1,
                try db.queryOne("PRAGMA integrity_check") { $0.string(0) }
            )
        }
        #expect(count >= before && count <= after)
        #expect(count % 2 == 0)
        #expect(maxID == count)
        #expect(integrity == "ok")
        let sameRows = try database.read { db in
            try db.query("SELECT name FROM departments WHERE id <= ? ORDER BY id", [count]) { $0.string(0) }
        }
        let copiedRows = try copy.read { db in try db.query("SELECT name FROM departments ORDER BY id") { $0.string(0) }
        }
        #expect(copiedRows == sameRows)
    }

    @Test func backupReplacesAnOlderBackupAndLeavesNoPartialFile() throws {
        let target = directory.file("backup.sqlite")
        try database.write { db in try db.run("INSERT INTO departments (name) VALUES ('民政办')") }
        try database.backup(to: target)
        try database.write { db in try db.run("INSERT INTO departments (name) VALUES ('党政办')") }
        try database.backup(to: target)

        let copy = try Database.make(in: directory, name: "backup.sqlite")
        #expect(try copy.count("departments") == 2)
        #expect(copy.schemaVersion == 3)
        #expect(!FileManager.default.fileExists(atPath: target + ".partial"))
    }

    @Test func backupToAMissingDirectoryFailsWithoutSideEffects() throws {
        let target = directory.file("no-such-dir/backup.sqlite")
        #expect(throws: StoreError.self) {
            try database.backup(to: target)
        }
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
