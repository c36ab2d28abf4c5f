import Testing

@testable import HTTPCore

/// RFC 9112 §6 message body framing and §7.1 chunked transfer coding.
struct HTTPRequestParserBodyTests {
    static func post(_ fields: String, body: String = "", version: String = "HTTP/1.1") -> String {
        "POST /b \(version)\r\nHost: example.com\r\n\(fields)\r\n\(body)"
    }

    static func chunked(_ body: String) -> String {
        post("Transfer-Encoding: chunked\r\n", body: body)
    }

    static func parsed(_ fields: [String], body: String, trailers: [String] = []) -> ParsedRequest {
        ParsedRequest(
            method: "POST", target: "/b", headers: ["Host: example.com"] + fields, body: body,
            trailers: trailers)
    }

    @Test(arguments: [
        ("5", "hello", "hello"),
        ("0", "", ""),
        ("005", "hello", "hello"),
        ("15", "中文 body, 15", "中文 body, 15"),
    ])
    func readsContentLengthBody(length: String, body: String, expected: String) {
        ParserFixture.expectParses(
            Self.post("Content-Length: \(length)\r\n", body: body),
            as: Self.parsed(["Content-Length: \(length)"], body: expected))
    }

    @Test func treatsRequestWithoutFramingAsEmpty() {
        ParserFixture.expectParses(Self.post(""), as: Self.parsed([], body: ""))
    }

    @Test(arguments: [
        ("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", "hello world"),
        ("A\r\n0123456789\r\na\r\nabcdefghij\r\n0\r\n\r\n", "0123456789abcdefghij"),
        ("0005\r\nhello\r\n000\r\n\r\n", "hello"),
        ("0\r\n\r\n", ""),
        ("5;a=b\r\nhello\r\n0\r\n\r\n", "hello"),
        ("5;a=\"q\\\"x\"\r\nhello\r\n0\r\n\r\n", "hello"),
        ("5 ; a = b ;c;d=\"\"\r\nhello\r\n0;last\r\n\r\n", "hello"),
        ("5;a=\"x;y=z \\\\\"\r\nhello\r\n0\r\n\r\n", "hello"),
    ])
    func decodesChunkedBody(body: String, expected: String) {
        ParserFixture.expectParses(
            Self.chunked(body), as: Self.parsed(["Transfer-Encoding: chunked"], body: expected))
    }

    @Test(arguments: [("Chunked", "Chunked"), ("  chunked\t", "chunked"), ("CHUNKED", "CHUNKED")])
    func acceptsChunkedCaseInsensitively(coding: String, trimmed: String) {
        ParserFixture.expectParses(
            Self.post("Transfer-Encoding:\(coding)\r\n", body: "1\r\nx\r\n0\r\n\r\n"),
            as: Self.parsed(["Transfer-Encoding: \(trimmed)"], body: "x"))
    }

    @Test func collectsTrailerFields() {
        ParserFixture.expectParses(
            Self.chunked("3\r\nabc\r\n0\r\nX-Checksum: 900150983cd2\r\nX-Other:  1 \r\n\r\n"),
            as: Self.parsed(
                ["Transfer-Encoding: chunked"], body: "abc",
                trailers: ["X-Checksum: 900150983cd2", "X-Other: 1"]))
    }

