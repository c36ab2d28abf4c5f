import Domain

/// Each cadre's append-only, hash-chained archive (contract §7).
public protocol ArchiveRepository {
    /// Appends a record to the cadre's chain.
    @discardableResult
    func append(cadreID: Int64, kind: ArchiveKind, roundID: Int64?, period: String?, data: JSONValue) throws
        -> ArchiveRecord
    /// The whole chain, oldest first.
    func records(cadreID: Int64) throws -> [ArchiveRecord]
    func record(cadreID: Int64, seq: Int64) throws -> ArchiveRecord?
    /// Every cadre with records, for an offline check of all chains.
    func cadresWithRecords() throws -> [Int64]
}
