import Dispatch
import Testing

@testable import Storage

@Suite struct DatabaseTests {
    struct Abort: Error, Equatable {
        let reason: String
    }

    let directory: TemporaryDirectory
    let database: Database

    init() throws {
        directory = try TemporaryDirectory()
        database = try Database.make(in: directory)
    }

    @Test func committedWriteIsSeenByAnotherDatabaseOnTheSameFile() throws {
        try database.write { db in try db.run("INSERT INTO departments (name) VALUES (?)", ["民政办"]) }
        let other = try Database.make(in: directory)
        let names = try other.read { db in try db.query("SELECT name FROM departments") { $0.string(0) } }
        #expect(names == ["民政办"])
    }

    @Test func throwingBodyRollsBackAndRethrowsTheSameError() throws {
        #expect(throws: Abort(reason: "changed my mind")) {
            try database.write { db in
                try db.run("INSERT INTO departments (name) VALUES ('党政办')")
                throw Abort(reason: "changed my mind")
            }
        }
        #expect(try database.count("departments") == 0)
    }

    @Test func failedStatementRollsBackEarlierOnesAndLeavesTheWriterUsable() throws {
        #expect(throws: StoreError.self) {
            try database.write { db in
                try db.run("INSERT INTO departments (name) VALUES ('党政办')")
                try db.run("INSERT INTO departments (name) VALUES ('党政办')")
            }
        }
        try database.write { db in try db.run("INSERT INTO departments (name) VALUES ('民政办')") }
        #expect(try database.count("departments") == 1)
    }

    @Test func writeReturnsTheBodysResult() throws {
        let id = try database.write { db in
            try db.run("INSERT INTO departments (name) VALUES ('民政办')")
            return db.lastInsertRowID
        }
        let name = try database.read { db in
            try db.queryOne("SELECT name FROM departments WHERE id = ?", [id]) { $0.string(0) }
        }
        #expect(name == "民政办")
    }

    @Test func readerKeepsItsSnapshotWhileTheWriterCommitsUnblocked() throws {
        try database.write { db in try db.run("INSERT INTO departments (name) VALUES ('a')") }
        let (before, during) = try database.read { db in
            let before = try db.queryOne("SELECT count(*) FROM departments") { $0.int(0) }
            let committed = DispatchSemaphore(value: 0)
            let database = self.database
            DispatchQueue.global().async {
                _ = try? database.write { db in try db.run("INSERT INTO departments (name) VALUES ('b')") }
                committed.signal()
            }
            // A writer blocked by this open read would time out here instead of signalling.
            #expect(committed.wait(timeout: .now() + 10) == .success)
            let during = try db.queryOne("SELECT count(*) FROM departments") { $0.int(0) }
            return (before, during)
        }
        #expect(before == 1)
        #expect(during == 1)
        #expect(try database.count("departments") == 2)
    }

    @Test func concurrentWritersAreSerializedAndAllSucceed() throws {
        let threads = 8
        let writesPerThread = 40
        try database.write { db in try db.run("INSERT INTO samples (id, value) VALUES (1, 0)") }
        let failures = Shared(0)
        let database = self.database
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for write in 0..<writesPerThread {
                do {
                    try database.write { db in
                        // Read-modify-write: loses updates unless transactions are serialized.
                        let current = try db.queryOne("SELECT value FROM samples WHERE id = 1") { $0.int(0) } ?? 0
                        try db.run("UPDATE samples SET value = ? WHERE id = 1", [current + 1])
                        try db.run("INSERT INTO departments (name) VALUES (?)", ["部门 \(thread)-\(write)"])
                    }
                    _ = try database.count("departments")
                } catch {
                    failures.update { $0 += 1 }
                }
            }
        }
        #expect(failures.get() == 0)
        #expect(try database.count("departments") == threads * writesPerThread)
        let counter = try database.read { db in try db.queryOne("SELECT value FROM samples WHERE id = 1") { $0.int(0) }
        }
        #expect(counter == threads * writesPerThread)
    }

    @Test func moreConcurrentReadsThanReadersWaitForAConnection() throws {
        try database.write { db in try db.run("INSERT INTO departments (name) VALUES ('a')") }
        let counts = Shared<[Int]>([])
        let database = self.database
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let count = (try? database.count("departments")) ?? -1
            counts.update { $0.append(count) }
        }
        #expect(counts.get() == Array(repeating: 1, count: 16))
    }

    @Test func closedDatabaseRefusesReadsAndWrites() throws {
        database.close()
        #expect(throws: StoreError.misuse("database is closed", sql: nil)) {
            try database.write { db in try db.run("INSERT INTO departments (name) VALUES ('a')") }
        }
        #expect(throws: StoreError.misuse("database is closed", sql: nil)) {
            try database.count("departments")
        }
    }
}
