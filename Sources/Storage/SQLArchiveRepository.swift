import Domain
import Primitives
import Store

/// Each cadre's append-only, hash-chained archive, on either backend. Records are only ever
/// inserted; nothing here updates or deletes one. Two appends to one chain at once cannot fork
/// it: write transactions run one after another (SQLite's one writer, PostgreSQL's writers'
/// advisory lock), and the primary key (cadre_id, seq) would refuse a second record with the
/// same number anyway.
package struct SQLArchiveRepository: ArchiveRepository {
    let session: any SQLSession
    let clock: any TimeSource

    package init(session: any SQLSession, clock: any TimeSource) {
        self.session = session
        self.clock = clock
    }

    @discardableResult
    package func append(cadreID: Int64, kind: ArchiveKind, roundID: Int64?, period: String?, data: JSONValue) throws
        -> ArchiveRecord
    {
        let previous = try session.queryOne(
            "SELECT \(Self.columns) FROM archive_records WHERE cadre_id = ? ORDER BY seq DESC LIMIT 1", [cadreID],
            Self.decode)
        let record = try ArchiveChain.make(
            next: kind, roundID: roundID, period: period, data: data, createdAt: clock.timestamp(), after: previous,
            cadreID: cadreID)
        try session.run(
            """
            INSERT INTO archive_records (cadre_id, seq, kind, round_id, period, data, created_at, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                cadreID, record.seq, record.kind, record.roundID, record.period, JSONWriter.encodeString(record.data),
                record.createdAt, record.prevHash, record.hash,
            ])
        return record
    }

    package func records(cadreID: Int64) throws -> [ArchiveRecord] {
        try session.query(
            "SELECT \(Self.columns) FROM archive_records WHERE cadre_id = ? ORDER BY seq", [cadreID], Self.decode)
    }

    package func record(cadreID: Int64, seq: Int64) throws -> ArchiveRecord? {
        try session.queryOne(
            "SELECT \(Self.columns) FROM archive_records WHERE cadre_id = ? AND seq = ?", [cadreID, seq], Self.decode)
    }

    package func cadresWithRecords() throws -> [Int64] {
        try session.query("SELECT DISTINCT cadre_id FROM archive_records ORDER BY cadre_id") { $0.int64(0) }
    }

    private static let columns = "cadre_id, seq, kind, round_id, period, data, created_at, prev_hash, hash"

    private static func decode(_ row: any SQLRow) -> ArchiveRecord {
        ArchiveRecord(
            cadreID: row.int64(0), seq: row.int64(1), kind: row.string(2), roundID: row.optionalInt64(3),
            period: row.optionalString(4), data: (try? JSONParser.parse(row.string(5))) ?? .null,
            createdAt: row.string(6), prevHash: row.string(7), hash: row.string(8))
    }
}
