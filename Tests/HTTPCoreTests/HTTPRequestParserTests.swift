import Testing

@testable import HTTPCore

/// How the parser behaves as a stream decoder: pipelining, arbitrary splits, the consumed
/// count, `isIdle` and the dead state after an error.
struct HTTPRequestParserTests {
    static let chunkedWithTrailers =
        "POST /c?x=1 HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "3;ext=\"v\"\r\nabc\r\n2\r\nde\r\n0\r\nX-Sum: 5\r\n\r\n"
    static let chunkedParsed = ParsedRequest(
        method: "POST", target: "/c?x=1", path: "/c", query: "x=1",
        headers: ["Host: example.com", "Transfer-Encoding: chunked"], body: "abcde",
        trailers: ["X-Sum: 5"])
    static let lengthBody =
        "\r\nPUT /l HTTP/1.0\r\nHost: h\r\nConnection: keep-alive\r\nContent-Length: 3\r\n\r\nxyz"
    static let lengthParsed = ParsedRequest(
        method: "PUT", target: "/l", version: .http1_0,
        headers: ["Host: h", "Connection: keep-alive", "Content-Length: 3"], body: "xyz")
    static let bodyless = "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"

    @Test(arguments: [
        (chunkedWithTrailers, chunkedParsed), (lengthBody, lengthParsed),
        (bodyless, ParsedRequest()),
    ])
    func parsesTheSameAtEverySplitPosition(raw: String, expected: ParsedRequest) {
        let bytes = Array(raw.utf8)
        for split in 0...bytes.count {
            let result = ParserFixture.feed([Array(bytes[..<split]), Array(bytes[split...])])
            #expect(result.error == nil, "split at \(split)")
            #expect(result.requests == [expected], "split at \(split)")
        }
    }

    @Test(arguments: FeedMode.allCases)
    func parsesSeveralPipelinedRequests(mode: FeedMode) {
        let raw = Self.chunkedWithTrailers + Self.lengthBody + Self.bodyless
        let result = ParserFixture.feed(raw, mode: mode)
        let expected = [Self.chunkedParsed, Self.lengthParsed, ParsedRequest()]
        #expect(result.requests == (mode == .pipelined ? expected + [ParserFixture.pipelinedSecondParsed] : expected))
        #expect(result.error == nil)
    }

    @Test(arguments: [
        chunkedWithTrailers, lengthBody, bodyless, "GET / HTTP/1.1\r\nHost: a\r\nX: a\u{0}b\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nshort",
    ])
    func neverConsumesMoreThanItWasGiven(raw: String) {
        for mode in FeedMode.allCases {
            #expect(!ParserFixture.feed(raw, mode: mode).overConsumed, "\(mode)")
        }
    }

    @Test func consumesExactlyOneRequestWhenMoreFollow() throws {
        var parser = HTTPRequestParser()
        let first = Array(Self.bodyless.utf8)
        let (event, consumed) = try parser.parse((first + Array("GET /n".utf8))[...])
        guard case .request = event else {
            Issue.record("expected .request, got \(event)")
            return
        }
        #expect(consumed == first.count)
        #expect(!parser.isIdle)
    }

    @Test(arguments: [
        ("", true),
        ("\r\n", true),
        ("\r", false),
        ("G", false),
        ("GET / HTTP/1.1\r\n", false),
        ("GET / HTTP/1.1\r\nHost: a\r\n", false),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n", false),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nh", false),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n", false),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi", true),
        (bodyless, true),
        (bodyless + "G", false),
        (bodyless + bodyless, true),
        ("GET / HTTP/1.1\r\nHost: a\nX", false),
    ])
    func reportsIdleOnlyBetweenRequests(raw: String, idle: Bool) {
        for mode in [FeedMode.whole, .byteByByte] {
            #expect(ParserFixture.feed(raw, mode: mode).isIdle == idle, "\(mode)")
        }
    }

    @Test func staysDeadAfterAnError() {
        var parser = HTTPRequestParser()
        #expect(throws: HTTPParseError.bareLF) {
            try parser.parse(Array("GET / HTTP/1.1\n".utf8)[...])
        }
        #expect(throws: HTTPParseError.bareLF) {
            try parser.parse(Array(Self.bodyless.utf8)[...])
        }
        #expect(!parser.isIdle)
    }

    @Test func parsesFromAnUnsafeBufferPointer() throws {
        var parser = HTTPRequestParser()
        let bytes = Array(Self.bodyless.utf8)
        let (event, consumed) = try bytes.withUnsafeBufferPointer { buffer in
            try parser.parse(buffer)
        }
        guard case .request(let request) = event else {
            Issue.record("expected .request, got \(event)")
            return
        }
        #expect(ParsedRequest(request) == ParsedRequest())
        #expect(consumed == bytes.count)
        #expect(parser.isIdle)
    }
}
