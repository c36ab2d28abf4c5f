import Domain
import Foundation
import PostgresStorage
import Storage
import Store
import TestSupport
import Testing

/// `duping migrate` (`SQLiteToPostgres`): a SQLite database made through the store's APIs,
/// copied into PostgreSQL, reads the same through `PostgresStore`, and every refusal writes
/// nothing. The demo township's copy is checked in AppTests (`MigrateDemoTests`).
@Suite(.requiresPostgres) struct SQLiteToPostgresTests {
    @Test func theTableListIsEveryTableOfBothSchemas() throws {
        let directory = try TemporaryDirectory()
        let sqlite = try Database(path: directory.file(), migrations: Schema.migrations, readers: 1)
        let sqliteTables = try sqlite.read { connection in
            try connection.query(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            ) { $0.string(0) }
        }
        sqlite.close()
        let target = try PGFixture.connection()
        try PGMigrator.migrate(target, to: PostgresSchema.migrations)
        let expected = Set(SQLiteToPostgres.tables + ["schema_migrations"])
        #expect(Set(sqliteTables) == expected)
        #expect(try target.tableNames() == expected.union(SQLiteToPostgres.postgresOnly))
        #expect(SQLiteToPostgres.tables.count == Set(SQLiteToPostgres.tables).count)
    }

    @Test func aCopyReadsTheSameThroughPostgresStore() throws {
        let source = try MigrationSource()
        let f = source.fixture
        let before = try source.fingerprint()
        let conninfo = try PGFixture.database()
        let summary = try SQLiteToPostgres(sourcePath: source.path, conninfo: conninfo).run()
        // The file itself is untouched; a read-only reader of a WAL database leaves at most the
        // empty WAL and the shared-memory index SQLite makes for any reader.
        let after = try source.fingerprint()
        #expect(after["store.sqlite"] == before["store.sqlite"])
        #expect(Set(after.keys).subtracting(before.keys).isSubset(of: ["store.sqlite-wal", "store.sqlite-shm"]))
        #expect(after["store.sqlite-wal"]?.isEmpty ?? true)
        #expect(summary.rows(in: "ballots") == 11)
        #expect(summary.emptySlotsLeft == 11)
        #expect(summary.chainsVerified == 1 && summary.archiveRecords == 2)

        let sqlite = try SQLiteStore(path: source.path, clock: f.clock)
        defer { sqlite.close() }
        let postgres = try PostgresStore(conninfo: conninfo, clock: f.clock, poolSize: 2)
        defer { postgres.close() }
        let target = try PGConnection(conninfo: conninfo)
        #expect(
            try target.duPingRowCounts() == Dictionary(uniqueKeysWithValues: summary.tables.map { ($0.name, $0.rows) }))

