/// The outcome of `ArchiveChain.verify`, shaped for `GET .../archive/verify`.
public struct ArchiveVerification: Sendable, Equatable {
    /// True when every record is intact and correctly linked.
    public var valid: Bool
    /// How many records were checked.
    public var records: Int
    /// The `seq` of the first record that fails; nil when valid.
    public var firstBadSeq: Int64?

    public init(valid: Bool, records: Int, firstBadSeq: Int64?) {
        self.valid = valid
        self.records = records
        self.firstBadSeq = firstBadSeq
    }

    /// `{"valid":…,"records":N}` plus `"first_bad_seq"` when invalid.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["valid": .bool(valid), "records": .int(Int64(records))]
        if let firstBadSeq { object["first_bad_seq"] = .int(firstBadSeq) }
        return .object(object)
    }
}
