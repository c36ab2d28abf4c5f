import Testing

@testable import Domain

@Suite struct JSONObjectTests {
    @Test func subscriptReplacesInPlaceAppendsAndRemoves() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = 10
        object["c"] = 3
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(object["a"] == 10)
        #expect(object["b"] == nil)
    }

    @Test func distinguishesNullFromAbsent() {
        let object: JSONObject = ["a": nil]
        #expect(object.contains("a"))
        #expect(object["a"] == .null)
        #expect(!object.contains("b"))
    }

    @Test func equalityIgnoresMemberOrder() {
        let first: JSONObject = ["a": 1, "b": [1, 2]]
        let second: JSONObject = ["b": [1, 2], "a": 1]
        #expect(first == second)
        #expect(first != ["a": 1, "b": [2, 1]])
        #expect(first != ["a": 1])
    }

    @Test func literalWithRepeatedKeyKeepsTheLastValue() {
        let object: JSONObject = ["a": 1, "b": 2, "a": 3]
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
    }
}
