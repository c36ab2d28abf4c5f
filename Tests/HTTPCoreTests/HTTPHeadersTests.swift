import Testing

@testable import HTTPCore

/// Header names compare without regard to ASCII case, and only ASCII case.
@Suite struct HTTPHeadersTests {
    @Test(arguments: [
        ("Content-Type", "content-type", true), ("X-REQUEST-ID", "x-request-id", true), ("", "", true),
        ("Content-Type", "Content-Typf", false), ("Content-Type", "Content-Length", false),
        ("a[", "A{", false), ("a@", "A`", false), ("é", "É", false),
    ])
    func headerNamesCompareIgnoringASCIICaseOnly(a: String, b: String, equal: Bool) {
        #expect(a.caseInsensitiveEquals(b) == equal)
        #expect(b.caseInsensitiveEquals(a) == equal)
    }

    @Test func lookupsIgnoreCaseAndSetReplacesEveryLine() {
        var headers: HTTPHeaders = ["Vary": "Origin"]
        headers.add("VARY", "Cookie")
        #expect(headers.values("vary") == ["Origin", "Cookie"])
        headers.set("vary", "Accept-Encoding")
        #expect(headers.fields.map(\.name) == ["vary"])
        #expect(headers["VARY"] == "Accept-Encoding")
    }
}
