import Testing

@testable import HTTPCore

/// RFC 9112 §5 field lines, §3.2 Host and §9.3 persistence.
struct HTTPRequestParserFieldTests {
    static func request(_ fields: String, version: String = "HTTP/1.1") -> String {
        "GET / \(version)\r\n\(fields)\r\n"
    }

    @Test(arguments: [
        (
            "Host: example.com\r\nX-A: 1\r\nx-a: 2\r\n",
            ["Host: example.com", "X-A: 1", "x-a: 2"]
        ),
        ("Host: example.com\r\nX:  \t v a l \t \r\n", ["Host: example.com", "X: v a l"]),
        ("Host: example.com\r\nX:\r\n", ["Host: example.com", "X: "]),
        ("Host: example.com\r\nX: a\tb\r\n", ["Host: example.com", "X: a\tb"]),
        ("Host: example.com\r\nX: café 中文\r\n", ["Host: example.com", "X: café 中文"]),
        ("Host: example.com\r\nX: \"q\" (c) ;=,\r\n", ["Host: example.com", "X: \"q\" (c) ;=,"]),
        ("Host:example.com:8080\r\n", ["Host: example.com:8080"]),
        ("Host: [::1]:8080\r\n", ["Host: [::1]:8080"]),
        ("Host: example.com\r\n!#$%&'*+-.^_`|~09aZ: t\r\n", ["Host: example.com", "!#$%&'*+-.^_`|~09aZ: t"]),
    ])
    func parsesFields(fields: String, expected: [String]) {
        ParserFixture.expectParses(Self.request(fields), as: ParsedRequest(headers: expected))
    }

    @Test(arguments: [
        (HTTPVersion.http1_1, [], true),
        (.http1_1, ["Connection: close"], false),
        (.http1_1, ["Connection: Keep-Alive, CLOSE"], false),
        (.http1_1, ["Connection: upgrade", "Connection: close"], false),
        (.http1_1, ["Connection: upgrade, closed"], true),
        (.http1_0, [], false),
        (.http1_0, ["Connection: keep-alive"], true),
        (.http1_0, ["Connection: foo , Keep-Alive"], true),
        (.http1_0, ["Connection: keep-alive, close"], false),
    ])
    func decidesKeepAlive(version: HTTPVersion, connection: [String], keepAlive: Bool) {
        let fields = (["Host: example.com"] + connection).map { $0 + "\r\n" }.joined()
        ParserFixture.expectParses(
            Self.request(fields, version: version.description),
            as: ParsedRequest(
                version: version, headers: ["Host: example.com"] + connection, keepAlive: keepAlive))
    }

    @Test func acceptsEmptyHostInHTTP10() {
        ParserFixture.expectParses(
            Self.request("Host:\r\n", version: "HTTP/1.0"),
            as: ParsedRequest(version: .http1_0, headers: ["Host: "], keepAlive: false))
    }

    @Test(arguments: [
        ("Host: example.com\r\nX: a\r\n b\r\n", HTTPParseError.obsoleteLineFolding),
        ("Host: example.com\r\nX: a\r\n\tb\r\n", .obsoleteLineFolding),
        (" Host: example.com\r\n", .obsoleteLineFolding),
        ("Host : example.com\r\n", .whitespaceBeforeColon),
        ("Host\t: example.com\r\n", .whitespaceBeforeColon),
        ("Host example.com\r\n", .missingColon),
        ("Host: example.com\r\n: x\r\n", .invalidFieldName),
        ("Host: example.com\r\nX(y): 1\r\n", .invalidFieldName),
        ("Host: example.com\r\nX/y: 1\r\n", .invalidFieldName),
        ("Host: example.com\r\nXé: 1\r\n", .invalidFieldName),
        ("Host: example.com\r\nX\u{7F}: 1\r\n", .invalidFieldName),
        ("Host: example.com\r\nX\u{0}: 1\r\n", .invalidFieldName),
        ("Host: example.com\r\nX: a\u{0}b\r\n", .invalidFieldValue),
        ("Host: example.com\r\nX: a\u{7F}\r\n", .invalidFieldValue),
        ("Host: example.com\r\nX: \u{1B}[0m\r\n", .invalidFieldValue),
        ("Host: example.com\r\nX: a\rb\r\n", .bareCR),
        ("Host: example.com\r\nX: a\nY: b\r\n", .bareLF),
        ("Host: example.com\n", .bareLF),
        ("Host: example.com\r\n\n", .bareLF),
    ])
    func rejectsFieldLine(fields: String, error: HTTPParseError) {
        ParserFixture.expectFails(Self.request(fields), with: error)
    }

    @Test(arguments: [
        ("HTTP/1.1", "", HTTPParseError.missingHost),
        ("HTTP/1.1", "Host: a\r\nHost: a\r\n", .duplicateHost),
        ("HTTP/1.0", "Host: a\r\nhost: b\r\n", .duplicateHost),
        ("HTTP/1.1", "Host:\r\n", .invalidHost),
        ("HTTP/1.1", "Host: a b\r\n", .invalidHost),
        ("HTTP/1.1", "Host: a\tb\r\n", .invalidHost),
        ("HTTP/1.1", "Host: a/b\r\n", .invalidHost),
        ("HTTP/1.1", "Host: user@example.com\r\n", .invalidHost),
        ("HTTP/1.1", "Host: example.com?x\r\n", .invalidHost),
        ("HTTP/1.1", "Host: example.com#x\r\n", .invalidHost),
        ("HTTP/1.0", "Host: a/b\r\n", .invalidHost),
    ])
    func rejectsHost(version: String, fields: String, error: HTTPParseError) {
        ParserFixture.expectFails(Self.request(fields, version: version), with: error)
    }
}
