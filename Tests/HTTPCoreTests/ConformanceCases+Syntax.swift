/// Line endings, the request line, field syntax, Host, methods and connection management
/// (RFC 9112 §2–§5, §9; RFC 9110 §5, §7.2, §9). Ids are Http11Probe's where a row follows one.
extension ConformanceCase {
    static func get(_ id: String, _ fields: String, _ statuses: [Int], _ then: Then) -> ConformanceCase {
        ConformanceCase(id, "GET /healthz HTTP/1.1\r\nHost: x\r\n\(fields)\r\n", statuses, then)
    }

    static let lines: [ConformanceCase] = [
        ConformanceCase("COMP-BASELINE", "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", [200], .staysOpen),
        ConformanceCase("RFC9112-2.2-BARE-LF-REQUEST-LINE", "GET /healthz HTTP/1.1\nHost: x\r\n\r\n", [400], .closes),
        ConformanceCase(
            "RFC9112-2.2-BARE-LF-HEADER", "GET /healthz HTTP/1.1\r\nHost: x\nX-Test: value\r\n\r\n", [400], .closes),
        ConformanceCase("RFC9112-3-CR-ONLY-LINE-ENDING", "GET /healthz HTTP/1.1\rHost: x\r\n\r\n", [400], .closes),
        ConformanceCase("COMP-LEADING-CRLF", "\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", [200], .staysOpen),
        ConformanceCase(
            "too many empty lines before the request", "\r\n\r\n\r\n\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
            [400], .closes),
        ConformanceCase("MAL-WHITESPACE-ONLY-LINE", "   \r\n\r\n", [400], .closes),
        ConformanceCase("MAL-EMPTY-REQUEST (client closes)", "", [], .closes, halfClose: true),
        ConformanceCase(
            "MAL-INCOMPLETE-REQUEST (client closes)", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Test: value", [400],
            .closes, halfClose: true),
        ConformanceCase(
            "MAL-INCOMPLETE-REQUEST (slow client)", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Test: value", [408], .closes),
        ConformanceCase(
            "MAL-BINARY-GARBAGE", (0..<256).map { UInt8(truncatingIfNeeded: $0 &* 167 &+ 13) | 0x80 } + [13, 10], [400],
            .closes),
    ]

    static let requestLine: [ConformanceCase] = [
        ConformanceCase("RFC9112-3-MISSING-TARGET", "GET HTTP/1.1\r\nHost: x\r\n\r\n", [400], .closes),
        ConformanceCase("RFC9112-3-MULTI-SP-REQUEST-LINE", "GET  /healthz HTTP/1.1\r\nHost: x\r\n\r\n", [400], .closes),
        ConformanceCase("COMP-REQUEST-LINE-TAB", "GET\t/healthz HTTP/1.1\r\nHost: x\r\n\r\n", [400], .closes),
        ConformanceCase("RFC9112-2.3-HTTP09-REQUEST", "GET /healthz\r\n\r\n", [400], .closes),
        ConformanceCase("COMP-VERSION-MISSING-MINOR", "GET /healthz HTTP/1\r\nHost: x\r\n\r\n", [400], .closes),
        ConformanceCase("COMP-VERSION-LEADING-ZEROS", "GET /healthz HTTP/01.01\r\nHost: x\r\n\r\n", [400], .closes),
        ConformanceCase("COMP-VERSION-WHITESPACE", "GET /healthz HTTP/ 1.1\r\nHost: x\r\n\r\n", [400], .closes),
        ConformanceCase("lowercase version name", "GET /healthz http/1.1\r\nHost: x\r\n\r\n", [400], .closes),
        ConformanceCase("RFC9112-2.3-INVALID-VERSION", "GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n", [505], .closes),
        ConformanceCase("COMP-HTTP12-VERSION", "GET /healthz HTTP/1.2\r\nHost: x\r\n\r\n", [505], .closes),
        ConformanceCase("MAL-NUL-IN-URL", spliced("GET /", [0x00], "test HTTP/1.1\r\nHost: x\r\n\r\n"), [400], .closes),
        ConformanceCase(
            "MAL-NON-ASCII-URL", spliced("GET /caf", [0xC3, 0xA9], " HTTP/1.1\r\nHost: x\r\n\r\n"), [400], .closes),
        ConformanceCase(
            "MAL-URL-OVERLONG-UTF8", spliced("GET /", [0xC0, 0xAF], " HTTP/1.1\r\nHost: x\r\n\r\n"), [400], .closes),
        ConformanceCase(
            "RFC9112-3.2-FRAGMENT-IN-TARGET", "GET /healthz#frag HTTP/1.1\r\nHost: x\r\n\r\n", [400], .closes),
        ConformanceCase("COMP-ASTERISK-WITH-GET", "GET * HTTP/1.1\r\nHost: x\r\n\r\n", [400], .closes),
        ConformanceCase("COMP-OPTIONS-STAR", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", [204], .staysOpen),
        ConformanceCase("COMP-ABSOLUTE-FORM", "GET http://x/healthz HTTP/1.1\r\nHost: x\r\n\r\n", [200], .staysOpen),
        ConformanceCase(
            "SMUG-ABSOLUTE-URI-HOST-MISMATCH", "GET http://other.example/healthz HTTP/1.1\r\nHost: x\r\n\r\n", [200],
            .staysOpen),
        ConformanceCase(
            "absolute-form with another scheme", "GET ftp://x/healthz HTTP/1.1\r\nHost: x\r\n\r\n", [400], .closes),
        ConformanceCase(
            "MAL-LONG-URL (414)", "GET /\(String(repeating: "A", count: 100_000)) HTTP/1.1\r\nHost: x\r\n\r\n", [414],
            .closes),
        // A method longer than the request-line limit: longer than any implemented (RFC 9112 §3).
        ConformanceCase(
            "MAL-LONG-METHOD", "\(String(repeating: "A", count: 100_000)) / HTTP/1.1\r\nHost: x\r\n\r\n", [501], .closes
        ),
    ]

    static let fields: [ConformanceCase] = [
        get("RFC9112-5.1-OBS-FOLD", "X-Test: value\r\n continued\r\n", [400], .closes),
        get("RFC9110-5.6.2-SP-BEFORE-COLON", "X-Test : value\r\n", [400], .closes),
        get("NORM-SP-BEFORE-COLON-CL", "Content-Length : 0\r\n", [400], .closes),
        get("NORM-TAB-IN-NAME", "X\tTest: value\r\n", [400], .closes),
        get("RFC9112-5-EMPTY-HEADER-NAME", ": empty-name\r\n", [400], .closes),
        get("RFC9112-5-INVALID-HEADER-NAME", "Bad[Name: value\r\n", [400], .closes),
        get("RFC9112-5-HEADER-NO-COLON", "NoColonHere\r\n", [400], .closes),
        ConformanceCase(
            "COMP-WHITESPACE-BEFORE-HEADERS", "GET /healthz HTTP/1.1\r\n \r\nHost: x\r\n\r\n", [400], .closes),
        ConformanceCase(
            "MAL-NUL-IN-HEADER-VALUE", spliced("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Test: a", [0x00], "b\r\n\r\n"),
            [400], .closes),
        get("MAL-CONTROL-CHARS-HEADER", "X-Test: abc\u{07}\u{08}\u{0B}def\r\n", [400], .closes),
        get("DEL in a field value", "X-Test: a\u{7F}b\r\n", [400], .closes),
        ConformanceCase(
            "SMUG-BARE-CR-HEADER-VALUE", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Test: val\rue\r\n\r\n", [400], .closes),
        ConformanceCase(
            "MAL-NON-ASCII-HEADER-NAME",
            spliced("GET /healthz HTTP/1.1\r\nHost: x\r\nX-T", [0xC3, 0xAB], "st: value\r\n\r\n"), [400], .closes),
        ConformanceCase(
            "obs-text in a field value is allowed",
            spliced("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Name: ", [0xE5], "\r\n\r\n"), [200], .staysOpen),
        get("MAL-LONG-HEADER-VALUE (431)", "X-Big: \(String(repeating: "B", count: 100_000))\r\n", [431], .closes),
        get("MAL-LONG-HEADER-NAME (431)", "\(String(repeating: "A", count: 100_000)): val\r\n", [431], .closes),
        get("MAL-MANY-HEADERS (431)", (0..<10_000).map { "X-H-\($0): value\r\n" }.joined(), [431], .closes),
        get("COMP-EXPECT-UNKNOWN", "Expect: 200-ok\r\n", [417], .closes),
        get("COMP-UPGRADE-MISSING-CONN", "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n", [200], .staysOpen),
        get("COMP-UPGRADE-UNKNOWN", "Connection: Upgrade\r\nUpgrade: totally-made-up/1.0\r\n", [200], .staysOpen),
        get(
            "COMP-UPGRADE-INVALID-VER",
            "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 99\r\n", [200], .staysOpen),
        ConformanceCase(
            "COMP-UPGRADE-POST",
            "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n", [200], .staysOpen),
        ConformanceCase(
            "COMP-RANGE-POST", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nRange: bytes=0-10\r\n\r\nhello",
            [200], .staysOpen),
    ]

    static let host: [ConformanceCase] = [
        ConformanceCase("RFC9112-7.1-MISSING-HOST", "GET /healthz HTTP/1.1\r\n\r\n", [400], .closes),
        get("RFC9110-5.4-DUPLICATE-HOST", "Host: other.example.com\r\n", [400], .closes),
        get("COMP-DUPLICATE-HOST-SAME", "Host: x\r\n", [400], .closes),
        ConformanceCase("COMP-HOST-WITH-USERINFO", "GET /healthz HTTP/1.1\r\nHost: user@x\r\n\r\n", [400], .closes),
        ConformanceCase("COMP-HOST-WITH-PATH", "GET /healthz HTTP/1.1\r\nHost: x/path\r\n\r\n", [400], .closes),
        ConformanceCase("COMP-HOST-EMPTY-VALUE", "GET /healthz HTTP/1.1\r\nHost: \r\n\r\n", [400], .closes),
        ConformanceCase(
            "SMUG-MULTIPLE-HOST-COMMA", "GET /healthz HTTP/1.1\r\nHost: x, other.example.com\r\n\r\n", [400], .closes),
        ConformanceCase("IP literal with port", "GET /healthz HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n", [200], .staysOpen),
        ConformanceCase("COMP-HTTP10-NO-HOST", "GET /healthz HTTP/1.0\r\n\r\n", [200], .closes),
    ]

    static let methodsAndConnections: [ConformanceCase] = [
        ConformanceCase("HEAD has no body", "HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n", [200], .staysOpen, head: true),
        ConformanceCase("OPTIONS on a route", "OPTIONS /echo HTTP/1.1\r\nHost: x\r\n\r\n", [204], .staysOpen),
        ConformanceCase(
            "405 for a known method on another route", "DELETE /healthz HTTP/1.1\r\nHost: x\r\n\r\n", [405], .staysOpen),
        ConformanceCase("404 for an unknown path", "GET /nothing-here HTTP/1.1\r\nHost: x\r\n\r\n", [404], .staysOpen),
        ConformanceCase(
            "unknown method on a served path → 405", "BREW /healthz HTTP/1.1\r\nHost: x\r\n\r\n", [405], .staysOpen),
        ConformanceCase(
            "unknown method elsewhere → 501", "BREW /nothing-here HTTP/1.1\r\nHost: x\r\n\r\n", [501], .staysOpen),
        ConformanceCase("COMP-METHOD-CASE", "get /healthz HTTP/1.1\r\nHost: x\r\n\r\n", [405], .staysOpen),
        ConformanceCase("COMP-METHOD-TRACE", "TRACE /healthz HTTP/1.1\r\nHost: x\r\n\r\n", [405], .staysOpen),
        ConformanceCase(
            "COMP-METHOD-CONNECT", "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", [501],
            .staysOpen),
        ConformanceCase("method that is not a token", "GE(T /healthz HTTP/1.1\r\nHost: x\r\n\r\n", [400], .closes),
        get("COMP-CONNECTION-CLOSE", "Connection: close\r\n", [200], .closes),
        ConformanceCase("COMP-HTTP10-DEFAULT-CLOSE", "GET /healthz HTTP/1.0\r\nHost: x\r\n\r\n", [200], .closes),
        ConformanceCase(
            "HTTP/1.0 keep-alive", "GET /healthz HTTP/1.0\r\nHost: x\r\nConnection: keep-alive\r\n\r\n", [200],
            .staysOpen),
    ]
}
