import Testing

@testable import HTTPCore

@Suite struct EntityTagTests {
    @Test(arguments: [
        (["\"v1\""], "\"v1\"", true),
        (["W/\"v1\""], "\"v1\"", true),
        (["\"v1\""], "W/\"v1\"", true),
        (["\"a\", \"v1\", \"b\""], "\"v1\"", true),
        (["\"a\"", "\"v1\""], "\"v1\"", true),
        (["*"], "\"v1\"", true),
        (["\"a,b\""], "\"a,b\"", true),
        (["\"a,b\""], "\"a\"", false),
        (["\"v2\""], "\"v1\"", false),
        (["v1"], "\"v1\"", false),
        (["\"v1"], "\"v1\"", false),
        (["\"v1\"x"], "\"v1\"", false),
        (["w/\"v1\""], "\"v1\"", false),
        ([""], "\"v1\"", false),
        ([], "\"v1\"", false),
    ])
    func matchesIfNoneMatchWeakly(values: [String], etag: String, matches: Bool) {
        #expect(EntityTag.ifNoneMatch(values, matches: etag) == matches)
    }

    @Test func strongTagIsQuotedAndDistinguishesContent() {
        let a = EntityTag.strong(for: Array("hello".utf8))
        let b = EntityTag.strong(for: Array("hellp".utf8))
        #expect(a.hasPrefix("\"") && a.hasSuffix("\"") && !a.hasPrefix("W/"))
        #expect(a != b)
        #expect(a == EntityTag.strong(for: Array("hello".utf8)))
        #expect(EntityTag.strong(for: []) != EntityTag.strong(for: [0]))
    }
}
