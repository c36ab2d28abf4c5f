import Testing

@testable import HTTPCore

@Suite struct HTTPResponseEncoderTests {
    static let date = "Sun, 06 Nov 1994 08:49:37 GMT"

    private func encode(
        _ response: HTTPResponse, version: HTTPVersion = .http1_1, keepAlive: Bool = true,
        headOnly: Bool = false
    ) -> String {
        let bytes = HTTPResponseEncoder.encode(
            response, version: version, keepAlive: keepAlive, headOnly: headOnly, date: Self.date)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func encodesOKWithBodyAndContentLength() {
        let response = HTTPResponse(
            status: 200, headers: ["Content-Type": "application/json"], body: Array(#"{"a":1}"#.utf8))
        #expect(
            encode(response)
                == "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 7\r\n\r\n{\"a\":1}")
    }

    @Test func writesPreEncodedFieldsThenTheRequestIdAfterTheHandlersFields() {
        let common = HTTPResponseEncoder.encodeFields(["X-Frame-Options": "DENY", "Content-Length": "99"])
        let bytes = HTTPResponseEncoder.encode(
            HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Array("ok".utf8)),
            version: .http1_1, keepAlive: true, headOnly: false, date: Self.date, extraFields: common,
            requestID: "abc-1")
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Frame-Options: DENY\r\nX-Request-Id: abc-1\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 2\r\n\r\nok")
    }

    /// The separate form is the same message: the head, then the response's own body array
    /// (no copy), or no body where none is sent (HEAD, 204, 304, empty).
    @Test(arguments: [(200, false), (200, true), (204, false), (304, false), (404, false)])
    func separateHeadAndBodyMakeTheSameMessage(status: Int, headOnly: Bool) {
        let body = status == 404 ? [] : Array(repeating: UInt8(ascii: "x"), count: 20_000)
        let response = HTTPResponse(status: status, headers: ["Content-Type": "text/plain"], body: body)
        let whole = HTTPResponseEncoder.encode(
            response, version: .http1_1, keepAlive: true, headOnly: headOnly, date: Self.date, requestID: "r1")
        let (head, separate) = HTTPResponseEncoder.encodeSeparately(
            response, version: .http1_1, keepAlive: true, headOnly: headOnly, date: Self.date, requestID: "r1")
        #expect(head + (separate ?? []) == whole)
        #expect(head.suffix(4) == Array("\r\n\r\n".utf8))
        #expect((separate != nil) == (status == 200 && !headOnly))
    }

    @Test func encodesEmptyOKWithZeroContentLength() {
        #expect(
            encode(HTTPResponse(status: 200))
                == "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 0\r\n\r\n")
    }

    @Test func omitsContentLengthAndBodyFor204() {
        let response = HTTPResponse(status: 204, body: Array("ignored".utf8))
        #expect(encode(response) == "HTTP/1.1 204 No Content\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n")
    }

    @Test func omitsContentLengthAndBodyFor304() {
        let response = HTTPResponse(status: 304, headers: ["ETag": "\"v1\""], body: [1, 2, 3])
        #expect(
            encode(response)
                == "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n\r\n")
    }

    @Test func headKeepsContentLengthButSendsNoBody() {
        let response = HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Array("hello".utf8))
        #expect(
            encode(response, headOnly: true)
                == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 5\r\n\r\n")
    }

    @Test(arguments: [
        (HTTPVersion.http1_1, true, ""),
        (HTTPVersion.http1_1, false, "Connection: close\r\n"),
        (HTTPVersion.http1_0, true, "Connection: keep-alive\r\n"),
        (HTTPVersion.http1_0, false, "Connection: close\r\n"),
    ])
    func writesConnectionFieldForVersionAndKeepAlive(
        version: HTTPVersion, keepAlive: Bool, connectionLine: String
    ) {
        #expect(
            encode(HTTPResponse(status: 200, body: [0x41]), version: version, keepAlive: keepAlive)
                == "HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 1\r\n"
                + connectionLine + "\r\nA")
    }

    @Test func preservesHandlerHeaderOrderAndRepeatedFields() {
        let headers = HTTPHeaders([
            ("X-Zulu", "1"), ("Set-Cookie", "a=1"), ("X-Alpha", "2"), ("Set-Cookie", "b=2"),
        ])
        #expect(
            encode(HTTPResponse(status: 201, headers: headers), keepAlive: false)
                == "HTTP/1.1 201 Created\r\nX-Zulu: 1\r\nSet-Cookie: a=1\r\nX-Alpha: 2\r\nSet-Cookie: b=2\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    }

    @Test func replacesFramingFieldsSetByTheHandler() {
        let headers = HTTPHeaders([
            ("content-length", "999"), ("Transfer-Encoding", "chunked"), ("Connection", "upgrade"),
            ("Date", "yesterday"), ("X-Kept", "yes"),
        ])
        #expect(
            encode(HTTPResponse(status: 200, headers: headers, body: [0x42]))
                == "HTTP/1.1 200 OK\r\nX-Kept: yes\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
                + "Content-Length: 1\r\n\r\nB")
    }

    @Test func neutralizesLineBreaksInValuesAndDropsInvalidNames() {
        let headers = HTTPHeaders([
            ("Location", "/x\r\nSet-Cookie: evil=1"), ("Bad Name", "v"), ("X-Nul", "a\u{0}b"),
        ])
        #expect(
            encode(HTTPResponse(status: 201, headers: headers))
                == "HTTP/1.1 201 Created\r\nLocation: /x  Set-Cookie: evil=1\r\nX-Nul: a b\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 0\r\n\r\n")
    }

    @Test func interimResponseHasNoDateLengthOrConnection() {
        #expect(encode(HTTPResponse(status: 100), keepAlive: false) == "HTTP/1.1 100 Continue\r\n\r\n")
    }

    @Test func continueBytesAreTheInterimResponse() {
        #expect(HTTPResponseEncoder.continueBytes == Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
    }

    @Test func sendsBinaryBodyUnchanged() {
        let body: [UInt8] = [0x00, 0xFF, 0x0D, 0x0A, 0x80]
        let bytes = HTTPResponseEncoder.encode(
            HTTPResponse(status: 200, body: body), version: .http1_1, keepAlive: true, headOnly: false,
            date: Self.date)
        #expect(Array(bytes.suffix(5)) == body)
        #expect(String(decoding: bytes.dropLast(5), as: UTF8.self).hasSuffix("Content-Length: 5\r\n\r\n"))
    }

    @Test(arguments: [
        (100, "Continue"), (200, "OK"), (201, "Created"), (204, "No Content"),
        (206, "Partial Content"), (304, "Not Modified"), (400, "Bad Request"),
        (401, "Unauthorized"), (403, "Forbidden"), (404, "Not Found"),
        (405, "Method Not Allowed"), (408, "Request Timeout"), (409, "Conflict"),
        (413, "Content Too Large"), (414, "URI Too Long"), (415, "Unsupported Media Type"),
        (417, "Expectation Failed"), (422, "Unprocessable Content"), (429, "Too Many Requests"),
        (431, "Request Header Fields Too Large"), (500, "Internal Server Error"),
        (501, "Not Implemented"), (503, "Service Unavailable"),
        (505, "HTTP Version Not Supported"), (418, "Unknown"), (299, "Unknown"),
    ])
    func statusLineCarriesReasonPhrase(status: Int, phrase: String) {
        let text = encode(HTTPResponse(status: status))
        #expect(text.hasPrefix("HTTP/1.1 \(status) \(phrase)\r\n"))
    }
}
