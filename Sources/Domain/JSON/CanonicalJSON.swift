/// The canonical JSON form used for archive hashes: byte for byte what Python writes with
/// `json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.
///
/// That is: no whitespace; object keys sorted by Unicode code point; strings escaped as
/// `JSONStringEscaper` describes (raw UTF-8 otherwise); integers in plain decimal; `true`,
/// `false`, `null`. Code-point order is the byte order of UTF-8, so keys are compared by their
/// UTF-8 bytes — Swift's `String <` compares by canonical equivalence and differs from Python.
/// Floating-point numbers are refused: Python's float formatting is not something other
/// tools can reproduce reliably, so records hold integers and decimal strings only.
public enum CanonicalJSON {
    /// Why a value has no canonical form.
    public enum EncodingError: Error, Equatable, Sendable {
        /// A `.double` was found; `path` locates it (`data.scores[2]`).
        case nonIntegerNumber(path: String)
    }

    /// The canonical bytes of `value`.
    public static func encode(_ value: JSONValue) throws(EncodingError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        try write(value, to: &output)
        return output
    }

    /// Appends the canonical form of `value`. The path of a refused number is assembled only
    /// on the way out of an error, so the normal case builds no path strings.
    private static func write(_ value: JSONValue, to output: inout [UInt8]) throws(EncodingError) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): output.append(contentsOf: String(number).utf8)
        case .double: throw .nonIntegerNumber(path: "")
        case .string(let text): JSONStringEscaper.append(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                do throws(EncodingError) {
                    try write(element, to: &output)
                } catch {
                    throw error.inside("[\(position)]")
                }
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            let sorted = object.entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (position, entry) in sorted.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                JSONStringEscaper.append(entry.key, to: &output)
                output.append(UInt8(ascii: ":"))
                do throws(EncodingError) {
                    try write(entry.value, to: &output)
                } catch {
                    throw error.inside(entry.key)
                }
            }
            output.append(UInt8(ascii: "}"))
        }
    }
}

extension CanonicalJSON.EncodingError {
    /// The same error one level up: `component` is a key or an `[index]`.
    fileprivate func inside(_ component: String) -> Self {
        switch self {
        case .nonIntegerNumber(let path):
            let joined =
                path.isEmpty ? component : (path.hasPrefix("[") ? component + path : component + "." + path)
            return .nonIntegerNumber(path: joined)
        }
    }
}
