/// The chunked transfer coding (RFC 9112 §7.1) and pipelined desync attempts: a request hidden in
/// a body must never be answered as a request. Ids are Http11Probe's where a row follows one.
extension ConformanceCase {
    static let te = "Transfer-Encoding: chunked\r\n"

    static let chunked: [ConformanceCase] = [
        post("COMP-CHUNKED-BODY", te, "5\r\nhello\r\n0\r\n\r\n", [200], .staysOpen),
        post("COMP-CHUNKED-MULTI", te, "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", [200], .staysOpen),
        post("COMP-CHUNKED-EMPTY", te, "0\r\n\r\n", [200], .staysOpen),
        post("COMP-CHUNKED-HEX-UPPERCASE", te, "A\r\nhelloworld\r\n0\r\n\r\n", [200], .staysOpen),
        post("COMP-CHUNKED-EXTENSION", te, "5;ext=value\r\nhello\r\n0\r\n\r\n", [200], .staysOpen),
        post("quoted chunk extension", te, "5;a=\"x\\\"y\" ; b\r\nhello\r\n0\r\n\r\n", [200], .staysOpen),
        post("COMP-CHUNKED-TRAILER-VALID", te, "5\r\nhello\r\n0\r\nX-Checksum: abc\r\n\r\n", [200], .staysOpen),
        post("SMUG-TRAILER-CL (ignored)", te, "5\r\nhello\r\n0\r\nContent-Length: 50\r\n\r\n", [200], .staysOpen),
        post(
            "SMUG-TRAILER-TE (ignored)", te, "5\r\nhello\r\n0\r\nTransfer-Encoding: chunked\r\n\r\n", [200], .staysOpen),
        post("SMUG-TRAILER-HOST (ignored)", te, "5\r\nhello\r\n0\r\nHost: evil.example.com\r\n\r\n", [200], .staysOpen),
        post("SMUG-CHUNK-BARE-SEMICOLON", te, "5;\r\nhello\r\n0\r\n\r\n", [400], .closes),
        post("SMUG-CHUNK-EXT-INVALID-TOKEN", te, "5;bad[=x\r\nhello\r\n0\r\n\r\n", [400], .closes),
        post("SMUG-CHUNK-HEX-PREFIX", te, "0x5\r\nhello\r\n0\r\n\r\n", [400], .closes),
        post("SMUG-CHUNK-SIZE-PLUS", te, "+5\r\nhello\r\n0\r\n\r\n", [400], .closes),
        post("SMUG-CHUNK-UNDERSCORE", te, "1_0\r\nhello world!!!!!\r\n0\r\n\r\n", [400], .closes),
        post("SMUG-CHUNK-LEADING-SP", te, " 5\r\nhello\r\n0\r\n\r\n", [400], .closes),
        post("SMUG-CHUNK-SIZE-TRAILING-OWS", te, "5 \r\nhello\r\n0\r\n\r\n", [400], .closes),
        post("SMUG-CHUNK-NEGATIVE", te, "-1\r\nhello\r\n0\r\n\r\n", [400], .closes),
        post("SMUG-CHUNK-MISSING-TRAILING-CRLF", te, "5\r\nhello0\r\n\r\n", [400], .closes),
        post("SMUG-CHUNK-SPILL", te, "5\r\nhello!!\r\n0\r\n\r\n", [400], .closes),
        post("SMUG-CHUNK-EXT-LF", te, "5;\nhello\r\n0\r\n\r\n", [400], .closes),
        post("SMUG-CHUNK-LF-TERM", te, "5\r\nhello\n0\r\n\r\n", [400], .closes),
        post("SMUG-CHUNK-LF-TRAILER", te, "5\r\nhello\r\n0\r\n\n", [400], .closes),
        post("MAL-CHUNK-SIZE-OVERFLOW", te, "ffffffffffffffffff\r\nhello\r\n0\r\n\r\n", [400], .closes),
        post("chunk size 2^63-1 (too large, not an overflow)", te, "7fffffffffffffff\r\nhello\r\n", [413], .closes),
        post(
            "chunked body over the limit", te, "400\r\n\(String(repeating: "a", count: 1024))\r\n1\r\na\r\n0\r\n\r\n",
            [413], .closes),
        ConformanceCase(
            "SMUG-CHUNK-EXT-CTRL",
            spliced("POST /echo HTTP/1.1\r\nHost: x\r\n\(te)\r\n5;", [0x00], "ext\r\nhello\r\n0\r\n\r\n"),
            [400], .closes),
        ConformanceCase(
            "SMUG-CHUNK-EXT-CR",
            spliced("POST /echo HTTP/1.1\r\nHost: x\r\n\(te)\r\n5;a", [0x0D], "X\r\nhello\r\n0\r\n\r\n"),
            [400], .closes),
        ConformanceCase(
            "SMUG-CHUNK-BARE-CR-TERM",
            "POST /echo HTTP/1.1\r\nHost: x\r\n\(te)\r\n5\rhello\r\n0\r\n\r\n", [400], .closes),
        ConformanceCase(
            "COMP-CHUNKED-NO-FINAL (client closes)",
            "POST /echo HTTP/1.1\r\nHost: x\r\n\(te)\r\n5\r\nhello\r\n", [400], .closes, halfClose: true),
        ConformanceCase(
            "COMP-CHUNKED-NO-FINAL (client waits)",
            "POST /echo HTTP/1.1\r\nHost: x\r\n\(te)\r\n5\r\nhello\r\n", [408], .closes),
    ]

