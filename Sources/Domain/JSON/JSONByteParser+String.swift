extension JSONByteParser {
    /// Parses a string (RFC 8259 §7) starting at its opening quote.
    ///
    /// The common case has no escapes: the bytes between the quotes become a `String` directly,
    /// validated as UTF-8 on the way. At the first backslash the string is rebuilt in a scratch
    /// buffer.
    mutating func parseString() throws(JSONParseError) -> String {
        let opening = index
        index += 1
        let start = index
        while index < count {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                let text = try makeString(
                    UnsafeBufferPointer(start: base + start, count: index - start), sourceStart: start)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw syntaxError("unescaped control character in string") }
            index += 1
        }
        guard index < count else { throw .syntax(offset: opening, message: "unterminated string") }
        return try parseEscapedString(opening: opening, start: start)
    }

    /// The slow path: continues a string from its first backslash, decoding escapes.
    private mutating func parseEscapedString(opening: Int, start: Int) throws(JSONParseError) -> String {
        let sourceStart = start
        var scratch: [UInt8] = []
        scratch.reserveCapacity(index - start + 16)
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start))
        while index < count {
            let byte = base[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return try scratch.withUnsafeBufferPointer { bytes throws(JSONParseError) in
                    try makeString(bytes, sourceStart: sourceStart)
                }
            case UInt8(ascii: "\\"):
                try parseEscape(into: &scratch)
            case 0x00..<0x20:
                throw syntaxError("unescaped control character in string")
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw .syntax(offset: opening, message: "unterminated string")
    }

    /// Builds a string from UTF-8 bytes, or reports where they are malformed. Escapes only add
    /// complete sequences, so a malformed sequence in `bytes` is also one in the source string
    /// starting at `sourceStart`, and the offset is found there. (`String(validating:)` does the
    /// same job but measured twice as slow here.)
    private func makeString(_ bytes: UnsafeBufferPointer<UInt8>, sourceStart: Int) throws(JSONParseError) -> String {
        if UTF8Validator.firstInvalidOffset(in: bytes) != nil {
            let source = UnsafeBufferPointer(start: base + sourceStart, count: index - sourceStart)
            throw .invalidUTF8(offset: sourceStart + (UTF8Validator.firstInvalidOffset(in: source) ?? 0))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes one escape sequence starting at its backslash and appends its UTF-8.
    private mutating func parseEscape(into scratch: inout [UInt8]) throws(JSONParseError) {
        index += 1
        guard index < count else { throw syntaxError("unterminated escape sequence") }
        let simple: UInt8
        switch base[index] {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            let scalar = try parseUnicodeEscape()
            scratch.append(contentsOf: UTF8.encode(scalar)!)
            return
        default:
            throw syntaxError("invalid escape sequence")
        }
        scratch.append(simple)
        index += 1
    }

    /// Decodes `\uXXXX`, or a `\uD8xx\uDCxx` surrogate pair, into one scalar. A lone surrogate
    /// cannot be represented in a Swift `String` (nor in valid UTF-8), so it is refused.
    private mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
        let escapeStart = index - 1
        index += 1
        let unit = try parseHex4()
        switch unit {
        case 0xD800...0xDBFF:
            guard index + 1 < count, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u") else {
                throw .syntax(offset: escapeStart, message: "unpaired surrogate in \\u escape")
            }
            index += 2
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw .syntax(offset: escapeStart, message: "unpaired surrogate in \\u escape")
            }
            let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            return Unicode.Scalar(value)!
        case 0xDC00...0xDFFF:
            throw .syntax(offset: escapeStart, message: "unpaired surrogate in \\u escape")
        default:
            return Unicode.Scalar(unit)!
        }
    }

    /// Reads exactly four hex digits (either case).
    private mutating func parseHex4() throws(JSONParseError) -> UInt16 {
        guard index + 4 <= count else { throw syntaxError("\\u escape needs four hex digits") }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = base[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntaxError("\\u escape needs four hex digits")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }
}
