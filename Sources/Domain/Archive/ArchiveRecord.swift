/// One append-only entry in a cadre's archive, linked to its predecessor by hash (contract §7).
///
/// `kind` is kept as a string rather than `ArchiveKind` so that a stored chain always verifies
/// and reads back as written, even if a later version adds or retires kinds.
public struct ArchiveRecord: Sendable, Equatable {
    public var cadreID: Int64
    /// 1 for the cadre's first record, then consecutive.
    public var seq: Int64
    public var kind: String
    public var roundID: Int64?
    public var period: String?
    /// The record's payload; integers and strings only (no floats), see `CanonicalJSON`.
    public var data: JSONValue
    /// RFC 3339 UTC timestamp, stored as text so the hash input is exactly what is shown.
    public var createdAt: String
    /// The previous record's `hash`, or 64 zeros for the first record.
    public var prevHash: String
    /// Lowercase hex SHA-256 of `canonicalBytes()` (see `ArchiveChain`).
    public var hash: String

    public init(
        cadreID: Int64, seq: Int64, kind: String, roundID: Int64?, period: String?, data: JSONValue,
        createdAt: String, prevHash: String, hash: String
    ) {
        self.cadreID = cadreID
        self.seq = seq
        self.kind = kind
        self.roundID = roundID
        self.period = period
        self.data = data
        self.createdAt = createdAt
        self.prevHash = prevHash
        self.hash = hash
    }

    /// The record's kind, or nil if the stored string names no current kind.
    public var archiveKind: ArchiveKind? { ArchiveKind(rawValue: kind) }

    /// The object whose canonical JSON is hashed: every field except `hash`, with absent
    /// `round_id`/`period` written as `null`.
    public var hashedObject: JSONValue {
        .object(
            JSONObject([
                ("cadre_id", .int(cadreID)),
                ("seq", .int(seq)),
                ("kind", .string(kind)),
                ("round_id", roundID.map(JSONValue.int) ?? .null),
                ("period", period.map(JSONValue.string) ?? .null),
                ("data", data),
                ("created_at", .string(createdAt)),
                ("prev_hash", .string(prevHash)),
            ]))
    }

    /// The record as the API returns it: the hashed fields plus `hash`, in contract order
    /// (`seq` first). A client can drop `hash`, canonicalise the rest and re-check it.
    public var jsonValue: JSONValue {
        .object(
            JSONObject([
                ("seq", .int(seq)),
                ("kind", .string(kind)),
                ("round_id", roundID.map(JSONValue.int) ?? .null),
                ("period", period.map(JSONValue.string) ?? .null),
                ("data", data),
                ("created_at", .string(createdAt)),
                ("prev_hash", .string(prevHash)),
                ("hash", .string(hash)),
                ("cadre_id", .int(cadreID)),
            ]))
    }

    /// The canonical JSON bytes of `hashedObject`; fails if `data` holds a float.
    public func canonicalBytes() throws(CanonicalJSON.EncodingError) -> [UInt8] {
        try CanonicalJSON.encode(hashedObject)
    }
}
