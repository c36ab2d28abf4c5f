import Domain

/// A filled ballot slot's contents as a backend without slots stores them (PostgreSQL's
/// `ballots`: category, day, content): what `duping migrate` copies. Nothing in it says who
/// cast the ballot or when beyond the day, as in the slot.
public struct SlotBallot: Sendable, Equatable {
    public let category: EvaluatorCategory
    /// The day of casting, `YYYY-MM-DD`, as the slot holds it.
    public let castOn: String
    /// The ballot in `BallotCoding` format, byte for byte as the slot holds it, without the
    /// slot's zero padding.
    public let content: [UInt8]

    /// Reads a filled slot's `body` (see `BallotSlot`); nil for bytes that are not a ballot.
    ///
    /// Format 2 (padded) keeps exactly the bytes `BallotCoding` wrote: the prefix that
    /// re-encodes to itself, provided every byte after it is padding (zero). Format 1, moved
    /// in unpadded by migration 5, is kept as it is. The JSON text of the earliest rows, which
    /// only SQLite's reader understands, is re-encoded in the current format (same ballot).
    public init?(slotBody body: [UInt8]) {
        guard body.count > BallotSlot.headerLength, let category = BallotSlot.category(of: body),
            let castOn = String(validating: body[1..<BallotSlot.headerLength], as: UTF8.self)
        else { return nil }
        let stored = Array(body[BallotSlot.headerLength...])
        let content: [UInt8]
        switch stored.first {
        case BallotCoding.format:
            guard let ballot = BallotCoding.decode(stored) else { return nil }
            let exact = BallotCoding.bytes(ballot)
            guard stored.starts(with: exact), stored[exact.count...].allSatisfy({ $0 == 0 }) else { return nil }
            content = exact
        case BallotCoding.unpaddedFormat:
            guard BallotCoding.decode(stored) != nil else { return nil }
            content = stored
        case UInt8(ascii: "{"):
            guard let ballot = BallotCoding.decode(.text(String(decoding: stored, as: UTF8.self))) else { return nil }
            content = BallotCoding.bytes(ballot)
        default:
            return nil
        }
        self.category = category
        self.castOn = castOn
        self.content = content
    }
}
