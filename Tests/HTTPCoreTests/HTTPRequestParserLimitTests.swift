import Testing

@testable import HTTPCore

/// The configurable limits: 431 header section, 413 body, 414 request line, and the fixed
/// field-count and chunk-line bounds.
struct HTTPRequestParserLimitTests {
    /// A GET whose header section (request line through the final CRLF) is exactly `size` bytes.
    static func head(ofSize size: Int) -> String {
        let fixed = "GET / HTTP/1.1\r\nHost: example.com\r\nX: \r\n\r\n"
        let padding = String(repeating: "a", count: size - fixed.utf8.count)
        return "GET / HTTP/1.1\r\nHost: example.com\r\nX: \(padding)\r\n\r\n"
    }

    @Test(arguments: [64, 100, 16 * 1024])
    func acceptsHeaderSectionExactlyAtLimit(limit: Int) {
        let raw = Self.head(ofSize: limit)
        #expect(raw.utf8.count == limit)
        let padding = String(repeating: "a", count: limit - 42)
        ParserFixture.expectParses(
            raw, as: ParsedRequest(headers: ["Host: example.com", "X: \(padding)"]),
            limits: HTTPParserLimits(maxHeaderBytes: limit))
    }

    @Test(arguments: [64, 100, 16 * 1024])
    func rejectsHeaderSectionOneByteOverLimit(limit: Int) {
        ParserFixture.expectFails(
            Self.head(ofSize: limit + 1), with: .headersTooLarge,
            limits: HTTPParserLimits(maxHeaderBytes: limit))
    }

    @Test func rejectsOversizedHeaderBeforeItsEndArrives() {
        // Without the final "\r\n\r\n" the section can only grow: 431 must not wait for it.
        let raw = String(decoding: Self.head(ofSize: 101).utf8.dropLast(4), as: UTF8.self)
        let result = ParserFixture.feed(
            raw, mode: .whole, limits: HTTPParserLimits(maxHeaderBytes: 100))
        #expect(result.error == .headersTooLarge)
    }

    @Test func countsTrailersTowardHeaderLimit() {
        let fields = "Transfer-Encoding: chunked\r\n"
        let raw = "POST / HTTP/1.1\r\nHost: example.com\r\n\(fields)\r\n0\r\nX-Trailer: abcdef\r\n\r\n"
        // 66 header bytes + 19 for the trailer line + 2 for the final CRLF = 87.
        ParserFixture.expectFails(
            raw, with: .headersTooLarge, limits: HTTPParserLimits(maxHeaderBytes: 86))
        ParserFixture.expectParses(
            raw,
            as: ParsedRequest(
                method: "POST", headers: ["Host: example.com", "Transfer-Encoding: chunked"],
                trailers: ["X-Trailer: abcdef"]),
            limits: HTTPParserLimits(maxHeaderBytes: 87))
    }

    @Test(arguments: [(100, true), (101, false)])
    func limitsFieldCount(count: Int, accepted: Bool) {
        let extra = (1..<count).map { "X-\($0): v\r\n" }.joined()
        let raw = "GET / HTTP/1.1\r\nHost: example.com\r\n\(extra)\r\n"
        let result = ParserFixture.feed(raw, mode: .whole)
        #expect(result.error == (accepted ? nil : .headersTooLarge))
        #expect(result.requests.first?.headers.count == (accepted ? count : nil))
    }

    @Test func acceptsRequestLineExactlyAtLimit() {
        let line = "GET /" + String(repeating: "a", count: 18) + " HTTP/1.1"
        #expect(line.utf8.count == 32)
        ParserFixture.expectParses(
            line + "\r\nHost: example.com\r\n\r\n",
            as: ParsedRequest(target: "/" + String(repeating: "a", count: 18)),
            limits: HTTPParserLimits(maxRequestLineBytes: 32))
    }

    @Test(arguments: [
        "GET /" + String(repeating: "a", count: 19) + " HTTP/1.1\r\nHost: example.com\r\n\r\n",
        "GET /" + String(repeating: "a", count: 100),
    ])
    func rejectsLongRequestLineWithURITooLong(raw: String) {
        ParserFixture.expectFails(
            raw, with: .uriTooLong, limits: HTTPParserLimits(maxRequestLineBytes: 32))
    }

    /// No space before the limit: the method is what is too long (RFC 9112 §3: 501), however
    /// the bytes arrive.
    @Test(arguments: [
        String(repeating: "A", count: 40) + " / HTTP/1.1\r\nHost: example.com\r\n\r\n",
        String(repeating: "A", count: 33),
    ])
    func rejectsLongMethodWithNotImplemented(raw: String) {
        ParserFixture.expectFails(
            raw, with: .methodTooLong, limits: HTTPParserLimits(maxRequestLineBytes: 32))
    }

    @Test func rejectsDefaultSizedLongTargetWithURITooLong() {
        let target = "/" + String(repeating: "x", count: 8 * 1024)
        ParserFixture.expectFails(
            "GET \(target) HTTP/1.1\r\nHost: example.com\r\n\r\n", with: .uriTooLong)
    }

    @Test(arguments: [
        ("Content-Length: 16\r\n\r\n0123456789abcdef", "0123456789abcdef"),
        ("Transfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n", "0123456789abcdef"),
        ("Transfer-Encoding: chunked\r\n\r\n8\r\n01234567\r\n8\r\n89abcdef\r\n0\r\n\r\n", "0123456789abcdef"),
    ])
    func acceptsBodyExactlyAtLimit(rest: String, body: String) {
        let result = ParserFixture.feed(
            "POST / HTTP/1.1\r\nHost: example.com\r\n" + rest, mode: .byteByByte,
            limits: HTTPParserLimits(maxBodyBytes: 16))
        #expect(result.error == nil)
        #expect(result.requests.first?.body == body)
    }

    @Test(arguments: [
        "Content-Length: 17\r\n\r\n",
        "Transfer-Encoding: chunked\r\n\r\n11\r\n",
        "Transfer-Encoding: chunked\r\n\r\n8\r\n01234567\r\n9\r\n",
        "Transfer-Encoding: chunked\r\n\r\n7FFFFFFFFFFFFFFF\r\n",
    ])
    func rejectsBodyOverLimitBeforeReadingIt(rest: String) {
        ParserFixture.expectFails(
            "POST / HTTP/1.1\r\nHost: example.com\r\n" + rest, with: .payloadTooLarge,
            limits: HTTPParserLimits(maxBodyBytes: 16))
    }
}
