import Domain
import Primitives
import Storage

/// The checks made on the copy before it commits: the same number of rows in every table as in
/// the source's snapshot, and every cadre's archive chain verifying on the copy as
/// `duping verify-archive` checks it (`ArchiveChain.verify` over the records as
/// `PostgresStore` reads them), with each record's hash equal to the source's.
extension SQLiteToPostgres {
    static func verify(source: Connection, target: PGConnection, into summary: inout MigrationSummary) throws {
        for table in tables {
            // Only filled slots are ballots; empty ones were not copied.
            let filter = table == "ballots" ? " WHERE filled = 1" : ""
            let expected = try source.queryOne("SELECT count(*) FROM \(table)\(filter)") { $0.int(0) } ?? 0
            let copied = try target.queryOne("SELECT count(*) FROM \(table)") { $0.int(0) } ?? 0
            guard expected == copied, summary.rows(in: table) == copied else {
                throw MigrationError.countMismatch(table: table, sqlite: expected, postgres: copied)
            }
        }
        var sourceHashes: [Int64: [String]] = [:]
        try source.forEachRow("SELECT cadre_id, hash FROM archive_records ORDER BY cadre_id, seq") { row in
            sourceHashes[row.int64(0), default: []].append(row.string(1))
        }
        let archive = SQLArchiveRepository(session: PostgresSession(connection: target), clock: SystemClock())
        let cadres = try archive.cadresWithRecords()
        for cadre in cadres {
            let records = try archive.records(cadreID: cadre)
            let verdict = ArchiveChain.verify(records, cadreID: cadre)
            guard verdict.valid else { throw MigrationError.chainBroken(cadreID: cadre, seq: verdict.firstBadSeq) }
            guard records.map(\.hash) == sourceHashes[cadre] else { throw MigrationError.hashesDiffer(cadreID: cadre) }
            summary.archiveRecords += records.count
        }
        guard Set(cadres) == Set(sourceHashes.keys) else {
            throw MigrationError.countMismatch(
                table: "archive_records (cadres)", sqlite: sourceHashes.count, postgres: cadres.count)
        }
        summary.chainsVerified = cadres.count
    }
}
