import App
import Domain
import Foundation
import PostgresStorage
import Storage
import Store
import TestSupport
import Testing

/// `duping migrate` on the demo township (`serve --demo`): every round, review, assessment,
/// request and archive of a realistic database moves to PostgreSQL, and the API serves the same
/// bytes from the copy as from SQLite.
@Suite(.requiresPostgresForApp) struct MigrateDemoTests {
    static let paths = [
        "/v1/public/townships/niumasi/rounds", "/v1/public/townships/niumasi/rounds/1",
        "/v1/public/townships/niumasi/quarterly-reviews", "/v1/public/townships/niumasi/assessments",
        "/v1/public/townships/niumasi/whereabouts", "/v1/townships/niumasi/rounds",
        "/v1/townships/niumasi/rounds/1/results", "/v1/townships/niumasi/quarterly-reviews",
        "/v1/townships/niumasi/assessments", "/v1/townships/niumasi/requests", "/v1/townships/niumasi/cadres",
        "/v1/townships/niumasi/cadres/1/archive", "/v1/townships/niumasi/cadres/7/archive",
        "/v1/townships/niumasi/projects/1/timeline",
    ]

    @Test func theDemoTownshipMovesWithIdenticalArchivesAndBoards() throws {
        let origin = try MigrationSource(demo: true)
        let (directory, sqliteApp, rootToken) = (origin.directory, origin.app, origin.rootToken)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fromSQLite = try Self.paths.map { try TestApp.call(port: sqliteApp.port, "GET", $0, token: rootToken) }
        sqliteApp.shutdown()
        #expect(fromSQLite.allSatisfy { $0.status == 200 })

        let source = directory + "/duping.sqlite"
        let sourceBytes = try Data(contentsOf: URL(fileURLWithPath: source))
        let conninfo = try PostgresCluster.shared().makeDatabase()
        let summary = try SQLiteToPostgres(sourcePath: source, conninfo: conninfo).run()
        print("demo database migrated: " + summary.lines.joined(separator: "; "))
        #expect(try Data(contentsOf: URL(fileURLWithPath: source)) == sourceBytes)
        #expect(summary.chainsVerified > 0 && summary.rows(in: "ballots")! > 0)

        let sqlite = try SQLiteStore(path: source)
        defer { sqlite.close() }
        let postgres = try PostgresStore(conninfo: conninfo, poolSize: 2)
        defer { postgres.close() }
        let cadres = try sqlite.read { try $0.archive.cadresWithRecords() }
        #expect(try postgres.read { try $0.archive.cadresWithRecords() } == cadres)
        for cadre in cadres {
            let copied = try postgres.read { try $0.archive.records(cadreID: cadre) }
            #expect(ArchiveChain.verify(copied, cadreID: cadre).valid)
            #expect(copied.map(\.hash) == (try sqlite.read { try $0.archive.records(cadreID: cadre) }.map(\.hash)))
        }
        let target = try PGConnection(conninfo: conninfo)
        let rounds = try sqlite.read { try $0.rounds.list(townshipID: 1, after: nil, limit: 100).items }
        for round in rounds {
            for kind in [RoundDocumentKind.results, .public] {
                let document = try sqlite.read { try $0.rounds.document(kind, roundID: round.id) }
                #expect(try postgres.read { try $0.rounds.document(kind, roundID: round.id) } == document)
            }
            #expect(
                try postgres.read { try $0.ballots.recount(roundID: round.id) }
                    == sqlite.read { try $0.ballots.recount(roundID: round.id) })
            guard round.state == .closed || round.state == .published else { continue }
            let receipts = try sqlite.read { try $0.ballots.receipts(roundID: round.id) }
            #expect(try postgres.read { try $0.ballots.receipts(roundID: round.id) } == receipts)
            try Self.expectReceiptOrder(roundID: round.id, target)
        }
        #expect(rounds.contains { $0.state == .published } && rounds.contains { $0.state == .open })

        var onPostgres = origin.configuration
        onPostgres.demo = false
        let postgresApp = try Application(configuration: onPostgres) { _, clock in
            try PostgresStore(conninfo: conninfo, clock: clock)
        }
        defer { postgresApp.shutdown() }
        for (path, expected) in zip(Self.paths, fromSQLite) {
            let copied = try TestApp.call(port: postgresApp.port, "GET", path, token: rootToken)
            #expect(copied.status == 200, "\(path)")
            #expect(copied.raw.body == expected.raw.body, "\(path)")
        }
    }

    /// A round's ballots lie in receipt order, as PostgresStore's close leaves them: on every
    /// heap page, in receipt order. (Across pages PostgreSQL may put a short row into room left
    /// on an earlier page, found through its free space map; that follows from the rows' sizes
    /// and receipts only, never from the order of voting.)
    static func expectReceiptOrder(roundID: Int64, _ target: PGConnection) throws {
        let byReceipt = try target.query(
            "SELECT receipt FROM ballots WHERE round_id = $1 ORDER BY receipt", [roundID]
        ) { $0.string(0) }
        let rank = Dictionary(uniqueKeysWithValues: byReceipt.enumerated().map { ($1, $0) })
        let placed = try target.query(
            "SELECT receipt, (ctid::text::point)[0] FROM ballots WHERE round_id = $1 ORDER BY ctid", [roundID]
        ) { (rank: rank[$0.string(0)] ?? -1, page: $0.double(1)) }
        #expect(placed.count == byReceipt.count && !placed.isEmpty)
        for (page, rows) in Dictionary(grouping: placed, by: \.page) {
            #expect(rows.map(\.rank) == rows.map(\.rank).sorted(), "round \(roundID), page \(page)")
        }
    }
}
