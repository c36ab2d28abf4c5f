/// Message framing and request smuggling (RFC 9112 §6, §7; RFC 9110 §8.6): Content-Length,
/// Transfer-Encoding, chunked bodies and desync attempts. Ids are Http11Probe's where a row
/// follows one of its tests.
extension ConformanceCase {
    static let contentLength: [ConformanceCase] = [
        post("COMP-POST-CL-BODY", "Content-Length: 5\r\n", "hello", [200], .staysOpen),
        post("COMP-POST-CL-ZERO", "Content-Length: 0\r\n", "", [200], .staysOpen),
        post("COMP-POST-NO-CL-NO-TE", "", "", [200], .staysOpen),
        post("SMUG-DUPLICATE-CL", "Content-Length: 5\r\nContent-Length: 10\r\n", "helloworld", [400], .closes),
        post(
            "duplicate identical Content-Length", "Content-Length: 5\r\nContent-Length: 5\r\n", "hello", [400], .closes),
        post("SMUG-CL-COMMA-DIFFERENT", "Content-Length: 5, 10\r\n", "hello", [400], .closes),
        post("SMUG-CL-COMMA-SAME", "Content-Length: 5, 5\r\n", "hello", [400], .closes),
        post("SMUG-CL-NEGATIVE", "Content-Length: -1\r\n", "", [400], .closes),
        post("SMUG-CL-NEGATIVE-ZERO", "Content-Length: -0\r\n", "", [400], .closes),
        post("RFC9112-6.1-CL-PLUS-SIGN", "Content-Length: +5\r\n", "hello", [400], .closes),
        post("RFC9112-6.1-CL-NON-NUMERIC", "Content-Length: abc\r\n", "", [400], .closes),
        post("SMUG-CL-HEX-PREFIX", "Content-Length: 0x5\r\n", "hello", [400], .closes),
        post("SMUG-CL-OCTAL", "Content-Length: 0o5\r\n", "hello", [400], .closes),
        post("SMUG-CL-UNDERSCORE", "Content-Length: 1_0\r\n", "helloworld", [400], .closes),
        post("SMUG-CL-INTERNAL-SPACE", "Content-Length: 1 0\r\n", "hello12345", [400], .closes),
        post("MAL-CL-EMPTY", "Content-Length: \r\n", "", [400], .closes),
        post("MAL-CL-OVERFLOW", "Content-Length: 99999999999999999999\r\n", "", [400], .closes),
        // 1*DIGIT allows leading zeros; decimal is the only reading, so they are accepted.
        post("SMUG-CL-LEADING-ZEROS", "Content-Length: 005\r\n", "hello", [200], .staysOpen),
        post("SMUG-CL-TRAILING-SPACE (OWS)", "Content-Length: 5 \r\n", "hello", [200], .staysOpen),
        post("SMUG-CL-EXTRA-LEADING-SP (OWS)", "Content-Length:  5\r\n", "hello", [200], .staysOpen),
        post("413 body over the limit", "Content-Length: 5000\r\n", "", [413], .closes),
        ConformanceCase(
            "COMP-POST-CL-UNDERSEND (client closes)",
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello", [400], .closes,
            halfClose: true),
        ConformanceCase(
            "COMP-POST-CL-UNDERSEND (client waits)",
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhello", [408], .closes),
        ConformanceCase(
            "MAL-POST-CL-HUGE-NO-BODY",
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n", [413], .closes),
    ]

    static let transferEncoding: [ConformanceCase] = [
        post(
            "SMUG-CL-TE-BOTH", "Content-Length: 22\r\nTransfer-Encoding: chunked\r\n",
            "D\r\nhello-bananas\r\n0\r\n\r\n", [400], .closes),
        post("SMUG-TECL-PIPELINE", "Transfer-Encoding: chunked\r\nContent-Length: 30\r\n", "0\r\n\r\n", [400], .closes),
        post("SMUG-TE-XCHUNKED", "Transfer-Encoding: xchunked\r\nContent-Length: 5\r\n", "hello", [400], .closes),
        post(
            "xchunked alone (chunked not final)", "Transfer-Encoding: xchunked\r\n", "5\r\nhello\r\n0\r\n\r\n", [400],
            .closes),
        post(
            "chunked, identity (chunked not final)", "Transfer-Encoding: chunked, identity\r\n", "0\r\n\r\n", [400],
            .closes),
        post("SMUG-TE-NOT-FINAL-CHUNKED", "Transfer-Encoding: chunked, gzip\r\n", "0\r\n\r\n", [400], .closes),
        post("SMUG-TE-IDENTITY", "Transfer-Encoding: identity\r\nContent-Length: 5\r\n", "hello", [400], .closes),
        post("identity alone", "Transfer-Encoding: identity\r\n", "hello", [400], .closes),
        post(
            "COMP-UNKNOWN-TE-501 (gzip before chunked)", "Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n", [501],
            .closes),
        post("COMP-UNKNOWN-TE (gzip alone)", "Transfer-Encoding: gzip\r\n", "", [400], .closes),
        post("leading OWS ' chunked'", "Transfer-Encoding:  chunked\r\n", "5\r\nhello\r\n0\r\n\r\n", [200], .staysOpen),
        post(
            "SMUG-TE-CASE-MISMATCH (alone)", "Transfer-Encoding: Chunked\r\n", "5\r\nhello\r\n0\r\n\r\n", [200],
            .staysOpen),
        post(
            "trailing HTAB 'chunked\\t'", "Transfer-Encoding: chunked\t\r\n", "5\r\nhello\r\n0\r\n\r\n", [200],
            .staysOpen),
        post(
            "SMUG-TE-TAB-BEFORE-VALUE (alone)", "Transfer-Encoding:\tchunked\r\n", "5\r\nhello\r\n0\r\n\r\n", [200],
            .staysOpen),
        post("SMUG-TE-TRAILING-SPACE", "Transfer-Encoding: chunked \r\nContent-Length: 5\r\n", "hello", [400], .closes),
        post("SMUG-TE-DOUBLE-CHUNKED", "Transfer-Encoding: chunked, chunked\r\n", "0\r\n\r\n", [400], .closes),
        post("SMUG-TE-EMPTY-VALUE", "Transfer-Encoding: \r\nContent-Length: 5\r\n", "hello", [400], .closes),
        post("empty Transfer-Encoding alone", "Transfer-Encoding: \r\n", "", [400], .closes),
        post("SMUG-TE-LEADING-COMMA", "Transfer-Encoding: , chunked\r\n", "0\r\n\r\n", [400], .closes),
        post("SMUG-TE-TRAILING-COMMA", "Transfer-Encoding: chunked,\r\n", "0\r\n\r\n", [400], .closes),
        post("SMUG-CHUNKED-WITH-PARAMS", "Transfer-Encoding: chunked;ext=val\r\n", "0\r\n\r\n", [400], .closes),
        post(
            "SMUG-TE-DUPLICATE-HEADERS",
            "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\nContent-Length: 5\r\n", "hello", [400],
            .closes),
        post(
            "two Transfer-Encoding lines, identity last",
            "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n", "0\r\n\r\n", [400], .closes),
        post(
            "SMUG-TE-SP-BEFORE-COLON", "Transfer-Encoding : chunked\r\nContent-Length: 5\r\n", "hello", [400], .closes),
        post("SMUG-TE-OBS-FOLD", "Transfer-Encoding:\r\n chunked\r\nContent-Length: 5\r\n", "hello", [400], .closes),
        ConformanceCase(
            "SMUG-TE-VTAB",
            spliced("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: ", [0x0B], "chunked\r\n\r\n0\r\n\r\n"),
            [400], .closes),
        ConformanceCase(
            "SMUG-TE-FORMFEED",
            spliced("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: ", [0x0C], "chunked\r\n\r\n0\r\n\r\n"),
            [400], .closes),
        ConformanceCase(
            "SMUG-TE-NULL",
            spliced("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked", [0x00], "\r\n\r\n0\r\n\r\n"),
            [400], .closes),
        ConformanceCase(
            "SMUG-TE-HTTP10",
            "POST /echo HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", [400], .closes),
        // An unknown field that merely looks like Transfer-Encoding frames nothing.
        post(
            "SMUG-TRANSFER_ENCODING", "Transfer_Encoding: chunked\r\nContent-Length: 5\r\n", "hello", [200], .staysOpen),
    ]
}
