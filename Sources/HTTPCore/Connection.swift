import CSystem
import Glibc
import Primitives
import Synchronization

/// One client connection: its buffers, its parser and where it is in the request/response
/// cycle. Requests on a connection are handled one at a time, so pipelined responses leave in
/// request order; a connection stops reading while a handler runs or while its unsent output is
/// above the high-water mark (backpressure).
final class Connection {
    let fd: Int32
    let remote: String
    unowned let loop: EventLoop
    /// The server's clock (`ServerConfiguration.clock`), kept here: it is read several times
    /// per request, and reaching it through the configuration copied that struct each time.
    private let clock: any TimeSource
    private var parser: HTTPRequestParser
    private var inbound: [UInt8] = []
    private var inboundStart = 0
    /// Unsent output: byte arrays in order, the first one written up to `outboundOffset`. A large
    /// body is queued as the response's own array (a cached board is then shared by every
    /// connection sending it, never copied); small pieces are joined into the last array, so a
    /// burst of small pipelined responses still leaves in one write.
    private var outbound: [[UInt8]] = []
    private var outboundOffset = 0
    private var unsentBytes = 0
    private var interest: UInt32 = EPOLLIN.rawValue

    /// Where the connection is in its life (see `Phase`).
    private var phase = Phase.open
    /// The client has shut its side (EOF read); requests already received are still answered.
    private var peerClosed = false

    private var lastActivity: Double
    private var lastWriteProgress: Double
    /// When the first byte of the request now being received arrived; nil between requests.
    private var requestStarted: Double?

    init(fd: Int32, remote: String, loop: EventLoop) {
        self.fd = fd
        self.remote = remote
        self.loop = loop
        parser = HTTPRequestParser(limits: loop.context.configuration.parserLimits)
        clock = loop.clock
        lastActivity = clock.monotonicSeconds()
        lastWriteProgress = lastActivity
    }

    private var configuration: ServerConfiguration { loop.context.configuration }
    private var hasUnsentOutput: Bool { unsentBytes > 0 }
    private var hasUnparsedInput: Bool { inboundStart < inbound.count }

    // MARK: Events

    func handle(events: UInt32) {
        if events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 && events & EPOLLIN.rawValue == 0 {
            return closeNow()
        }
        if events & EPOLLOUT.rawValue != 0 { flush() }
        if phase != .closed && events & EPOLLIN.rawValue != 0 { readAvailable() }
        if phase != .closed { process() }
    }

    private func readAvailable() {
        let buffer = loop.readBuffer
        let count = read(fd, buffer.baseAddress, buffer.count)
        if count > 0 {
            if case .lingering = phase { return }  // draining after our final response
            lastActivity = clock.monotonicSeconds()
            if requestStarted == nil && !hasUnparsedInput && parser.isIdle { requestStarted = lastActivity }
            inbound.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        } else if count == 0 {
            if case .lingering = phase { return closeNow() }
            peerClosed = true
        } else if errno != EAGAIN && errno != EINTR {
            closeNow()
        }
    }

    /// Parses and answers as many buffered requests as the connection's state allows. When
    /// unsent output reached the high-water mark first, the requests still buffered wait for it
    /// to drain; if the flush below drains it at once, parsing resumes here, since no socket
    /// event would come for input that has already been read.
    private func process() {
        var heldBack: Bool
        repeat {
            heldBack = parseAndDispatch()
            // End of input only counts against a request the parser is still waiting for, not
            // against complete requests held back by backpressure.
            if peerClosed && phase == .open && !heldBack {
                if hasUnparsedInput || !parser.isIdle {
                    respondToParseError(.badRequest("The connection was closed before the request was complete."))
                } else {
                    finishAfterFlush()
                }
            }
            compactInbound()
            flush()
        } while heldBack && phase != .closed && unsentBytes < configuration.outboundHighWater
    }

