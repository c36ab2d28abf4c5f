/// Content negotiation on `Accept` (RFC 9110 §12.5.1), reduced to the question a route that can
/// answer in two media types asks: does the client prefer this one over that one?
public enum AcceptMediaType {
    /// Whether the `Accept` field values weigh `preferred` strictly above `other`, both written
    /// `type/subtype` in lowercase.
    ///
    /// Each type gets the weight of the most specific range that matches it (`text/html` before
    /// `text/*` before `*/*`, §12.5.1), 0 when none does. A tie goes to `other`, so `*/*` (curl's
    /// default) and a missing field keep the default type; a browser's
    /// `text/html,…,*/*;q=0.8` or a bare `text/html` choose `preferred`. A malformed member (no
    /// slash, a bad qvalue) is ignored. Media type parameters other than `q` do not narrow the
    /// match.
    public static func prefers(_ preferred: String, over other: String, in headerValues: [String]) -> Bool {
        var ranges: [(type: Substring, subtype: Substring, weight: Int)] = []
        for value in headerValues {
            for member in value.split(separator: ",") {
                if let range = parseMember(member) { ranges.append(range) }
            }
        }
        guard !ranges.isEmpty else { return false }
        return weight(of: preferred, in: ranges) > weight(of: other, in: ranges)
    }

    private static func weight(
        of mediaType: String, in ranges: [(type: Substring, subtype: Substring, weight: Int)]
    ) -> Int {
        let parts = mediaType.split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return 0 }
        var best: (specificity: Int, weight: Int) = (-1, 0)
        for range in ranges {
            let specificity: Int
            if range.type == parts[0] && range.subtype == parts[1] {
                specificity = 2
            } else if range.type == parts[0] && range.subtype == "*" {
                specificity = 1
            } else if range.type == "*" && range.subtype == "*" {
                specificity = 0
            } else {
                continue
            }
            // The same range listed twice: the first one counts, as a client would mean it.
            if specificity > best.specificity { best = (specificity, range.weight) }
        }
        return best.weight
    }

    /// A media range lowercased and its weight in thousandths (1000 without `q`), or nil when
    /// malformed. Grammar: `type "/" subtype *( OWS ";" OWS parameter )`.
    static func parseMember(_ member: Substring) -> (type: Substring, subtype: Substring, weight: Int)? {
        let parts = member.split(separator: ";", omittingEmptySubsequences: false)
        let range = parts[0].trimmingSpaces().lowercased()
        let halves = range.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2, !halves[0].isEmpty, !halves[1].isEmpty, halves[0] != "*" || halves[1] == "*"
        else { return nil }
        var weight = 1000
        for parameter in parts.dropFirst() {
            let trimmed = parameter.trimmingSpaces()
            guard trimmed.count >= 2, trimmed.first == "q" || trimmed.first == "Q", trimmed.dropFirst().first == "="
            else { continue }
            guard let parsed = AcceptEncoding.parseQValue(trimmed.dropFirst(2)) else { return nil }
            weight = parsed
        }
        return (halves[0], halves[1], weight)
    }
}

extension Substring {
    /// Without leading and trailing optional whitespace (SP / HTAB, RFC 9110 §5.6.3).
    fileprivate func trimmingSpaces() -> Substring {
        let isOWS: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isOWS($0) }),
            let end = lastIndex(where: { !isOWS($0) })
        else { return self[endIndex...] }
        return self[start...end]
    }
}
