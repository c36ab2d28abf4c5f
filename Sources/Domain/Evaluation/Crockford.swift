/// Crockford base32 (https://www.crockford.com/base32.html), the alphabet of ballot codes and
/// receipts: digits and capitals without I, L, O and U, so a code read aloud or typed from a
/// paper slip survives the usual confusions.
enum Crockford {
    /// The 32 symbols, value order.
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// `count` random symbols, 5 bits each, drawn uniformly from `generator`.
    static func random<G: RandomNumberGenerator>(count: Int, using generator: inout G) -> String {
        // A plain loop: a closure capturing the inout generator crashed ThreadSanitizer's runtime
        // (SEGV in its shadow memory) when called from a Swift Testing job.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for _ in 0..<count { bytes.append(alphabet[Int(generator.next() & 31)]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The canonical form of user input: case-insensitive, hyphens and spaces anywhere are
    /// ignored, `O` reads as `0` and `I`/`L` as `1` (Crockford's decoding aliases). Nil if any
    /// other character appears (`U` included) or the symbol count is not `length`.
    static func normalize(_ input: String, length: Int) -> String? {
        var symbols: [UInt8] = []
        for byte in input.utf8 {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: " "):
                continue
            default:
                guard let symbol = canonical(byte) else { return nil }
                symbols.append(symbol)
                if symbols.count > length { return nil }
            }
        }
        guard symbols.count == length else { return nil }
        return String(decoding: symbols, as: UTF8.self)
    }

    /// `symbols` in groups of four joined by hyphens (`ABCD-EFGH-…`), for display.
    static func grouped(_ symbols: String) -> String {
        var groups: [Substring] = []
        var rest = Substring(symbols)
        while !rest.isEmpty {
            groups.append(rest.prefix(4))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: "-")
    }

    /// The canonical symbol for one input byte, or nil if it is not a Crockford symbol.
    private static func canonical(_ byte: UInt8) -> UInt8? {
        var upper = byte
        if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) {
            upper = byte - 32
        }
        switch upper {
        case UInt8(ascii: "O"): return UInt8(ascii: "0")
        case UInt8(ascii: "I"), UInt8(ascii: "L"): return UInt8(ascii: "1")
        default: return alphabet.contains(upper) ? upper : nil
        }
    }
}
