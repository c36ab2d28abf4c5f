import Domain

/// Each cadre's append-only, hash-chained archive (contract §7). Records are only ever
/// inserted; nothing here updates or deletes one.
public struct ArchiveStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Appends a record to the cadre's chain (in the caller's transaction).
    @discardableResult
    public static func append(
        cadreID: Int64, kind: ArchiveKind, roundID: Int64?, period: String?, data: JSONValue, _ connection: Connection
    ) throws -> ArchiveRecord {
        let previous = try connection.queryOne(
            "SELECT \(columns) FROM archive_records WHERE cadre_id = ? ORDER BY seq DESC LIMIT 1", [cadreID], decode)
        let record = try ArchiveChain.make(
            next: kind, roundId: roundID, period: period, data: data, createdAt: Clock.timestamp(), after: previous,
            cadreId: cadreID)
        try connection.run(
            """
            INSERT INTO archive_records (cadre_id, seq, kind, round_id, period, data, created_at, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                cadreID, record.seq, record.kind, record.roundId, record.period, JSONWriter.encodeString(record.data),
                record.createdAt, record.prevHash, record.hash,
            ])
        return record
    }

    /// Appends one record in its own transaction (manual records).
    public func append(cadreID: Int64, kind: ArchiveKind, data: JSONValue) throws -> ArchiveRecord {
        try database.write { try Self.append(cadreID: cadreID, kind: kind, roundID: nil, period: nil, data: data, $0) }
    }

    /// The whole chain, oldest first.
    public func records(cadreID: Int64) throws -> [ArchiveRecord] {
        try database.read { connection in
            try connection.query(
                "SELECT \(Self.columns) FROM archive_records WHERE cadre_id = ? ORDER BY seq", [cadreID], Self.decode)
        }
    }

    public func record(cadreID: Int64, seq: Int64) throws -> ArchiveRecord? {
        try database.read { connection in
            try connection.queryOne(
                "SELECT \(Self.columns) FROM archive_records WHERE cadre_id = ? AND seq = ?", [cadreID, seq],
                Self.decode)
        }
    }

    /// Every cadre with records, for an offline check of all chains.
    public func cadresWithRecords() throws -> [Int64] {
        try database.read {
            try $0.query("SELECT DISTINCT cadre_id FROM archive_records ORDER BY cadre_id") { $0.int64(0) }
        }
    }

    static let columns = "cadre_id, seq, kind, round_id, period, data, created_at, prev_hash, hash"

    static func decode(_ row: Row) -> ArchiveRecord {
        ArchiveRecord(
            cadreId: row.int64(0), seq: row.int64(1), kind: row.string(2), roundId: row.optionalInt64(3),
            period: row.optionalString(4), data: (try? JSONParser.parse(row.string(5))) ?? .null,
            createdAt: row.string(6), prevHash: row.string(7), hash: row.string(8))
    }
}
