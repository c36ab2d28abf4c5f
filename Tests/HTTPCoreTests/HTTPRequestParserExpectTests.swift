import Testing

@testable import HTTPCore

/// RFC 9110 §10.1.1 `Expect: 100-continue` and the `.expectContinue` event.
struct HTTPRequestParserExpectTests {
    static let head = "PUT /up HTTP/1.1\r\nHost: example.com\r\nExpect: 100-continue\r\n"

    @Test func emitsExpectContinueOnceWhenBodyIsStillToCome() {
        let head = Array((Self.head + "Content-Length: 5\r\n\r\n").utf8)
        let result = ParserFixture.feed([head] + "hello".utf8.map { [$0] })
        #expect(result.continues == 1)
        #expect(result.requests.count == 1)
        #expect(result.requests.first?.body == "hello")
        #expect(result.requests.first?.expectsContinue == true)
    }

    @Test func expectContinueCarriesTheHead() throws {
        var parser = HTTPRequestParser()
        let raw = Array((Self.head + "Content-Length: 5\r\n\r\nhe").utf8)
        let (event, consumed) = try parser.parse(raw[...])
        guard case .expectContinue(let head) = event else {
            Issue.record("expected .expectContinue, got \(event)")
            return
        }
        #expect(head.method == "PUT")
        #expect(head.path == "/up")
        #expect(head.expectsContinue)
        #expect(consumed == raw.count)
        #expect(!parser.isIdle)
    }

    @Test(arguments: [
        "Content-Length: 5\r\n\r\nhello",
        "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
    ])
    func skipsExpectContinueWhenBodyAlreadyArrived(rest: String) {
        let result = ParserFixture.feed(Self.head + rest, mode: .whole)
        #expect(result.continues == 0)
        #expect(result.requests.first?.body == "hello")
    }

    @Test(arguments: [
        ("Content-Length: 5\r\n\r\nhello", 1),
        ("Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 1),
        ("Content-Length: 0\r\n\r\n", 0),
        ("\r\n", 0),
    ])
    func emitsExpectContinueOnlyForPendingBody(rest: String, continues: Int) {
        let result = ParserFixture.feed(Self.head + rest, mode: .byteByByte)
        #expect(result.continues == continues)
        #expect(result.requests.count == 1)
    }

    @Test func throwsPayloadTooLargeInsteadOfExpectContinue() {
        let result = ParserFixture.feed(
            Self.head + "Content-Length: 17\r\n\r\n", mode: .whole,
            limits: HTTPParserLimits(maxBodyBytes: 16))
        #expect(result.continues == 0)
        #expect(result.error == .payloadTooLarge)
    }

    @Test func ignoresExpectContinueInHTTP10() {
        let raw = "PUT /up HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi"
        let result = ParserFixture.feed(raw, mode: .byteByByte)
        #expect(result.continues == 0)
        #expect(result.requests.first?.expectsContinue == false)
        #expect(result.requests.first?.body == "hi")
    }

    @Test(arguments: ["100-Continue", "100-CONTINUE", " 100-continue "])
    func acceptsExpectContinueCaseInsensitively(value: String) {
        let raw = "GET / HTTP/1.1\r\nHost: example.com\r\nExpect:\(value)\r\n\r\n"
        #expect(ParserFixture.feed(raw, mode: .whole).requests.first?.expectsContinue == true)
    }

    @Test(arguments: ["foo", "100-continue, foo", "", "100-continues", "200-ok"])
    func rejectsUnknownExpectationWith417(value: String) {
        ParserFixture.expectFails(
            "GET / HTTP/1.1\r\nHost: example.com\r\nExpect: \(value)\r\n\r\n",
            with: .expectationFailed)
    }
}
