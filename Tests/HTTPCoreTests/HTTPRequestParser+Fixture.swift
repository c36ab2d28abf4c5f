import Testing

@testable import HTTPCore

/// A request reduced to comparable values, so tables can state exactly what should be parsed.
struct ParsedRequest: Equatable, CustomStringConvertible {
    var method = "GET"
    var target = "/"
    var path = "/"
    var query: String?
    var version = HTTPVersion.http1_1
    /// Fields as `name: value`, in order.
    var headers = ["Host: example.com"]
    var body = ""
    var trailers: [String] = []
    var keepAlive = true
    var expectsContinue = false

    init(
        method: String = "GET", target: String = "/", path: String? = nil, query: String? = nil,
        version: HTTPVersion = .http1_1, headers: [String] = ["Host: example.com"],
        body: String = "", trailers: [String] = [], keepAlive: Bool = true,
        expectsContinue: Bool = false
    ) {
        self.method = method
        self.target = target
        self.path = path ?? target
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
        self.trailers = trailers
        self.keepAlive = keepAlive
        self.expectsContinue = expectsContinue
    }

    init(_ request: HTTPRequest) {
        let head = request.head
        self.init(
            method: head.method, target: head.target, path: head.path, query: head.query,
            version: head.version, headers: head.headers.map { "\($0.name): \($0.value)" },
            body: String(decoding: request.body, as: UTF8.self),
            trailers: request.trailers.map { "\($0.name): \($0.value)" },
            keepAlive: head.keepAlive, expectsContinue: head.expectsContinue)
    }

    var description: String {
        "\(method) \(target) [\(path)?\(query ?? "nil")] \(version) \(headers) body=\(body.debugDescription) "
            + "trailers=\(trailers) keepAlive=\(keepAlive) expectsContinue=\(expectsContinue)"
    }
}

/// What a connection would have seen after feeding a sequence of reads to one parser.
struct FeedResult {
    var requests: [ParsedRequest] = []
    /// How many `.expectContinue` events were emitted.
    var continues = 0
    var error: HTTPParseError?
    /// A call reported consuming more bytes than it was given.
    var overConsumed = false
    var isIdle = false
}

/// The three ways every rule is exercised, after swift-nio's `ByteToMessageDecoderVerifier`.
enum FeedMode: String, CaseIterable, CustomStringConvertible {
    /// All bytes in one read.
    case whole
    /// One byte per read; each call sees the unconsumed bytes, like a connection buffer.
    case byteByByte
    /// The bytes followed by `pipelinedSecond` in the same read.
    case pipelined

    var description: String { rawValue }
}

enum ParserFixture {
    /// The valid request appended in `.pipelined` mode.
    static let pipelinedSecond = "GET /second?x=1 HTTP/1.1\r\nHost: second\r\n\r\n"
    static let pipelinedSecondParsed = ParsedRequest(
        target: "/second?x=1", path: "/second", query: "x=1", headers: ["Host: second"])

    /// Feeds `reads` one after another, calling the parser again while it returns requests with
    /// bytes left, exactly as the server's connection loop does.
    static func feed(_ reads: [[UInt8]], limits: HTTPParserLimits = HTTPParserLimits()) -> FeedResult {
        var parser = HTTPRequestParser(limits: limits)
        var result = FeedResult()
        var buffer: [UInt8] = []
        do {
            for read in reads {
                buffer += read
                readLoop: while true {
                    let (event, consumed) = try parser.parse(buffer[...])
                    guard consumed <= buffer.count else {
                        result.overConsumed = true
                        return result
                    }
                    buffer.removeFirst(consumed)
                    switch event {
                    case .needMore:
                        break readLoop
                    case .expectContinue:
                        // The parser took all it could; like the server, wait for the next read.
                        result.continues += 1
                        break readLoop
                    case .request(let request):
                        result.requests.append(ParsedRequest(request))
                        if buffer.isEmpty { break readLoop }
                    }
                }
            }
        } catch {
            result.error = error
        }
        result.isIdle = parser.isIdle
        return result
    }

    /// Feeds `raw` in `mode`.
    static func feed(
        _ raw: String, mode: FeedMode, limits: HTTPParserLimits = HTTPParserLimits()
    ) -> FeedResult {
        let bytes = Array(raw.utf8)
        switch mode {
        case .whole: return feed([bytes], limits: limits)
        case .byteByByte: return feed(bytes.map { [$0] }, limits: limits)
        case .pipelined: return feed([bytes + Array(pipelinedSecond.utf8)], limits: limits)
        }
    }

    /// Expects `raw` to parse as `expected` in every feeding mode, and the pipelined request
    /// after it to parse too.
    static func expectParses(
        _ raw: String, as expected: ParsedRequest, limits: HTTPParserLimits = HTTPParserLimits(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for mode in FeedMode.allCases {
            let result = feed(raw, mode: mode, limits: limits)
            let wanted = mode == .pipelined ? [expected, pipelinedSecondParsed] : [expected]
            #expect(result.error == nil, "\(mode)", sourceLocation: sourceLocation)
            #expect(result.requests == wanted, "\(mode)", sourceLocation: sourceLocation)
        }
    }

    /// Expects `raw` to fail with exactly `error` in every feeding mode, before any request.
    static func expectFails(
        _ raw: String, with error: HTTPParseError, limits: HTTPParserLimits = HTTPParserLimits(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for mode in FeedMode.allCases {
            let result = feed(raw, mode: mode, limits: limits)
            #expect(result.error == error, "\(mode)", sourceLocation: sourceLocation)
            #expect(result.requests.isEmpty, "\(mode)", sourceLocation: sourceLocation)
        }
    }
}