    /// The request a desync attempt tries to have answered.
    static let smuggled = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
    static let smuggledHead = "HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n"

    static let desync: [ConformanceCase] = [
        post(
            "request inside a Content-Length body is data", "Content-Length: \(smuggled.utf8.count)\r\n", smuggled,
            [200], .staysOpen),
        post(
            "request inside chunk data is data", te,
            "\(String(smuggled.utf8.count, radix: 16))\r\n\(smuggled)\r\n0\r\n\r\n", [200], .staysOpen),
        post(
            "SMUG-CLTE-SMUGGLED-GET", "Content-Length: \(5 + smuggled.utf8.count)\r\n\(te)", "0\r\n\r\n" + smuggled,
            [400], .closes),
        post(
            "SMUG-CLTE-SMUGGLED-GET-CL-PLUS", "Content-Length: +\(5 + smuggled.utf8.count)\r\n\(te)",
            "0\r\n\r\n" + smuggled, [400], .closes),
        post(
            "SMUG-CLTE-SMUGGLED-GET-TE-OBS-FOLD",
            "Transfer-Encoding:\r\n chunked\r\nContent-Length: \(5 + smuggled.utf8.count)\r\n", "0\r\n\r\n" + smuggled,
            [400], .closes),
        post(
            "SMUG-CLTE-SMUGGLED-GET-TE-CASE-MISMATCH",
            "Content-Length: \(5 + smuggled.utf8.count)\r\nTransfer-Encoding: Chunked\r\n", "0\r\n\r\n" + smuggled,
            [400], .closes),
        post(
            "SMUG-TECL-SMUGGLED-GET", "\(te)Content-Length: 4\r\n",
            "\(String(smuggled.utf8.count, radix: 16))\r\n\(smuggled)\r\n0\r\n\r\n", [400], .closes),
        post(
            "SMUG-DUPLICATE-CL-SMUGGLED-GET", "Content-Length: 4\r\nContent-Length: \(4 + smuggled.utf8.count)\r\n",
            "PING" + smuggled, [400], .closes),
        post("SMUG-CLTE-DESYNC", "Content-Length: 6\r\n\(te)", "0\r\n\r\nX", [400], .closes),
        post("SMUG-TECL-DESYNC", "\(te)Content-Length: 30\r\n", "0\r\n\r\nX", [400], .closes),
        post("SMUG-CLTE-CONN-CLOSE", "Content-Length: 5\r\n\(te)", "0\r\n\r\n", [400], .closes),
        post("SMUG-TECL-CONN-CLOSE", "\(te)Content-Length: 5\r\n", "0\r\n\r\n", [400], .closes),
        post("SMUG-CLTE-PIPELINE", "Content-Length: 4\r\n\(te)", "0\r\n\r\n", [400], .closes),
        post(
            "SMUG-CLTE-SMUGGLED-HEAD", "Content-Length: \(5 + smuggledHead.utf8.count)\r\n\(te)",
            "0\r\n\r\n" + smuggledHead, [400], .closes),
        post(
            "SMUG-CLTE-SMUGGLED-GET-TE-TRAILING-SPACE",
            "Content-Length: \(5 + smuggled.utf8.count)\r\nTransfer-Encoding: chunked \r\n", "0\r\n\r\n" + smuggled,
            [400], .closes),
        post(
            "SMUG-CLTE-SMUGGLED-GET-TE-LEADING-COMMA",
            "Content-Length: \(5 + smuggled.utf8.count)\r\nTransfer-Encoding: , chunked\r\n", "0\r\n\r\n" + smuggled,
            [400], .closes),
        post(
            "SMUG-TE-DUPLICATE-HEADERS-SMUGGLED-GET",
            "\(te)Transfer-Encoding: identity\r\nContent-Length: \(5 + smuggled.utf8.count)\r\n",
            "0\r\n\r\n" + smuggled, [400], .closes),
        // Without Content-Length the TE list alone decides: not ending in chunked is a 400 too.
        post(
            "smuggled GET after a TE list not ending in chunked", "Transfer-Encoding: chunked, identity\r\n",
            "0\r\n\r\n" + smuggled, [400], .closes),
        ConformanceCase(
            "SMUG-GET-CL-PREFIX-DESYNC",
            "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 32\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
            [200], .staysOpen),
        ConformanceCase(
            "SMUG-GET-CL-BODY-DESYNC", "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
            [200], .staysOpen),
        ConformanceCase(
            "SMUG-HEAD-CL-BODY", "HEAD /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
            [200], .staysOpen, head: true),
        ConformanceCase(
            "SMUG-OPTIONS-CL-BODY", "OPTIONS /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
            [204], .staysOpen),
        ConformanceCase(
            "three pipelined requests in one write",
            "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nPOST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhiGET /items/1 HTTP/1.1\r\nHost: x\r\n\r\n",
            [200, 200, 200], .staysOpen),
        ConformanceCase(
            "a request after an error is never answered",
            "GET /healthz HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\n\r\n" + smuggled, [400], .closes),
    ]
}
