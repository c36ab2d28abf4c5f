import Testing

@testable import Domain

/// A reader over the object parsed from `text`.
private func reader(_ text: String, path: String = "", row: Int? = nil) throws -> JSONObjectReader {
    let object = try #require(try JSONParser.parse(text).objectValue)
    return JSONObjectReader(object, path: path, row: row)
}

@Suite struct JSONObjectReaderTests {
    @Test func readsWellTypedMembersWithoutErrors() throws {
        var body = try reader(#"{"name":"民政办","id":3,"weight":0.5,"active":true,"ids":[1,2],"scale":{"min":0}}"#)
        #expect(body.string("name") == "民政办")
        #expect(body.int("id") == 3)
        #expect(body.double("weight") == 0.5)
        #expect(body.bool("active") == true)
        #expect(body.intArray("ids") == [1, 2])
        #expect(body.object("scale") == ["min": 0])
        body.finish(allowed: ["name", "id", "weight", "active", "ids", "scale"])
        #expect(body.errors.isEmpty)
    }

    @Test(arguments: [
        (#"{"n":80.0}"#, "must be an integer"),
        (#"{"n":8e1}"#, "must be an integer"),
        (#"{"n":"80"}"#, "must be an integer"),
        (#"{"n":true}"#, "must be an integer"),
        (#"{"n":null}"#, "is required"),
        (#"{}"#, "is required"),
    ])
    func refusesNonIntegers(text: String, message: String) throws {
        var body = try reader(text)
        #expect(body.int("n") == nil)
        #expect(body.errors == [FieldError(field: "n", message: message)])
    }

    @Test func treatsNullAndAbsentOptionalMembersAlike() throws {
        var body = try reader(#"{"comment":null}"#)
        #expect(body.string("comment", required: false) == nil)
        #expect(body.int("missing", required: false) == nil)
        #expect(body.errors.isEmpty)
    }

    @Test func checksIntegerRanges() throws {
        var body = try reader(#"{"low":-1,"ok":100,"high":101}"#)
        #expect(body.int("low", range: 0...100) == nil)
        #expect(body.int("ok", range: 0...100) == 100)
        #expect(body.int("high", range: 0...100) == nil)
        #expect(body.errors.map(\.message) == ["must be between 0 and 100", "must be between 0 and 100"])
    }

    @Test func countsStringLengthInCharactersNotBytes() throws {
        var body = try reader(#"{"five":"希望多下村","six":"希望多下村😀","empty":""}"#)
        #expect(body.string("five", maxLength: 5) == "希望多下村")
        #expect(body.string("six", maxLength: 5) == nil)
        #expect(body.string("empty", minLength: 1) == nil)
        #expect(body.errors.map(\.message) == ["must be at most 5 characters", "must not be empty"])
    }

    @Test func reportsEveryBadArrayElementByIndex() throws {
        var body = try reader(#"{"evaluator_ids":[1,"2",3.0,4]}"#)
        #expect(body.intArray("evaluator_ids") == nil)
        #expect(body.errors.map(\.field) == ["evaluator_ids[1]", "evaluator_ids[2]"])
    }

    @Test func flagsUnknownFieldsInBodyOrder() throws {
        var body = try reader(#"{"zz":1,"name":"x","aa":2}"#)
        _ = body.string("name")
        body.finish(allowed: ["name"])
        #expect(
            body.errors == [
                FieldError(field: "zz", message: "unknown field"), FieldError(field: "aa", message: "unknown field"),
            ])
    }

    @Test func distinguishesAbsentNullAndValue() throws {
        var body = try reader(#"{"a":null,"b":7,"c":"x"}"#)
        #expect(body.nullableInt("a") == .null)
        #expect(body.nullableInt("b") == .value(7))
        #expect(body.nullableInt("missing") == .absent)
        #expect(body.nullableString("c") == .value("x"))
        #expect(body.errors.isEmpty)
        #expect(body.nullableInt("c") == .absent)
        #expect(body.errors == [FieldError(field: "c", message: "must be an integer")])
    }

    @Test func prefixesNestedPathsAndTagsRows() throws {
        var body = try reader(#"{"scale":{"min":"0","max":100,"x":1}}"#, path: "[3]", row: 3)
        let max = body.nested("scale") { scale -> Int64? in
            _ = scale.int("min")
            let max = scale.int("max")
            scale.finish(allowed: ["min", "max"])
            return max
        }
        #expect(max == 100)
        #expect(
            body.errors == [
                FieldError(field: "[3].scale.min", message: "must be an integer", row: 3),
                FieldError(field: "[3].scale.x", message: "unknown field", row: 3),
            ])
    }

    @Test func reportsWrongContainerTypes() throws {
        var body = try reader(#"{"a":[1],"o":{},"b":"yes","d":"1.5"}"#)
        #expect(body.object("a") == nil)
        #expect(body.array("o") == nil)
        #expect(body.bool("b") == nil)
        #expect(body.double("d") == nil)
        #expect(
            body.errors.map(\.message) == [
                "must be an object", "must be an array", "must be true or false", "must be a number",
            ])
    }
}
