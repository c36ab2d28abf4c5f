/// The stretch of time a round reviews: a half year (`2026-H2`) for semiannual rounds or a quarter
/// (`2026-Q3`) for quarterly ones. The kind is read off the letter, so a period can be parsed on
/// its own and then checked against the round's kind.
public struct Period: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Years a township could plausibly be reviewing; anything else is a typo.
    public static let years = 2000...2100

    /// The kind of round this period belongs to (`H` → semiannual, `Q` → quarterly).
    public let kind: RoundKind
    /// The calendar year, e.g. 2026; used to pick the projects of a round by default.
    public let year: Int
    /// The half (1–2) or quarter (1–4) within the year.
    public let part: Int

    /// Parses `YYYY-H1|H2` or `YYYY-Q1..Q4` exactly (uppercase letter, four-digit year in
    /// 2000–2100); returns nil for anything else.
    public init?(_ text: String) {
        let chars = Array(text.utf8)
        guard chars.count == 7, chars[4] == UInt8(ascii: "-") else { return nil }
        let digits = chars[0..<4]
        guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        let year = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        guard Self.years.contains(year) else { return nil }

        let kind: RoundKind
        let parts: ClosedRange<Int>
        switch chars[5] {
        case UInt8(ascii: "H"): (kind, parts) = (.semiannual, 1...2)
        case UInt8(ascii: "Q"): (kind, parts) = (.quarterly, 1...4)
        default: return nil
        }
        let part = Int(chars[6]) - Int(UInt8(ascii: "0"))
        guard parts.contains(part) else { return nil }
        self.kind = kind
        self.year = year
        self.part = part
    }

    /// Parses `text` and also requires it to match `kind` (`2026-Q1` is not a semiannual period).
    public init?(_ text: String, kind: RoundKind) {
        guard let period = Period(text), period.kind == kind else { return nil }
        self = period
    }

    /// The canonical text, e.g. `2026-H2`.
    public var description: String {
        "\(year)-\(kind == .semiannual ? "H" : "Q")\(part)"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let period = Period(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected YYYY-H1|H2 or YYYY-Q1..Q4")
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
