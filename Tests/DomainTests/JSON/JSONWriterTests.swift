import Testing

@testable import Domain

@Suite struct JSONWriterTests {
    @Test(
        arguments: [
            (JSONValue.null, "null"),
            (true, "true"),
            (false, "false"),
            (-42, "-42"),
            (.int(Int64.min), "-9223372036854775808"),
            (85.87, "85.87"),
            (80.0, "80.0"),
            (.double(.nan), "null"),
            (.double(.infinity), "null"),
            ("", #""""#),
            ([], "[]"),
            (.object(JSONObject()), "{}"),
        ] as [(JSONValue, String)])
    func writesScalarsAndEmptyContainers(value: JSONValue, expected: String) {
        #expect(JSONWriter.encodeString(value) == expected)
    }

    @Test(arguments: [0, 7, 9, 10, 99, 100, 101, 1_000_000, -1, -10, Int64.max, Int64.min, Int64.min + 1])
    func writesIntegersAsSwiftPrintsThem(number: Int64) {
        var output: [UInt8] = []
        JSONWriter.writeInteger(number, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == String(number))
    }

    @Test func keepsMemberOrderAndWritesCompactly() {
        let value: JSONValue = ["z": 1, "a": [true, nil], "中": ["k": "v"]]
        #expect(JSONWriter.encodeString(value) == #"{"z":1,"a":[true,null],"中":{"k":"v"}}"#)
    }

    @Test func writesUnicodeRawAndEscapesOnlyWhatJSONRequires() {
        let value: JSONValue = .string("牛马司镇 😀 \u{7F}\u{2028} \"q\" \\ /\n\r\t\u{8}\u{C}\u{0}\u{1B}")
        let expected = "\"牛马司镇 😀 \u{7F}\u{2028} \\\"q\\\" \\\\ /\\n\\r\\t\\b\\f\\u0000\\u001b\""
        #expect(JSONWriter.encodeString(value) == expected)
    }

    @Test func appendsToAnExistingBuffer() {
        var output = Array("prefix:".utf8)
        JSONWriter.write(["a": 1], to: &output)
        #expect(String(decoding: output, as: UTF8.self) == #"prefix:{"a":1}"#)
    }
}
