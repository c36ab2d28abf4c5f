import Testing

@testable import Domain

/// The error `text` produces, or nil if it parses.
private func parseError(_ bytes: [UInt8]) -> JSONParseError? {
    do {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch {
        return error
    }
}

private func parseError(_ text: String) -> JSONParseError? {
    parseError(Array(text.utf8))
}

private func isSyntaxError(_ error: JSONParseError?) -> Bool {
    if case .syntax? = error { true } else { false }
}

@Suite struct JSONParserTests {
    @Test(
        arguments: [
            ("null", JSONValue.null),
            ("true", .bool(true)),
            (" \t\r\n false \n", .bool(false)),
            ("0", .int(0)),
            ("-0", .int(0)),
            ("80", .int(80)),
            ("-17", .int(-17)),
            ("9223372036854775807", .int(Int64.max)),
            ("-9223372036854775808", .int(Int64.min)),
            ("9223372036854775808", .double(9.223372036854775808e18)),
            ("80.0", .double(80)),
            ("8e1", .double(80)),
            ("8E+1", .double(80)),
            ("-1.5e-3", .double(-0.0015)),
            ("0.25", .double(0.25)),
            (#""""#, .string("")),
            (#""牛马司镇 😀""#, .string("牛马司镇 😀")),
            (#""a\"b\\c\/d\b\f\n\r\t""#, .string("a\"b\\c/d\u{8}\u{C}\n\r\t")),
            (#""\u0041\u00e9\u4E2D\ud83d\ude00""#, .string("Aé中😀")),
            (#""\u0000""#, .string("\u{0}")),
            ("[]", .array([])),
            ("{}", .object(JSONObject())),
            (#"[1, "x", null, [true]]"#, .array([.int(1), .string("x"), .null, .array([.bool(true)])])),
            (#"{"a": {"b": [1, 2]}, "c": null}"#, ["a": ["b": [1, 2]], "c": nil]),
        ] as [(String, JSONValue)])
    func acceptsValidJSON(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(text) == expected)
    }

    @Test(arguments: [
        "", "   ", "nul", "True", "nullx", "NaN", "Infinity", "-Infinity", "+1", "01", "-01", "00",
        ".5", "1.", "1.e3", "1e", "1e+", "-", "0x10", "[1,]", "[,1]", "[1 2]", "{\"a\":1,}",
        "{\"a\" 1}", "{a:1}", "{'a':1}", "['a']", "[1]]", "[1] [2]", "{\"a\":1}}", "[", "{",
        "\"abc", "\"a\\x\"", "\"\\u12\"", "\"\\u12G4\"", "// c\n1", "/* c */ 1", "[1] // c",
        "\"tab\there\"", "\"line\nbreak\"", "\"\u{1F}\"", "1e400", "-1e400",
        "\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"", "\"\\ud83dx\"",
        "\u{A0}1", "１",
    ])
    func rejectsMalformedJSON(text: String) {
        #expect(isSyntaxError(parseError(text)), "accepted or misclassified: \(text.debugDescription)")
    }

    @Test func reportsTheOffsetOfTheProblem() {
        #expect(parseError("[1, 2,]") == .syntax(offset: 6, message: "trailing comma in array"))
        #expect(parseError("{\"a\":01}") == .syntax(offset: 5, message: "leading zeros are not allowed"))
        #expect(parseError("[1] x") == .syntax(offset: 4, message: "unexpected data after the JSON value"))
    }

    @Test(
        arguments: [
            ([0xFF], 0),
            ([0x22, 0xC0, 0xAF, 0x22], 1),  // overlong "/"
            ([0x22, 0xE4, 0xB8, 0x22], 1),  // truncated 中
            ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),  // encoded surrogate U+D800
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),  // above U+10FFFF
            // A lone continuation byte just after the eight-byte ASCII fast path.
            ([0x22, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x80, 0x22], 10),
            ([0x5B, 0x31, 0x5D, 0x20, 0xFE], 4),  // outside any string
            ([0x22, 0x5C, 0x6E, 0xE4, 0xB8, 0x5C, 0x74, 0x22], 3),  // truncated 中 between escapes
            ([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], 2),  // inside an object key
            ([0x5B, 0x31, 0x2C, 0xC3, 0x28, 0x5D], 3),  // where a value should start
        ] as [([UInt8], Int)])
    func rejectsInvalidUTF8WithItsOffset(bytes: [UInt8], offset: Int) {
        #expect(parseError(bytes) == .invalidUTF8(offset: offset))
    }

    @Test func acceptsALeadingByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\":1}".utf8)) == ["a": 1])
    }

    @Test func rejectsDuplicateKeys() {
        #expect(parseError(#"{"a":1,"b":2,"a":3}"#) == .duplicateKey("a"))
    }

    @Test func rejectsDuplicateKeysInLargeObjects() {
        let members = (0..<40).map { "\"k\($0)\":\($0)" } + ["\"k7\":0"]
        #expect(parseError("{" + members.joined(separator: ",") + "}") == .duplicateKey("k7"))
    }

    @Test func allowsTheSameKeyInDifferentObjects() throws {
        let value = try JSONParser.parse(#"[{"a":1},{"a":2},{"b":{"a":3}}]"#)
        #expect(value == [["a": 1], ["a": 2], ["b": ["a": 3]]])
    }

    @Test func keepsMemberOrderAsReceived() throws {
        let value = try JSONParser.parse(#"{"z":1,"中":2,"a":3,"B":4}"#)
        #expect(value.objectValue?.keys == ["z", "中", "a", "B"])
    }

    @Test func acceptsNestingUpToTheLimit() throws {
        let depth = JSONParser.defaultMaxDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: Never.self) { try JSONParser.parse(text) }
    }

    @Test func rejectsNestingBeyondTheLimit() {
        let depth = JSONParser.defaultMaxDepth + 1
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let objects = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
        #expect(parseError(arrays) == .tooDeep(limit: JSONParser.defaultMaxDepth))
        #expect(parseError(objects) == .tooDeep(limit: JSONParser.defaultMaxDepth))
    }

    @Test func survivesHostileNestingWithoutCrashing() {
        #expect(parseError(String(repeating: "[", count: 100_000)) == .tooDeep(limit: JSONParser.defaultMaxDepth))
    }

    @Test func parsesFromAnyByteCollection() throws {
        let slice = Array("xx[1,2]".utf8)[2...]
        #expect(try JSONParser.parse(slice) == [1, 2])
        #expect(try JSONParser.parse(Array("[3]".utf8).lazy.map { $0 }) == [3])
    }

    @Test func readsWhatTheWriterWrites() throws {
        let value: JSONValue = [
            "name": "张三 \"老张\"\n", "scores": [80, -1, 0.5], "ok": true, "none": nil,
            "nested": ["emoji": "😀\u{7F}\u{2028}", "control": "\u{1}\u{1F}"],
        ]
        #expect(try JSONParser.parse(JSONWriter.encode(value)) == value)
    }
}
