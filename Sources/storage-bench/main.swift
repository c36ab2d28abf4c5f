// Measures the storage layer on this machine: bulk inserts in one transaction, and single-row
// durable commits (WAL, synchronous=FULL, one fsync each). Run with
// `swift run -c release storage-bench`.
import Storage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let schema = Migration(
    version: 1, name: "create bench",
    sql: """
        CREATE TABLE ballot_scores (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL,
            subject TEXT NOT NULL,
            score INTEGER NOT NULL,
            weight REAL NOT NULL
        )
        """)
let insert = "INSERT INTO ballot_scores (round_id, subject, score, weight) VALUES (?, ?, ?, ?)"

/// Times `body` and prints `count` operations per second under `label`.
func measure(_ label: String, count: Int, _ body: () throws -> Void) rethrows {
    let clock = ContinuousClock()
    let elapsed = try clock.measure(body)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let rate = Int(Double(count) / seconds)
    let milliseconds = Int((seconds * 1000).rounded())
    print("\(label): \(count) in \(milliseconds) ms = \(rate)/s")
}

var template = Array("/tmp/storage-bench-XXXXXX".utf8CString)
guard let directory = mkdtemp(&template).map({ String(cString: $0) }) else {
    fatalError("mkdtemp failed")
}
let database = try Database(path: directory + "/bench.sqlite", migrations: [schema])

let bulkRows = 100_000
try measure("bulk insert rows (one transaction)", count: bulkRows) {
    try database.write { db in
        for row in 0..<bulkRows {
            try db.run(insert, [row % 10, "民政办 \(row % 50)", row % 101, 1.5])
        }
    }
}

let commits = 1_000
try measure("single-row commits (durable)", count: commits) {
    for row in 0..<commits {
        try database.write { db in try db.run(insert, [99, "党政办", row % 101, 1.0]) }
    }
}

let total = try database.read { db in try db.queryOne("SELECT count(*) FROM ballot_scores") { $0.int(0) } }
print("rows stored: \(total ?? 0)")
database.close()
for suffix in ["", "-wal", "-shm"] { unlink(directory + "/bench.sqlite" + suffix) }
rmdir(directory)
