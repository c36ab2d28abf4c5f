import Testing

@testable import HTTPCore

/// RFC 9112 §2.2 and §3: the request line, its target forms and the HTTP version.
struct HTTPRequestParserRequestLineTests {
    static let host = "\r\nHost: example.com\r\n\r\n"

    @Test(arguments: [
        ("GET / HTTP/1.1", ParsedRequest()),
        ("FISH /hello HTTP/1.1", ParsedRequest(method: "FISH", target: "/hello")),
        ("get /lower HTTP/1.1", ParsedRequest(method: "get", target: "/lower")),
        ("M-SEARCH!~ / HTTP/1.1", ParsedRequest(method: "M-SEARCH!~")),
        (
            "GET /a/b?x=1&y=%E4%B8%AD HTTP/1.1",
            ParsedRequest(target: "/a/b?x=1&y=%E4%B8%AD", path: "/a/b", query: "x=1&y=%E4%B8%AD")
        ),
        ("GET /a? HTTP/1.1", ParsedRequest(target: "/a?", path: "/a", query: "")),
        ("GET /a?b?c HTTP/1.1", ParsedRequest(target: "/a?b?c", path: "/a", query: "b?c")),
        ("GET /%E4%B8%AD HTTP/1.1", ParsedRequest(target: "/%E4%B8%AD")),
        (
            "GET http://example.com/p?q HTTP/1.1",
            ParsedRequest(target: "http://example.com/p?q", path: "/p", query: "q")
        ),
        ("GET HTTPS://example.com HTTP/1.1", ParsedRequest(target: "HTTPS://example.com", path: "/")),
        (
            "GET http://example.com:8080?q=1 HTTP/1.1",
            ParsedRequest(target: "http://example.com:8080?q=1", path: "/", query: "q=1")
        ),
        ("OPTIONS * HTTP/1.1", ParsedRequest(method: "OPTIONS", target: "*")),
        ("CONNECT example.com:443 HTTP/1.1", ParsedRequest(method: "CONNECT", target: "example.com:443")),
    ])
    func parsesRequestLine(line: String, expected: ParsedRequest) {
        ParserFixture.expectParses(line + Self.host, as: expected)
    }

    @Test func acceptsHTTP10WithoutHost() {
        ParserFixture.expectParses(
            "GET /old HTTP/1.0\r\n\r\n",
            as: ParsedRequest(target: "/old", version: .http1_0, headers: [], keepAlive: false))
    }

    @Test(arguments: ["\r\n", "\r\n\r\n\r\n\r\n"])
    func skipsEmptyLinesBeforeRequestLine(prefix: String) {
        ParserFixture.expectParses(prefix + "GET / HTTP/1.1" + Self.host, as: ParsedRequest())
    }

    @Test func rejectsTooManyEmptyLinesBeforeRequestLine() {
        ParserFixture.expectFails(
            String(repeating: "\r\n", count: 5) + "GET / HTTP/1.1" + Self.host,
            with: .tooManyEmptyLines)
    }

    @Test(arguments: [
        ("GET  / HTTP/1.1", HTTPParseError.malformedRequestLine),
        (" GET / HTTP/1.1", .malformedRequestLine),
        ("GET /", .malformedRequestLine),
        ("GET", .malformedRequestLine),
        ("GET / HTTP/1.1 ", .malformedVersion),
        ("GET / x HTTP/1.1", .malformedVersion),
        ("GE(T / HTTP/1.1", .invalidMethod),
        ("G\tT / HTTP/1.1", .invalidMethod),
        ("G\u{0}T / HTTP/1.1", .invalidMethod),
        ("GET /a\u{7F} HTTP/1.1", .invalidTarget),
        ("GET /a\u{0}b HTTP/1.1", .invalidTarget),
        ("GET /\u{1}b HTTP/1.1", .invalidTarget),
        ("GET /中 HTTP/1.1", .invalidTarget),
        ("GET /a#frag HTTP/1.1", .invalidTarget),
        ("GET * HTTP/1.1", .asteriskForm),
        ("OPTIONS *x HTTP/1.1", .invalidTarget),
        ("GET example.com:80 HTTP/1.1", .invalidTarget),
        ("CONNECT / HTTP/1.1", .invalidTarget),
        ("CONNECT example.com HTTP/1.1", .invalidTarget),
        ("CONNECT a/b:80 HTTP/1.1", .invalidTarget),
        ("GET ftp://example.com/ HTTP/1.1", .invalidTarget),
        ("GET http:///p HTTP/1.1", .invalidTarget),
        ("GET x/y HTTP/1.1", .invalidTarget),
        ("GET / http/1.1", .malformedVersion),
        ("GET / HTTP/1.10", .malformedVersion),
        ("GET / HTTP/1", .malformedVersion),
        ("GET / HTTP/a.b", .malformedVersion),
        ("GET / HTTP/1.1\u{0}", .malformedVersion),
        ("GET / HTTP/2.0", .versionNotSupported),
        ("GET / HTTP/0.9", .versionNotSupported),
        ("GET / HTTP/1.2", .versionNotSupported),
        ("GET / HTTP/3.0", .versionNotSupported),
        ("GET * HTTP/2.0", .versionNotSupported),
    ])
    func rejectsRequestLine(line: String, error: HTTPParseError) {
        ParserFixture.expectFails(line + Self.host, with: error)
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\nHost: example.com\r\n\r\n", HTTPParseError.bareLF),
        ("\nGET / HTTP/1.1\r\nHost: example.com\r\n\r\n", .bareLF),
        ("GET / HTTP/1.1\rHost: example.com\r\n\r\n", .bareCR),
        ("GET /\r HTTP/1.1\r\nHost: example.com\r\n\r\n", .bareCR),
        ("\r\r\nGET / HTTP/1.1\r\nHost: example.com\r\n\r\n", .bareCR),
    ])
    func rejectsBareLineEndsInRequestLine(raw: String, error: HTTPParseError) {
        ParserFixture.expectFails(raw, with: error)
    }
}
