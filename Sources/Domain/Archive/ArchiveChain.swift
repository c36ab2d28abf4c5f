/// Builds and checks the hash chain of a cadre's archive (contract §7).
///
/// The rule, precisely: a record's `hash` is the lowercase hex SHA-256 of the UTF-8 bytes of
/// the canonical JSON (`CanonicalJSON`, i.e. Python's
/// `json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`) of the object
/// `{"cadre_id","seq","kind","round_id","period","data","created_at","prev_hash"}`, with an
/// absent `round_id` or `period` written as `null`. Records are numbered from `seq` 1 without
/// gaps; each `prev_hash` is the previous record's `hash`, and the first record's is 64 zeros.
/// Because `prev_hash` is inside the hashed bytes, altering, deleting or reordering any record
/// breaks the chain at that record or the one after it.
public enum ArchiveChain {
    /// The `prev_hash` of a cadre's first record.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Builds the record that follows `previous` (or the first record when it is nil).
    public static func make(
        next kind: ArchiveKind, roundID: Int64?, period: String?, data: JSONValue, createdAt: String,
        after previous: ArchiveRecord?, cadreID: Int64
    ) throws(ArchiveError) -> ArchiveRecord {
        if let previous, previous.cadreID != cadreID {
            throw .cadreMismatch(expected: cadreID, found: previous.cadreID)
        }
        var record = ArchiveRecord(
            cadreID: cadreID, seq: (previous?.seq ?? 0) + 1, kind: kind.rawValue, roundID: roundID,
            period: period, data: data, createdAt: createdAt, prevHash: previous?.hash ?? genesisHash, hash: "")
        do throws(CanonicalJSON.EncodingError) {
            record.hash = try hash(of: record)
        } catch {
            throw .notCanonical(error)
        }
        return record
    }

    /// The hash `record` should carry, computed from its other fields (its own `hash` is ignored).
    public static func hash(of record: ArchiveRecord) throws(CanonicalJSON.EncodingError) -> String {
        let digest = SHA256.hash(data: try record.canonicalBytes())
        return lowercaseHex(digest)
    }

    /// Checks a cadre's whole chain, oldest first: seq continuity from 1, every `prev_hash`
    /// link, and every `hash`. When `cadreID` is given, every record must belong to that cadre,
    /// so another cadre's intact chain cannot be passed off as this one's.
    ///
    /// `firstBadSeq` is the `seq` of the first record that does not fit — for a deleted record,
    /// the one after the gap. An empty chain is valid.
    public static func verify(_ records: [ArchiveRecord], cadreID: Int64? = nil) -> ArchiveVerification {
        var expectedPrevious = genesisHash
        for (position, record) in records.enumerated() {
            let intact =
                record.seq == Int64(position) + 1
                && record.prevHash == expectedPrevious
                && (cadreID == nil || record.cadreID == cadreID)
                && (try? hash(of: record)) == record.hash
            guard intact else {
                return ArchiveVerification(valid: false, records: records.count, firstBadSeq: record.seq)
            }
            expectedPrevious = record.hash
        }
        return ArchiveVerification(valid: true, records: records.count, firstBadSeq: nil)
    }

    private static func lowercaseHex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
