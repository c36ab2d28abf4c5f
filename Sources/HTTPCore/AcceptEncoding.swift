/// Content negotiation on `Accept-Encoding` (RFC 9110 §12.5.3), reduced to the one question the
/// server asks: may this response be sent gzip-encoded?
public enum AcceptEncoding {
    /// Whether the `Accept-Encoding` field values allow gzip.
    ///
    /// `gzip` and its alias `x-gzip` (RFC 9110 §8.4.1.3) with q > 0 allow it; an explicit
    /// `gzip;q=0` forbids it whatever else the list says, because sending a coding the client
    /// refused is worse than not compressing. Without an explicit gzip, `*` decides by its q.
    /// No field, an empty field, or only other codings → false. A member whose weight is not a
    /// valid qvalue (`q=1.5`, `q=0.0001`, `q=`) is ignored, as a malformed list member should be.
    public static func allowsGzip(_ headerValues: [String]) -> Bool {
        var gzipWeights: [Int] = []
        var wildcardWeights: [Int] = []
        for value in headerValues {
            for member in value.split(separator: ",") {
                guard let (coding, weight) = parseMember(member) else { continue }
                if coding == "gzip" || coding == "x-gzip" {
                    gzipWeights.append(weight)
                } else if coding == "*" {
                    wildcardWeights.append(weight)
                }
            }
        }
        if !gzipWeights.isEmpty { return !gzipWeights.contains(0) }
        if !wildcardWeights.isEmpty { return !wildcardWeights.contains(0) }
        return false
    }

    /// The lowercased coding and its weight in thousandths (1000 when absent), or nil for an
    /// empty or malformed member. Grammar: `codings *( OWS ";" OWS "q=" qvalue )`.
    static func parseMember(_ member: Substring) -> (coding: String, weight: Int)? {
        let parts = member.split(separator: ";", omittingEmptySubsequences: false)
        let coding = parts[0].trimmingOWS().lowercased()
        guard !coding.isEmpty, coding.utf8.allSatisfy(isCodingByte) else { return nil }
        var weight = 1000
        for parameter in parts.dropFirst() {
            let trimmed = parameter.trimmingOWS()
            // Only the weight parameter is defined for Accept-Encoding; q is case-insensitive.
            guard trimmed.count >= 2, trimmed.first == "q" || trimmed.first == "Q",
                trimmed.dropFirst().first == "=",
                let parsed = parseQValue(trimmed.dropFirst(2))
            else { return nil }
            weight = parsed
        }
        return (coding, weight)
    }

    /// A qvalue (RFC 9110 §12.4.2) in thousandths: `0[.ddd]` or `1[.000]`, at most three
    /// decimals; anything else → nil.
    static func parseQValue(_ text: Substring) -> Int? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1")
        else { return nil }
        var thousandths = first == UInt8(ascii: "1") ? 1000 : 0
        guard bytes.count > 1 else { return thousandths }
        guard bytes[1] == UInt8(ascii: "."), bytes.count <= 5 else { return nil }
        var scale = 100
        for digit in bytes[2...] {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            thousandths += Int(digit - UInt8(ascii: "0")) * scale
            scale /= 10
        }
        return thousandths <= 1000 ? thousandths : nil
    }

    /// Content codings are tokens; `*` is a token character too, so the wildcard passes.
    private static func isCodingByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}

extension Substring {
    /// Without leading and trailing optional whitespace (SP / HTAB, RFC 9110 §5.6.3).
    /// File-private so it cannot clash with a similar helper elsewhere in the module.
    fileprivate func trimmingOWS() -> Substring {
        let isOWS: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isOWS($0) }),
            let end = lastIndex(where: { !isOWS($0) })
        else { return self[endIndex...] }
        return self[start...end]
    }
}
