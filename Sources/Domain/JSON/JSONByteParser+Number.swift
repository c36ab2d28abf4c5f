extension JSONByteParser {
    /// Parses `number = [ minus ] int [ frac ] [ exp ]` with `int = zero / ( digit1-9 *DIGIT )`
    /// (RFC 8259 §6).
    ///
    /// A number with neither fraction nor exponent that fits in Int64 becomes `.int`; any other
    /// becomes `.double` (so `80.0` and `8e1` are not integers). A value too large for a Double
    /// is refused rather than turned into infinity, which JSON cannot express.
    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        let negative = base[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard isDigit() else { throw syntaxError("expected a digit") }
        if base[index] == UInt8(ascii: "0") {
            index += 1
            if isDigit() { throw .syntax(offset: start, message: "leading zeros are not allowed") }
        } else {
            skipDigits()
        }
        let integerEnd = index
        var isInteger = true
        if index < count && base[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard isDigit() else { throw syntaxError("expected a digit after '.'") }
            skipDigits()
        }
        if index < count && (base[index] == UInt8(ascii: "e") || base[index] == UInt8(ascii: "E")) {
            isInteger = false
            index += 1
            if index < count && (base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard isDigit() else { throw syntaxError("expected a digit in the exponent") }
            skipDigits()
        }
        if isInteger,
            let value = integerValue(digitsFrom: negative ? start + 1 : start, to: integerEnd, negative: negative)
        {
            return .int(value)
        }
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw .syntax(offset: start, message: "number out of range")
        }
        return .double(value)
    }

    /// The Int64 value of the digits in `from..<to`, or nil on overflow. Accumulates negatively
    /// so that Int64.min, whose magnitude has no positive Int64, still parses.
    private func integerValue(digitsFrom from: Int, to: Int, negative: Bool) -> Int64? {
        var value: Int64 = 0
        for position in from..<to {
            let digit = Int64(base[position] - UInt8(ascii: "0"))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.subtractingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = next
        }
        if negative { return value }
        let (positive, overflow) = Int64(0).subtractingReportingOverflow(value)
        return overflow ? nil : positive
    }

    private func isDigit() -> Bool {
        index < count && base[index] >= UInt8(ascii: "0") && base[index] <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while isDigit() { index += 1 }
    }
}