    /// Parses and dispatches buffered requests until one must wait; true when what stopped it
    /// was the unsent output at the high-water mark (with input possibly still buffered).
    private func parseAndDispatch() -> Bool {
        while phase == .open {
            guard unsentBytes < configuration.outboundHighWater else { return true }
            let result: (event: HTTPRequestParser.Event, consumed: Int)
            do {
                result = try inbound.withUnsafeBufferPointer { all throws(HTTPParseError) in
                    try parser.parse(UnsafeBufferPointer(rebasing: all[inboundStart...]))
                }
            } catch {
                respondToParseError(error)
                break
            }
            inboundStart += result.consumed
            switch result.event {
            case .needMore:
                if loop.stopping && !hasUnparsedInput && parser.isIdle { finishAfterFlush() }
                if loop.stopping && (hasUnparsedInput || !parser.isIdle) {
                    respond(Problem.response(status: 503, detail: "The server is shutting down."), closing: true)
                }
                break
            case .expectContinue:
                append(HTTPResponseEncoder.continueBytes)
                continue
            case .request(let request):
                requestStarted = hasUnparsedInput ? clock.monotonicSeconds() : nil
                dispatch(request)
                continue
            }
            break
        }
        return false
    }

    private func dispatch(_ request: HTTPRequest) {
        var request = request
        request.remoteAddress = remote
        let resolution = loop.context.router.resolve(&request)
        let started = clock.monotonicSeconds()
        guard resolution.mayBlock else {
            return finish(request, resolution, resolution.handler(request), started: started)
        }
        if let inline = resolution.inline, let response = inline(request) {
            return finish(request, resolution, response, started: started)
        }
        phase = .handling
        let handoff = Handoff(connection: self, request: request)
        let loop = self.loop
        let answered = AnsweredFlag()
        let respond: HTTPResponder = { response in
            guard answered.claim() else { return assertionFailure("a responder was called twice") }
            loop.execute {
                let connection = handoff.connection
                guard connection.phase == .handling else { return }  // closed meanwhile
                connection.phase = .open
                connection.finish(handoff.request, resolution, response, started: started)
                connection.process()
            }
        }
        loop.context.workers.submit {
            if let deferred = resolution.deferred {
                deferred(handoff.request, respond)
            } else {
                respond(resolution.handler(handoff.request))
            }
        }
    }

    /// Encodes the response (compressed when allowed), queues it, and records metrics and the log line.
    private func finish(
        _ request: HTTPRequest, _ resolution: RouteResolution, _ response: HTTPResponse, started: Double
    ) {
        let route = resolution.name
        let head = request.head
        var response = response
        if response.status >= 400, let filter = loop.context.router.errorFilter { response = filter(request, response) }
        // A body below the gzip minimum is never compressed, so its Accept-Encoding is not read.
        let acceptEncoding =
            response.body.count >= HTTPResponse.gzipMinimumLength ? head.headers.values("Accept-Encoding") : []
        response = response.gzipped(ifAcceptedBy: acceptEncoding)
        let requestID = RequestID.accepted(head.headers["X-Request-Id"]) ?? loop.requestIDs.next()
        if response.headers.contains("X-Request-Id") { response.headers.remove("X-Request-Id") }
        // The common headers, encoded once, unless the handler set one of them itself.
        let common = loop.context.commonHeaders
        var extraFields = common.encoded
        if response.headers.contains(where: { field in common.names.contains { $0.caseInsensitiveEquals(field.name) } })
        {
            var remaining = HTTPHeaders()
            for field in common.headers where !response.headers.contains(field.name) {
                remaining.add(field.name, field.value)
            }
            extraFields = HTTPResponseEncoder.encodeFields(remaining)
        }
        let keepAlive =
            head.keepAlive && !(loop.stopping && !hasUnparsedInput)
            && !(response.headers["Connection"]?.caseInsensitiveEquals("close") ?? false)
        if response.body.count >= Self.separateBodyMinimum {
            let (bytes, body) = HTTPResponseEncoder.encodeSeparately(
                response, version: head.version, keepAlive: keepAlive, headOnly: head.method == "HEAD",
                date: HTTPDate.now(clock), extraFields: extraFields, requestID: requestID)
            append(bytes)
            if let body { append(body) }
        } else {
            append(
                HTTPResponseEncoder.encode(
                    response, version: head.version, keepAlive: keepAlive, headOnly: head.method == "HEAD",
                    date: HTTPDate.now(clock), extraFields: extraFields, requestID: requestID))
        }
        if !keepAlive { finishAfterFlush() }
        lastActivity = clock.monotonicSeconds()  // the idle timeout counts from the last response too
        let seconds = lastActivity - started
        loop.context.metrics.record(
            route: route, method: ServerMetrics.methodLabel(head.method), status: response.status, seconds: seconds)
        loop.context.log.request(
            AccessLog.Entry(
                id: requestID, remote: resolution.redactsLog ? "-" : remote, method: head.method,
                path: resolution.redactsLog ? resolution.name : head.path, status: response.status,
                bytes: response.body.count, seconds: seconds))
    }

