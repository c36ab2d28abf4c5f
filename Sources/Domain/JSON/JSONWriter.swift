/// Serializes a `JSONValue` for normal API output: compact, UTF-8 (not ASCII-escaped), object
/// members in their stored order.
///
/// Doubles are written with Swift's shortest round-tripping form (`85.87`, `1e-07`), which is
/// valid JSON. JSON has no infinity or NaN; such a value is written as `null`, as JavaScript's
/// `JSON.stringify` does, rather than producing a body no client can parse.
public enum JSONWriter {
    /// The bytes of `value`.
    public static func encode(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(value, to: &output)
        return output
    }

    /// The bytes of `value` as a `String` (for logs and tests).
    public static func encodeString(_ value: JSONValue) -> String {
        String(decoding: encode(value), as: UTF8.self)
    }

    /// Appends the decimal digits of `number`, without making a `String` first (hot paths write
    /// thousands of them: stored ballots and tallies).
    @inlinable
    public static func writeInteger(_ number: Int, to output: inout [UInt8]) {
        writeInteger(Int64(number), to: &output)
    }

    /// Appends the decimal digits of `number`: built backwards in a stack buffer, appended once.
    @inlinable
    public static func writeInteger(_ number: Int64, to output: inout [UInt8]) {
        var magnitude = number.magnitude
        if number >= 0 && magnitude < 10 { return output.append(UInt8(ascii: "0") + UInt8(magnitude)) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var start = 20
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if number < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<20]))
        }
    }

    /// Appends `value` to `output`, for callers that assemble a larger body.
    public static func write(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): writeInteger(number, to: &output)
        case .double(let number):
            output.append(contentsOf: (number.isFinite ? number.description : "null").utf8)
        case .string(let text): JSONStringEscaper.append(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (position, entry) in object.entries.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                JSONStringEscaper.append(entry.key, to: &output)
                output.append(UInt8(ascii: ":"))
                write(entry.value, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }
}
