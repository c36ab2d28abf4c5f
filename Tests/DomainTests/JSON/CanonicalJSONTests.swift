import Testing

@testable import Domain

@Suite struct CanonicalJSONTests {
    /// Expected bytes were produced once by running, for each input text,
    /// `json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"), ensure_ascii=False)`
    /// with Python 3.11 on this machine (script kept out of the repo; the literals are pasted
    /// verbatim). Invisible characters in the expected output are written as `\#u{…}`.
    @Test(arguments: [
        (
            "chinese", #"{"name":"牛马司镇","code":"niumasi","post":"党委书记"}"#,
            #"{"code":"niumasi","name":"牛马司镇","post":"党委书记"}"#
        ),
        ("emojiAndInvisibles", #"{"s":"😀 \u007f \u2028 \u00e9 🇨🇳"}"#, #"{"s":"😀 \#u{7F} \#u{2028} é 🇨🇳"}"#),
        (
            "quotesBackslashControls", #"{"q":"say \"hi\" \\ C:\\path / \n\r\t\b\f \u0000 \u0001 \u001f \u001B"}"#,
            #"{"q":"say \"hi\" \\ C:\\path / \n\r\t\b\f \u0000 \u0001 \u001f \u001b"}"#
        ),
        (
            "nestedObjects", #"{"b":{"z":[1,{"y":null,"x":true}],"a":false},"a":[[],{}]}"#,
            #"{"a":[[],{}],"b":{"a":false,"z":[1,{"x":true,"y":null}]}}"#
        ),
        (
            "mixedKeyOrder",
            #"{"b":1,"B":2,"a":3,"A":4,"张":5,"中":6,"_":7,"1":8,"é":9,"😀":10,"ｚ":11,"a b":12,"":13,"aa":14,"\u212b":15,"\u00c6":16}"#,
            #"{"":13,"1":8,"A":4,"B":2,"_":7,"a":3,"a b":12,"aa":14,"b":1,"Æ":16,"é":9,"\#u{212B}":15,"中":6,"张":5,"ｚ":11,"😀":10}"#
        ),
        ("emptyContainers", #"{"a":{},"b":[],"c":"","d":[{}]}"#, #"{"a":{},"b":[],"c":"","d":[{}]}"#),
        (
            "integers", #"{"n":-5,"min":-9223372036854775808,"max":9223372036854775807,"zero":0,"neg0":-0}"#,
            #"{"max":9223372036854775807,"min":-9223372036854775808,"n":-5,"neg0":0,"zero":0}"#
        ),
        ("topLevelArray", #"[null,true,false,"x",-1,[]]"#, #"[null,true,false,"x",-1,[]]"#),
    ])
    func matchesPythonByteForByte(name: String, input: String, python: String) throws {
        let value = try JSONParser.parse(input)
        let bytes = try CanonicalJSON.encode(value)
        #expect(bytes == Array(python.utf8), "\(name): \(String(decoding: bytes, as: UTF8.self))")
    }

    @Test func sortsKeysByCodePointNotBySwiftStringOrder() throws {
        // U+212B ANGSTROM SIGN normalises to U+00C5, so Swift's `<` puts it before U+00C6;
        // Python compares code points and puts it after.
        let angstrom = "\u{212B}"
        let ae = "\u{C6}"
        #expect(angstrom < ae)
        let bytes = try CanonicalJSON.encode(.object(JSONObject([(angstrom, 1), (ae, 2)])))
        #expect(String(decoding: bytes, as: UTF8.self) == "{\"\u{C6}\":2,\"\u{212B}\":1}")
    }

    @Test func ignoresMemberOrder() throws {
        let first = try CanonicalJSON.encode(["b": 1, "a": ["y": 2, "x": 3]])
        let second = try CanonicalJSON.encode(["a": ["x": 3, "y": 2], "b": 1])
        #expect(first == second)
    }

    @Test func refusesFloatsAndSaysWhere() {
        #expect(throws: CanonicalJSON.EncodingError.nonIntegerNumber(path: "data.scores[1]")) {
            try CanonicalJSON.encode(["data": ["scores": [1, 85.87]]])
        }
        #expect(throws: CanonicalJSON.EncodingError.nonIntegerNumber(path: "[1][0].a")) {
            try CanonicalJSON.encode([1, [["a": 0.5]]])
        }
        #expect(throws: CanonicalJSON.EncodingError.nonIntegerNumber(path: "")) {
            try CanonicalJSON.encode(.double(80))
        }
    }
}