    private func respondToParseError(_ error: HTTPParseError) {
        respond(Problem.response(status: error.status, detail: error.detail), closing: true)
        loop.context.metrics.record(route: "malformed", method: "-", status: error.status, seconds: 0)
    }

    /// Queues a response the connection itself produces (errors, timeouts) and closes after it.
    private func respond(_ response: HTTPResponse, closing: Bool) {
        append(
            HTTPResponseEncoder.encode(
                response, version: .http1_1, keepAlive: !closing, headOnly: false, date: HTTPDate.now(clock),
                extraFields: loop.context.commonHeaders.encoded))
        if closing { finishAfterFlush() }
    }

    // MARK: Output

    /// Bodies at least this large are queued by reference instead of copied after their head.
    static let separateBodyMinimum = 16 * 1024
    /// Small pieces are joined into the last queued array while it stays below this size.
    private static let joinLimit = 16 * 1024
    /// Most arrays handed to one `writev`.
    private static let maxVectors = 16

    private func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        unsentBytes += bytes.count
        if let last = outbound.indices.last, outbound[last].count + bytes.count <= Self.joinLimit {
            outbound[last].append(contentsOf: bytes)
        } else {
            outbound.append(bytes)
        }
    }

    /// Writes what the socket takes now, then closes or re-arms epoll as the state requires.
    private func flush() {
        while hasUnsentOutput {
            let written = writeQueued()
            if written > 0 {
                consume(written)
                lastWriteProgress = clock.monotonicSeconds()
            } else if written < 0 && errno == EINTR {
                continue
            } else if written < 0 && errno == EAGAIN {
                break
            } else {
                return closeNow()
            }
        }
        if !hasUnsentOutput {
            outbound.removeAll(keepingCapacity: true)
            outboundOffset = 0
            if phase == .finishing { return startLingeringClose() }
        }
        updateInterest()
    }

    /// One `write` of the queued output, or one `writev` when several arrays are queued.
    private func writeQueued() -> Int {
        if outbound.count == 1 {
            return outbound[0].withUnsafeBytes { all in
                write(fd, all.baseAddress! + outboundOffset, all.count - outboundOffset)
            }
        }
        var vectors: [iovec] = []
        vectors.reserveCapacity(min(outbound.count, Self.maxVectors))
        return writeVectors(from: 0, &vectors)
    }

    /// Collects a vector per queued array, each inside that array's own pointer scope (the
    /// pointers are only valid there), then writes them all at once.
    private func writeVectors(from index: Int, _ vectors: inout [iovec]) -> Int {
        guard index < min(outbound.count, Self.maxVectors) else {
            return vectors.withUnsafeBufferPointer { writev(fd, $0.baseAddress, Int32($0.count)) }
        }
        let skip = index == 0 ? outboundOffset : 0
        return outbound[index].withUnsafeBytes { bytes in
            vectors.append(
                iovec(
                    iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress! + skip), iov_len: bytes.count - skip)
            )
            return writeVectors(from: index + 1, &vectors)
        }
    }

    /// Drops the `count` bytes just written from the front of the queue.
    private func consume(_ count: Int) {
        unsentBytes -= count
        var left = count
        while left > 0 {
            let available = outbound[0].count - outboundOffset
            if left < available {
                outboundOffset += left
                return
            }
            left -= available
            outbound.removeFirst()
            outboundOffset = 0
        }
    }

    /// Half-closes and drains what the client still sends for a moment, so that our final
    /// response is not destroyed by a TCP reset caused by unread input.
    private func startLingeringClose() {
        shutdown(fd, Int32(SHUT_WR))
        phase = .lingering(until: clock.monotonicSeconds() + 2)
        if peerClosed { return closeNow() }
        updateInterest()
    }

    private func updateInterest() {
        var wanted: UInt32 = 0
        if hasUnsentOutput { wanted |= EPOLLOUT.rawValue }
        let readable: Bool
        switch phase {
        case .lingering: readable = true
        case .open: readable = !peerClosed && unsentBytes < configuration.outboundHighWater
        case .handling, .finishing, .closed: readable = false
        }
        if readable { wanted |= EPOLLIN.rawValue }
        if wanted != interest {
            interest = wanted
            loop.modify(fd, events: wanted)
        }
    }

    private func compactInbound() {
        if inboundStart == inbound.count {
            inbound.removeAll(keepingCapacity: inbound.capacity <= 64 * 1024)
            inboundStart = 0
        } else if inboundStart > 32 * 1024 {
            inbound.removeFirst(inboundStart)
            inboundStart = 0
        }
    }

    /// No more requests: close once the responses queued so far are written.
    private func finishAfterFlush() {
        if phase == .open { phase = .finishing }
    }

    func closeNow() {
        guard phase != .closed else { return }
        phase = .closed
        loop.forget(fd)
        close(fd)
    }

    // MARK: Time and shutdown

    func checkTimeouts(now: Double) {
        switch phase {
        case .closed, .handling: return
        case .lingering(let until):
            if now > until { closeNow() }
            return
        case .open, .finishing: break
        }
        if hasUnsentOutput {
            if now - lastWriteProgress > configuration.writeTimeout { closeNow() }
            return
        }
        if let requestStarted {
            // A body has the header time plus the body time in all, however it trickles in, so a
            // byte now and then cannot hold a connection for hours.
            let timedOut =
                parser.isReadingBody
                ? now - requestStarted > configuration.headerTimeout + configuration.bodyTimeout
                : now - requestStarted > configuration.headerTimeout
            if timedOut {
                respond(Problem.response(status: 408, detail: "The request was not received in time."), closing: true)
                flush()
            }
        } else if now - lastActivity > configuration.idleTimeout {
            closeNow()
        }
    }

    func serverStopping() {
        guard phase != .closed, phase != .handling, !hasUnsentOutput else { return }
        process()
    }
}

/// Makes a responder answer once even if a handler calls it twice.
private final class AnsweredFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    /// True the first time only.
    func claim() -> Bool { !flag.exchange(true, ordering: .acquiringAndReleasing) }
}

/// Carries a connection to a worker thread and back.
private struct Handoff: @unchecked Sendable {
    // Safe: the worker only reads `request`; `connection` is used again only inside
    // `loop.execute`, i.e. back on the connection's own loop thread.
    let connection: Connection
    let request: HTTPRequest
}

extension HTTPRequestParser {
    /// True once a head is complete and its body is arriving: the body timeout applies, not the
    /// header timeout.
    var isReadingBody: Bool { phase != .requestLine && phase != .headerFields }
}

extension Connection {
    /// The life of a connection, one state at a time (as NIO's and Hummingbird's connection state
    /// machines): requests are read and answered while `open`; a handler on a worker makes it
    /// `handling` (reading waits, so responses leave in request order); once its final response
    /// is queued it is `finishing`; when that is written, the write side is shut and input drained
    /// for a moment, `lingering`, so the response is not lost to a reset; then `closed`.
    enum Phase: Equatable {
        case open
        case handling
        case finishing
        case lingering(until: Double)
        case closed
    }
}
