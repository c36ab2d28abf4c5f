/// The languages problem details are written in: English, the source text and the default for
/// API clients, and Chinese for the township's pages and console (contract §8).
enum Language: Sendable, Equatable {
    case english
    case chinese

    /// The `Content-Language` tag of a response in this language.
    var tag: String {
        switch self {
        case .english: "en"
        case .chinese: "zh-CN"
        }
    }

    /// The language an `Accept-Language` field (its field lines, RFC 9110 §12.5.4) prefers.
    ///
    /// Each member is a language range with an optional weight `;q=` (0 to 1, default 1). A
    /// range whose primary subtag is `zh` (`zh`, `zh-CN`, `zh-Hans-CN` …) asks for Chinese; one
    /// whose primary subtag is `en`, or `*`, counts for English. Chinese is chosen when its best
    /// weight is above zero and above English's, or equal to it and listed first; so
    /// `zh-CN,zh;q=0.9,en;q=0.8` → Chinese, `en,zh;q=0.5` → English, `zh;q=0` → English,
    /// `*` → English, and no field → English. A malformed member is ignored.
    static func preferred(byAcceptLanguage values: [String]) -> Language {
        var chinese: (weight: Double, position: Int)?
        var english: (weight: Double, position: Int)?
        var position = 0
        for value in values {
            for member in value.split(separator: ",") {
                position += 1
                guard let (range, weight) = parse(member) else { continue }
                let primary = range.split(separator: "-", maxSplits: 1).first.map(String.init) ?? range
                if primary == "zh" {
                    if weight > (chinese?.weight ?? -1) { chinese = (weight, position) }
                } else if primary == "en" || range == "*" {
                    if weight > (english?.weight ?? -1) { english = (weight, position) }
                }
            }
        }
        guard let chinese, chinese.weight > 0 else { return .english }
        guard let english else { return .chinese }
        if chinese.weight != english.weight { return chinese.weight > english.weight ? .chinese : .english }
        return chinese.position < english.position ? .chinese : .english
    }

    /// One member `range *( OWS ";" OWS parameter )`, lowercased, with its weight; nil when
    /// the range is empty or the weight is not a qvalue (`0`–`1` with at most three decimals).
    private static func parse(_ member: Substring) -> (range: String, weight: Double)? {
        let parts = member.split(separator: ";", omittingEmptySubsequences: false).map {
            $0.trimmingWhitespace.lowercased()
        }
        guard let range = parts.first, !range.isEmpty,
            range.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "*") })
        else { return nil }
        var weight = 1.0
        for parameter in parts.dropFirst() {
            guard parameter.hasPrefix("q=") else { continue }
            guard let value = qvalue(parameter.dropFirst(2)) else { return nil }
            weight = value
        }
        return (range, weight)
    }

    /// RFC 9110 §12.4.2: `( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`.
    private static func qvalue(_ text: Substring) -> Double? {
        guard let first = text.first, first == "0" || first == "1" else { return nil }
        let rest = text.dropFirst()
        if !rest.isEmpty {
            guard rest.first == ".", rest.count <= 4, rest.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })
            else { return nil }
            if first == "1", rest.dropFirst().contains(where: { $0 != "0" }) { return nil }
        }
        return Double(text)
    }
}