        func reads(_ store: any DataStore) throws -> [String] {
            try store.read { transaction in
                let closed = source.closedRound.id
                let cadre = try transaction.registry.get(Registry.cadres, townshipID: f.township.id, id: f.cadres[0])
                let records = try transaction.archive.records(cadreID: f.cadres[1])
                return [
                    "\(try #require(cadre))", "\(records)", "\(try transaction.ballots.receipts(roundID: closed))",
                    "\(try transaction.ballots.recount(roundID: closed) == transaction.ballots.tally(roundID: closed))",
                    "\(try transaction.ballots.turnout(roundID: source.openRound.id).voted)",
                    "\(try transaction.rounds.document(.results, roundID: closed) ?? [])",
                    "\(try transaction.rounds.get(townshipID: f.township.id, id: closed).map { "\($0)" } ?? "")",
                ]
            }
        }
        let (fromPostgres, fromSQLite) = (try reads(postgres), try reads(sqlite))
        for (index, read) in fromPostgres.enumerated() { #expect(read == fromSQLite[index]) }
        let closedID = source.closedRound.id
        let copiedTally: Tally = try postgres.read { try $0.ballots.recount(roundID: closedID) }
        let sourceTally: Tally = try sqlite.read { try $0.ballots.recount(roundID: closedID) }
        #expect(copiedTally == sourceTally && copiedTally != Tally())
        let name = try postgres.read {
            try $0.registry.get(Registry.cadres, townshipID: f.township.id, id: f.cadres[0])?["name"]
        }
        #expect(name == .string(MigrationSource.nulName))
        let records = try postgres.read { try $0.archive.records(cadreID: f.cadres[1]) }
        #expect(ArchiveChain.verify(records, cadreID: f.cadres[1]).valid)
        #expect(records == (try sqlite.read { try $0.archive.records(cadreID: f.cadres[1]) }))

        // Physically in receipt order, and nothing but receipt, round, category, day and ballot.
        let closed = source.closedRound.id
        let byPlace = try target.query("SELECT receipt FROM ballots WHERE round_id = $1 ORDER BY ctid", [closed]) {
            $0.string(0)
        }
        #expect(byPlace.count == 10 && byPlace == byPlace.sorted())
        let columns = try target.query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'ballots' ORDER BY ordinal_position"
        ) { $0.string(0) }
        #expect(columns == ["receipt", "round_id", "category", "cast_on", "content"])
        #expect(try target.query("SELECT DISTINCT cast_on FROM ballots") { $0.string(0) } == ["2026-12-06"])

        // Identities continue after the copied ids; the open round takes its remaining ballots.
        let township = try postgres.write { try $0.access.createTownship(code: "taiping", name: "太平镇") }
        #expect(township.id == f.township.id + 1)
        let round = try postgres.write { try $0.rounds.create(source.openRound) }
        #expect(round.id == source.openRound.id + 1)
        let session = try #require(try postgres.ballotBox.session(tokenHash: source.unusedHashes[0]))
        #expect(session.round.id == source.openRound.id && !session.voted)
        _ = try postgres.ballotBox.cast(f.ballot(score: 66), session: session)
        #expect(try postgres.read { try $0.ballots.turnout(roundID: source.openRound.id).voted } == 2)
    }

    @Test func aTargetWithDataIsRefusedAndKeptAsItWas() throws {
        let source = try MigrationSource()
        let conninfo = try PGFixture.database()
        let existing = try PostgresStore(conninfo: conninfo, poolSize: 1)
        _ = try existing.write { try $0.access.createTownship(code: "taiping", name: "太平镇") }
        existing.close()
        let target = try PGConnection(conninfo: conninfo)
        let counts = try target.duPingRowCounts()
        #expect(throws: MigrationError.targetNotEmpty(tables: ["townships"])) {
            try SQLiteToPostgres(sourcePath: source.path, conninfo: conninfo).run()
        }
        #expect(try target.duPingRowCounts() == counts)

        // A second run into a finished copy is refused the same way.
        let copy = try PGFixture.database()
        let first = try SQLiteToPostgres(sourcePath: source.path, conninfo: copy).run()
        #expect(throws: MigrationError.self) { try SQLiteToPostgres(sourcePath: source.path, conninfo: copy).run() }
        #expect(first.rows > 0)
    }

    @Test func aMissingOrOlderSourceIsRefusedBeforeTheTargetIsTouched() throws {
        let directory = try TemporaryDirectory()
        let conninfo = try PGFixture.database()
        #expect(throws: MigrationError.sourceMissing(path: directory.file("duping.sqlite"))) {
            try SQLiteToPostgres(sourcePath: directory.file("duping.sqlite"), conninfo: conninfo).run()
        }
        let older = try Database(
            path: directory.file(), migrations: Array(Schema.migrations.dropLast()), readers: 1)
        older.close()
        let newest = Schema.migrations.map(\.version).max()!
        #expect(throws: MigrationError.sourceSchema(found: newest - 1, newest: newest)) {
            try SQLiteToPostgres(sourcePath: directory.file(), conninfo: conninfo).run()
        }
        #expect(try PGConnection(conninfo: conninfo).tableNames().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory.file("duping.sqlite")))
    }
}
