/// A strict RFC 8259 JSON parser for request bodies.
///
/// Strict means: exactly one value with optional whitespace around it; no comments, trailing
/// commas, single quotes, `NaN`/`Infinity`, leading zeros or leading `+`; strings may not
/// contain raw control characters, and `\u` escapes must pair surrogates correctly; the whole
/// body must be UTF-8; duplicate object keys and nesting deeper than `maxDepth` are refused.
/// The one leniency is a leading UTF-8 byte order mark, which RFC 8259 §8.1 allows a parser
/// to ignore and which some Windows tools still send.
///
/// The parser works on raw bytes. Outside strings only ASCII is legal, so UTF-8 validity only
/// needs checking inside strings, where the `String` is built anyway; a stray non-ASCII byte
/// elsewhere is reported as `invalidUTF8` when it is malformed and as a syntax error otherwise.
public enum JSONParser {
    /// Default nesting limit: far beyond any legitimate request, far below stack trouble.
    public static let defaultMaxDepth = 64

    /// Parses one JSON document from `bytes`.
    public static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = defaultMaxDepth
    ) throws(JSONParseError) -> JSONValue {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw .syntax(offset: 0, message: "empty body")
        }
        var parser = JSONByteParser(base: base, count: bytes.count, maxDepth: maxDepth)
        return try parser.parseDocument()
    }

    /// Parses one JSON document from any byte collection; contiguous storage is read in place.
    public static func parse(
        _ bytes: some Collection<UInt8>, maxDepth: Int = defaultMaxDepth
    ) throws(JSONParseError) -> JSONValue {
        let inPlace = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buffer, maxDepth: maxDepth) }
        }
        if let inPlace { return try inPlace.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) -> JSONValue in try parse(buffer, maxDepth: maxDepth) }
        }.get()
    }

    /// Parses one JSON document from the UTF-8 of `text` (convenient in tests and tools).
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }
}
