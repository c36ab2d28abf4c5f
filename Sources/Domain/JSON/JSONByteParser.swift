/// The recursive-descent machine behind `JSONParser`, over a buffer already known to be UTF-8.
///
/// Grammar references are to RFC 8259: §2 (structure and whitespace), §4 (objects), §5 (arrays),
/// §6 (numbers) and §7 (strings).
struct JSONByteParser {
    let base: UnsafePointer<UInt8>
    let count: Int
    let maxDepth: Int
    var index = 0
    var depth = 0

    init(base: UnsafePointer<UInt8>, count: Int, maxDepth: Int) {
        self.base = base
        self.count = count
        self.maxDepth = maxDepth
    }

    /// `JSON-text = ws value ws` (§2), after skipping an optional byte order mark.
    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF {
            index = 3
        }
        let value = try parseValue()
        skipWhitespace()
        guard index == count else { throw syntaxError("unexpected data after the JSON value") }
        return value
    }

    /// `value = false / null / true / object / array / number / string` (§3).
    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard index < count else { throw syntaxError("unexpected end of input, expected a value") }
        switch base[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw syntaxError("unexpected \(describeCurrentByte()), expected a value")
        }
    }

    /// `object = begin-object [ member *( value-separator member ) ] end-object` (§4), with
    /// duplicate keys refused. Small objects are checked by a linear scan; past 16 members a
    /// set takes over so a hostile body cannot make the check quadratic.
    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        var entries: [(key: String, value: JSONValue)] = []
        entries.reserveCapacity(8)
        var keySet: Set<String>? = nil
        skipWhitespace()
        if consume(UInt8(ascii: "}")) {
            depth -= 1
            return .object(JSONObject(entries))
        }
        while true {
            skipWhitespace()
            guard index < count, base[index] == UInt8(ascii: "\"") else {
                throw syntaxError(peek(UInt8(ascii: "}")) ? "trailing comma in object" : "expected a string key")
            }
            let key = try parseString()
            if keySet != nil {
                guard keySet!.insert(key).inserted else { throw .duplicateKey(key) }
            } else {
                if entries.contains(where: { $0.key == key }) { throw .duplicateKey(key) }
                if entries.count == 15 { keySet = Set(entries.map(\.key) + [key]) }
            }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw syntaxError("expected ':' after an object key") }
            entries.append((key, try parseValue()))
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "}")) { break }
            throw syntaxError(index < count ? "expected ',' or '}' in object" : "unterminated object")
        }
        depth -= 1
        return .object(JSONObject(entries))
    }

    /// `array = begin-array [ value *( value-separator value ) ] end-array` (§5).
    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []
        elements.reserveCapacity(8)
        skipWhitespace()
        if consume(UInt8(ascii: "]")) {
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if peek(UInt8(ascii: "]")) { throw syntaxError("trailing comma in array") }
            elements.append(try parseValue())
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "]")) { break }
            throw syntaxError(index < count ? "expected ',' or ']' in array" : "unterminated array")
        }
        depth -= 1
        return .array(elements)
    }

    /// Steps over an opening bracket, enforcing the nesting limit.
    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        guard depth <= maxDepth else { throw .tooDeep(limit: maxDepth) }
        index += 1
    }

    /// Matches `true`, `false` or `null` exactly; `nul`, `True` and `nullx` are all errors.
    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let length = literal.utf8CodeUnitCount
        let text = literal.utf8Start
        guard index + length <= count else { throw syntaxError("invalid literal") }
        for offset in 0..<length where base[index + offset] != text[offset] {
            throw syntaxError("invalid literal")
        }
        index += length
    }

    /// `ws = *( %x20 / %x09 / %x0A / %x0D )` (§2).
    mutating func skipWhitespace() {
        while index < count {
            switch base[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Steps over `byte` if it is next.
    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < count, base[index] == byte else { return false }
        index += 1
        return true
    }

    /// Whether `byte` is next.
    private func peek(_ byte: UInt8) -> Bool {
        index < count && base[index] == byte
    }

    /// A syntax error at the current position — unless the byte there starts malformed UTF-8,
    /// which is the more useful diagnosis (a body in the wrong encoding).
    func syntaxError(_ message: String) -> JSONParseError {
        if index < count && base[index] >= 0x80,
            UTF8Validator.firstInvalidOffset(in: UnsafeBufferPointer(start: base + index, count: min(4, count - index)))
                == 0
        {
            return .invalidUTF8(offset: index)
        }
        return .syntax(offset: index, message: message)
    }

    /// The current byte for a message: printable ASCII quoted, anything else as hex.
    func describeCurrentByte() -> String {
        let byte = base[index]
        if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}
