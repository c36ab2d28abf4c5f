import Domain
import Primitives
import Store

/// Each cadre's append-only, hash-chained archive in PostgreSQL. Records are only ever inserted;
/// nothing here updates or deletes one. Two instances appending to one chain at once cannot fork
/// it: write transactions run one after another (the writers' advisory lock), and the primary
/// key (cadre_id, seq) would refuse a second record with the same number anyway.
struct PGArchiveRepository: ArchiveRepository {
    let connection: PGConnection
    let clock: any TimeSource

    @discardableResult
    func append(cadreID: Int64, kind: ArchiveKind, roundID: Int64?, period: String?, data: JSONValue) throws
        -> ArchiveRecord
    {
        let previous = try connection.queryOne(
            "SELECT \(Self.columns) FROM archive_records WHERE cadre_id = $1 ORDER BY seq DESC LIMIT 1", [cadreID],
            Self.decode)
        let record = try ArchiveChain.make(
            next: kind, roundID: roundID, period: period, data: data, createdAt: clock.timestamp(), after: previous,
            cadreID: cadreID)
        try connection.run(
            """
            INSERT INTO archive_records (cadre_id, seq, kind, round_id, period, data, created_at, prev_hash, hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """,
            [
                cadreID, record.seq, record.kind, record.roundID, record.period, JSONWriter.encodeString(record.data),
                record.createdAt, record.prevHash, record.hash,
            ])
        return record
    }

    func records(cadreID: Int64) throws -> [ArchiveRecord] {
        try connection.query(
            "SELECT \(Self.columns) FROM archive_records WHERE cadre_id = $1 ORDER BY seq", [cadreID], Self.decode)
    }

    func record(cadreID: Int64, seq: Int64) throws -> ArchiveRecord? {
        try connection.queryOne(
            "SELECT \(Self.columns) FROM archive_records WHERE cadre_id = $1 AND seq = $2", [cadreID, seq], Self.decode)
    }

    func cadresWithRecords() throws -> [Int64] {
        try connection.query("SELECT DISTINCT cadre_id FROM archive_records ORDER BY cadre_id") { $0.int64(0) }
    }

    static let columns = "cadre_id, seq, kind, round_id, period, data, created_at, prev_hash, hash"

    static func decode(_ row: PGRow) -> ArchiveRecord {
        ArchiveRecord(
            cadreID: row.int64(0), seq: row.int64(1), kind: row.string(2), roundID: row.optionalInt64(3),
            period: row.optionalString(4), data: (try? JSONParser.parse(row.string(5))) ?? .null,
            createdAt: row.string(6), prevHash: row.string(7), hash: row.string(8))
    }
}
