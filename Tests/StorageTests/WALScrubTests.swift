import Dispatch
import Foundation
import TestSupport
import Testing

@testable import Storage

/// The WAL keeps page versions in commit order; once the ballot writer is idle it is emptied
/// into the database file and truncated, so the raw files no longer show which rows changed
/// together (a ballot and the code spent with it).
@Suite struct WALScrubTests {
    let directory: TemporaryDirectory
    let database: Database

    init() throws {
        directory = try TemporaryDirectory()
        database = try Database.make(in: directory)
    }

    var walSize: Int {
        let attributes = try? FileManager.default.attributesOfItem(atPath: directory.file() + "-wal")
        return (attributes?[.size] as? NSNumber)?.intValue ?? -1
    }

    @Test func theWriterTruncatesTheWALOnceIdleAndKeepsTheData() throws {
        let committer = GroupCommitter(database: database, scrubDelay: 0.05)
        defer { committer.stop() }
        _ = try committer.submit { db, _ in try db.run("INSERT INTO departments (name) VALUES ('甲')") }
        #expect(eventually { walSize == 0 })
        _ = try committer.submit { db, _ in try db.run("INSERT INTO departments (name) VALUES ('乙')") }
        #expect(eventually { walSize == 0 })
        #expect(try database.count("departments") == 2)
        // The rows are in the main file itself: a copy of it alone, without its WAL, has them.
        try FileManager.default.copyItem(atPath: directory.file(), toPath: directory.file("copy.sqlite"))
        let copy = try Database.make(in: directory, name: "copy.sqlite")
        defer { copy.close() }
        #expect(try copy.count("departments") == 2)
    }

    /// Commits arriving 60 ms apart, each alone: by default the writer truncates the WAL after
    /// each as soon as nothing waits, so the WAL never lines up several single-ballot commits in
    /// voting order. (Waiting for 0.1 s of quiet, as it did, it never emptied during such a run.)
    @Test func byDefaultTheWALIsTruncatedAfterEachCommitWhenNothingWaits() throws {
        let committer = GroupCommitter(database: database)
        defer { committer.stop() }
        var emptyBetweenCommits = 0
        for index in 0..<10 {
            _ = try committer.submit { db, _ in try db.run("INSERT INTO departments (name) VALUES (?)", ["办\(index)"]) }
            usleep(50_000)
            if walSize == 0 { emptyBetweenCommits += 1 }
            usleep(10_000)
        }
        #expect(emptyBetweenCommits > 0)
    }

    /// A reader on an older snapshot still needs the WAL: truncating waits for nothing and
    /// reports false; once the reader is done it succeeds.
    @Test func truncationWaitsForNoReaderAndReportsWhenItCouldNot() throws {
        try database.write { db in try db.run("INSERT INTO departments (name) VALUES ('甲')") }
        #expect(try database.truncateWAL())
        let reading = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let database = self.database
        DispatchQueue.global().async {
            _ = try? database.read { db in
                _ = try db.queryOne("SELECT count(*) FROM departments") { $0.int(0) }  // takes the snapshot
                reading.signal()
                release.wait()
            }
            finished.signal()
        }
        reading.wait()
        try database.write { db in try db.run("INSERT INTO departments (name) VALUES ('乙')") }
        #expect(try database.truncateWAL() == false)
        #expect(walSize > 0)
        release.signal()
        finished.wait()
        #expect(try database.truncateWAL())
        #expect(walSize == 0)
        #expect(try database.count("departments") == 2)
    }
}