    @Test(arguments: [
        ("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", HTTPParseError.lengthAndTransferEncoding),
        ("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", .lengthAndTransferEncoding),
        ("Content-Length: +5\r\n", .invalidContentLength),
        ("Content-Length: -1\r\n", .invalidContentLength),
        ("Content-Length: 5x\r\n", .invalidContentLength),
        ("Content-Length: 0x10\r\n", .invalidContentLength),
        ("Content-Length: 1,2\r\n", .invalidContentLength),
        ("Content-Length: 5, 5\r\n", .invalidContentLength),
        ("Content-Length: 5 5\r\n", .invalidContentLength),
        ("Content-Length:\r\n", .invalidContentLength),
        ("Content-Length: ٥\r\n", .invalidContentLength),
        ("Content-Length: 99999999999999999999\r\n", .invalidContentLength),
        ("Content-Length: 0000000000000000000\r\n", .invalidContentLength),
        ("Content-Length: 5\r\nContent-Length: 5\r\n", .duplicateContentLength),
        ("Content-Length: 5\r\ncontent-length: 6\r\n", .duplicateContentLength),
        ("Transfer-Encoding: xchunked\r\n", .chunkedNotFinal),
        ("Transfer-Encoding: gzip\r\n", .chunkedNotFinal),
        ("Transfer-Encoding: identity\r\n", .chunkedNotFinal),
        ("Transfer-Encoding: chunked, identity\r\n", .chunkedNotFinal),
        ("Transfer-Encoding: gzip, chunked\r\n", .notImplemented("gzip")),
        ("Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", .notImplemented("gzip")),
        ("Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n", .chunkedNotFinal),
        ("Transfer-Encoding: chunked, chunked\r\n", .repeatedChunked),
        ("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", .repeatedChunked),
        ("Transfer-Encoding: chunked,\r\n", .invalidTransferEncoding),
        ("Transfer-Encoding: , chunked\r\n", .invalidTransferEncoding),
        ("Transfer-Encoding:\r\n", .invalidTransferEncoding),
        ("Transfer-Encoding: chunked;q=1\r\n", .invalidTransferEncoding),
        ("Transfer-Encoding: \"chunked\"\r\n", .invalidTransferEncoding),
    ])
    func rejectsFraming(fields: String, error: HTTPParseError) {
        ParserFixture.expectFails(Self.post(fields), with: error)
    }

    @Test func rejectsTransferEncodingInHTTP10() {
        ParserFixture.expectFails(
            Self.post("Transfer-Encoding: chunked\r\n", body: "0\r\n\r\n", version: "HTTP/1.0"),
            with: .transferEncodingInHTTP10)
    }

    @Test(arguments: [
        ("g\r\n", HTTPParseError.invalidChunkSize),
        ("5g\r\nhello\r\n", .invalidChunkSize),
        ("\r\n", .invalidChunkSize),
        (" 5\r\nhello\r\n", .invalidChunkSize),
        ("-5\r\nhello\r\n", .invalidChunkSize),
        ("0x5\r\nhello\r\n", .invalidChunkSize),
        ("00000000000000005\r\nhello\r\n", .invalidChunkSize),
        ("FFFFFFFFFFFFFFFF\r\n", .invalidChunkSize),
        ("8000000000000000\r\n", .invalidChunkSize),
        ("5;\r\nhello\r\n", .invalidChunkExtension),
        ("5;=x\r\nhello\r\n", .invalidChunkExtension),
        ("5;a=\r\nhello\r\n", .invalidChunkExtension),
        ("5; a b\r\nhello\r\n", .invalidChunkExtension),
        ("5;a=b c\r\nhello\r\n", .invalidChunkExtension),
        ("5;a=\"open\r\nhello\r\n", .invalidChunkExtension),
        ("5;a=\"x\"y\r\nhello\r\n", .invalidChunkExtension),
        ("5;a=\"\u{1}\"\r\nhello\r\n", .invalidChunkExtension),
        ("5;a \r\nhello\r\n", .invalidChunkExtension),
        ("5 \r\nhello\r\n", .invalidChunkExtension),
        ("5\r\nhelloX\r\n0\r\n\r\n", .missingChunkDataEnd),
        ("5\r\nhello\rX", .missingChunkDataEnd),
        ("5\r\nhello\n0\r\n\r\n", .missingChunkDataEnd),
        ("5\nhello\r\n", .bareLF),
        ("5\r\nhello\r\n0\r\nX : y\r\n\r\n", .whitespaceBeforeColon),
        ("5\r\nhello\r\n0\r\n folded\r\n\r\n", .obsoleteLineFolding),
        ("5\r\nhello\r\n0\r\nX: \u{0}\r\n\r\n", .invalidFieldValue),
        ("5\r\nhello\r\n0\r\nX: y\n\r\n", .bareLF),
        ("5;a=" + String(repeating: "b", count: 5000) + "\r\n", .chunkLineTooLong),
    ])
    func rejectsChunkedBody(body: String, error: HTTPParseError) {
        ParserFixture.expectFails(Self.chunked(body), with: error)
    }
}
