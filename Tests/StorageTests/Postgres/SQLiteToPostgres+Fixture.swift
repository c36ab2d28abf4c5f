import Domain
import Foundation
import PostgresStorage
import Storage
import Store

/// A SQLite database made through the store's own APIs for `SQLiteToPostgresTests`: the
/// fixture's township and registry, a cadre whose name holds U+0000, archive records, a round
/// with ten ballots closed and published (with its results document), and a round still open
/// with one ballot cast and three codes unused.
struct MigrationSource {
    let fixture: StoreFixture
    let closedRound: Round
    let openRound: Round
    /// Token hashes of the open round's members who have not voted.
    let unusedHashes: [[UInt8]]
    static let nulName = "张\u{0}三"

    var path: String { fixture.directory.path + "/store.sqlite" }

    init() throws {
        let f = try StoreFixture(.sqlite, evaluators: 12)
        fixture = f
        let sqlite = f.store as! SQLiteStore
        try sqlite.database.write {
            _ = try $0.run("UPDATE cadres SET name = ? WHERE id = ?", [Self.nulName, f.cadres[0]])
        }
        for title in ["一", "二\u{0}"] {
            _ = try f.store.write {
                try $0.archive.append(
                    cadreID: f.cadres[1], kind: .note, roundID: nil, period: nil, data: ["title": .string(title)])
            }
        }
        let closed = try f.draft()
        let closedHashes = try f.open(closed)
        for (index, evaluator) in f.evaluators.prefix(10).enumerated() {
            let session = try f.store.ballotBox.session(tokenHash: closedHashes[evaluator]!)!
            _ = try f.store.ballotBox.cast(f.ballot(score: 50 + index), session: session)
        }
        closedRound = try f.store.write { transaction in
            _ = try transaction.rounds.close(townshipID: f.township.id, id: closed.id)
            try transaction.rounds.saveDocument(Array("{\"结果\":1}".utf8), kind: .results, roundID: closed.id)
            return try transaction.rounds.publish(townshipID: f.township.id, id: closed.id, commentary: "讲评")
        }
        let open = try f.draft()
        let openHashes = try f.open(open)
        let voter = try f.store.ballotBox.session(tokenHash: openHashes[f.evaluators[0]]!)!
        _ = try f.store.ballotBox.cast(f.ballot(score: 70), session: voter)
        openRound = open
        unusedHashes = f.evaluators.dropFirst().prefix(3).map { openHashes[$0]! }
        f.store.close()
    }

    /// The file's bytes and the directory's listing, to show the copy changed nothing.
    func fingerprint() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: fixture.directory.path + "/" + name))
        }
        return files
    }
}

extension PGConnection {
    /// Rows in every DuPing table, by table.
    func duPingRowCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in SQLiteToPostgres.tables {
            counts[table] = try queryOne("SELECT count(*) FROM \(table)") { $0.int(0) }
        }
        return counts
    }

    /// Tables in the current schema.
    func tableNames() throws -> Set<String> {
        Set(
            try query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            ) { $0.string(0) })
    }
}
