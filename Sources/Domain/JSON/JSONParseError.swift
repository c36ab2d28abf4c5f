/// Why a request body is not acceptable JSON. All of these map to 400 Bad Request; `message`
/// is written for the problem `detail`; it quotes at most a key, never the body.
public enum JSONParseError: Error, Equatable, Sendable {
    /// The bytes are not UTF-8 (RFC 8259 §8.1); `offset` is the first bad byte.
    case invalidUTF8(offset: Int)
    /// The text breaks the JSON grammar at `offset` (a byte offset into the body).
    case syntax(offset: Int, message: String)
    /// An object names the same key twice. RFC 8259 §4 leaves this undefined; we refuse it so
    /// that no two components can read different values from one body.
    case duplicateKey(String)
    /// Arrays and objects nest deeper than the parser's limit.
    case tooDeep(limit: Int)

    /// A one-line human explanation.
    public var message: String {
        switch self {
        case .invalidUTF8(let offset): "Body is not valid UTF-8 (byte \(offset))."
        case .syntax(let offset, let message): "Malformed JSON at byte \(offset): \(message)."
        case .duplicateKey(let key): "Malformed JSON: duplicate key \"\(key)\"."
        case .tooDeep(let limit): "Malformed JSON: nested deeper than \(limit) levels."
        }
    }
}
