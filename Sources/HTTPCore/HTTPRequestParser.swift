/// Limits the parser enforces. Each one maps to the status the server answers with.
public struct HTTPParserLimits: Sendable {
    /// Header section (request line + fields + final CRLF, plus any chunked trailer section)
    /// larger than this → 431.
    public var maxHeaderBytes: Int
    /// Body (after de-chunking) larger than this → 413.
    public var maxBodyBytes: Int
    /// Request line (without its CRLF) longer than this → 414.
    public var maxRequestLineBytes: Int

    public init(
        maxHeaderBytes: Int = 16 * 1024, maxBodyBytes: Int = 1 << 20,
        maxRequestLineBytes: Int = 8 * 1024
    ) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.maxRequestLineBytes = maxRequestLineBytes
    }
}

/// An incremental, strict HTTP/1.1 request parser (RFC 9112). It takes bytes, never a socket:
/// the caller feeds whatever it has read, drops the bytes the parser reports as consumed, and
/// calls again when more arrive or when a request was returned with bytes left (pipelining).
///
/// Complete lines of the head and body bytes are consumed as soon as they are validated, so
/// between calls the caller holds at most one partial line of the current request (plus any
/// bytes of later, pipelined requests), and a partial line is never rescanned.
/// After a throw the parser is dead and rethrows the same error on every later call.
public struct HTTPRequestParser: Sendable {
    /// What one call to `parse` produced.
    public enum Event: Sendable {
        case needMore
        /// The head is complete, the client sent `Expect: 100-continue` on HTTP/1.1, and body
        /// bytes are still to come: the server writes `HTTP/1.1 100 Continue` and keeps feeding.
        /// Emitted at most once per request, and never when the body is already complete or empty,
        /// and never when the body is too large (that throws `.payloadTooLarge` instead).
        case expectContinue(HTTPRequestHead)
        case request(HTTPRequest)
    }

    /// Where the parser is inside the current request.
    enum Phase: Sendable, Equatable {
        case requestLine
        case headerFields
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailerFields
    }

    /// What one step of the state machine achieved.
    enum Progress {
        case advanced
        case needMore
        case finished(HTTPRequest)
    }

    let limits: HTTPParserLimits
    var phase: Phase = .requestLine
    /// Bytes of the current partial line already scanned on earlier calls (they hold no CR/LF).
    var scannedLineBytes = 0
    /// Bytes the caller still held, unconsumed, after the previous call.
    var pendingInputBytes = 0
    var leadingEmptyLines = 0
    var requestLine: RequestLine?
    var fields = HTTPHeaders()
    var trailers = HTTPHeaders()
    /// Field lines seen so far in this request, headers and trailers together.
    var fieldCount = 0
    /// Header-section bytes consumed so far (request line, field lines, trailer lines).
    var sectionBytes = 0
    var head: HTTPRequestHead?
    var body: [UInt8] = []
    var continuePending = false
    var failure: HTTPParseError?

    public init(limits: HTTPParserLimits = HTTPParserLimits()) {
        self.limits = limits
    }

    /// True when no request is partially parsed (nothing buffered, no partial head/body state).
    /// The server uses it at EOF: EOF while not idle → 400.
    public var isIdle: Bool {
        failure == nil && phase == .requestLine && pendingInputBytes == 0
    }

    /// Parses as much of `bytes` as it can.
    ///
    /// `bytes` is always the not-yet-consumed input: it starts where the previous call's consumed
    /// count ended (the caller drops consumed bytes, and appends newly read ones).
    /// Returns the event and how many bytes of `bytes` it consumed.
    public mutating func parse(
        _ bytes: UnsafeBufferPointer<UInt8>
    ) throws(HTTPParseError) -> (event: Event, consumed: Int) {
        if let failure { throw failure }
        var cursor = 0
        do throws(HTTPParseError) {
            let event = try run(bytes, cursor: &cursor)
            pendingInputBytes = bytes.count - cursor
            return (event, cursor)
        } catch {
            failure = error
            throw error
        }
    }

    /// Convenience for tests and callers with an array slice.
    public mutating func parse(
        _ bytes: ArraySlice<UInt8>
    ) throws(HTTPParseError) -> (event: Event, consumed: Int) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(HTTPParseError) in
            try parse(buffer)
        }
    }

    /// Steps the state machine until it needs more input or completes a request.
    private mutating func run(
        _ bytes: UnsafeBufferPointer<UInt8>, cursor: inout Int
    ) throws(HTTPParseError) -> Event {
        while true {
            switch try step(bytes, cursor: &cursor) {
            case .advanced:
                continue
            case .finished(let request):
                return .request(request)
            case .needMore:
                // RFC 9110 §10.1.1: only ask for the body when it has not already arrived.
                if continuePending, let head {
                    continuePending = false
                    return .expectContinue(head)
                }
                return .needMore
            }
        }
    }

    /// Runs the handler of the current phase once.
    private mutating func step(
        _ bytes: UnsafeBufferPointer<UInt8>, cursor: inout Int
    ) throws(HTTPParseError) -> Progress {
        switch phase {
        case .requestLine: try readRequestLine(bytes, cursor: &cursor)
        case .headerFields: try readHeaderField(bytes, cursor: &cursor)
        case .fixedBody(let remaining): readFixedBody(bytes, cursor: &cursor, remaining: remaining)
        case .chunkSize: try readChunkSize(bytes, cursor: &cursor)
        case .chunkData(let remaining): readChunkData(bytes, cursor: &cursor, remaining: remaining)
        case .chunkDataEnd: try readChunkDataEnd(bytes, cursor: &cursor)
        case .trailerFields: try readTrailerField(bytes, cursor: &cursor)
        }
    }

    /// Copies up to `remaining` Content-Length body bytes (RFC 9112 §6.2).
    private mutating func readFixedBody(
        _ bytes: UnsafeBufferPointer<UInt8>, cursor: inout Int, remaining: Int
    ) -> Progress {
        let left = remaining - takeBody(bytes, cursor: &cursor, upTo: remaining)
        if left == 0 { return .finished(finishRequest()) }
        phase = .fixedBody(remaining: left)
        return .needMore
    }

    /// Appends at most `limit` bytes from `cursor` to the body and returns how many it took.
    mutating func takeBody(
        _ bytes: UnsafeBufferPointer<UInt8>, cursor: inout Int, upTo limit: Int
    ) -> Int {
        let count = min(limit, bytes.count - cursor)
        body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<cursor + count]))
        cursor += count
        return count
    }

    /// Hands out the completed request and resets every per-request field for the next one.
    mutating func finishRequest() -> HTTPRequest {
        guard let head else { preconditionFailure("a request finished before its head") }
        let request = HTTPRequest(head: head, body: body, trailers: trailers)
        self = HTTPRequestParser(limits: limits)
        return request
    }
}
