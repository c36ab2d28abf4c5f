import Foundation
import Glibc
import Primitives
import TestSupport
import Testing

@testable import HTTPCore

/// The server on a real socket: framing, keep-alive, pipelining, limits and timeouts.
@Suite struct LiveServerTests {
    @Test func keepAliveReusesTheConnection() throws {
        let live = try LiveServer.make()
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        for _ in 0..<3 {
            let response = try client.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(response.status == 200)
            #expect(response.text == #"{"status":"ok"}"#)
            #expect(response.header("Content-Type") == "application/json")
            #expect(response.header("Date") != nil)
            #expect(response.header("Content-Length") == "15")
        }
    }

    @Test func pipelinedResponsesComeInRequestOrder() throws {
        let live = try LiveServer.make()
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        try client.send(
            "GET /sleep HTTP/1.1\r\nHost: x\r\n\r\nGET /items/7 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabcGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
        )
        #expect(try client.readResponse().text == "slept")
        #expect(try client.readResponse().text == "item 7")
        #expect(try client.readResponse().text == "abc")
        #expect(try client.readResponse().status == 200)
    }

    @Test func chunkedBodyWithTrailersIsReassembled() throws {
        let live = try LiveServer.make()
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        let response = try client.exchange(
            "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n7;note=x\r\n, world\r\n0\r\nX-Checksum: 1\r\n\r\n")
        #expect(response.text == "hello, world")
    }

    @Test func expectContinueAsCurlSendsIt() throws {
        let live = try LiveServer.make()
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
        let interim = try client.readResponse()
        #expect(interim.status == 100)
        try client.send("data")
        let final = try client.readResponse()
        #expect(final.status == 200)
        #expect(final.text == "data")
    }

    @Test func tooLargeBodyWithExpectGets413WithoutContinue() throws {
        let live = try LiveServer.make { $0.maxBodyBytes = 1000 }
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        let response = try client.exchange(
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n")
        #expect(response.status == 413)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(client.isClosedByServer())
    }

    @Test func headAnswersHeadersWithoutBody() throws {
        let live = try LiveServer.make()
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        let head = try client.exchange("HEAD /items/3 HTTP/1.1\r\nHost: x\r\n\r\n", head: true)
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == "6")
        // Had a body been sent, it would now be misread as the next response's status line.
        let next = try client.exchange("GET /items/4 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(next.text == "item 4")
    }

    @Test func wrongMethodGets405WithAllow() throws {
        let live = try LiveServer.make()
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        let response = try client.exchange("DELETE /echo HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(response.status == 405)
        #expect(response.header("Allow") == "OPTIONS, POST")
        #expect(response.header("Content-Type") == "application/problem+json")
        let options = try client.exchange("OPTIONS /items/1 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(options.status == 204)
        #expect(options.header("Allow") == "GET, HEAD, OPTIONS")
    }

    @Test func gzipWhenAcceptedAndLargeEnough() throws {
        let live = try LiveServer.make()
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        let zipped = try client.exchange("GET /big HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip, br\r\n\r\n")
        #expect(zipped.header("Content-Encoding") == "gzip")
        #expect(zipped.header("Vary") == "Accept-Encoding")
        #expect(Array(zipped.body.prefix(2)) == [0x1f, 0x8b])
        let refused = try client.exchange("GET /big HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip;q=0\r\n\r\n")
        #expect(refused.header("Content-Encoding") == nil)
        #expect(refused.body.first == UInt8(ascii: "["))
        let small = try client.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
        #expect(small.header("Content-Encoding") == nil)
    }

    @Test func oversizedHeadersGet431() throws {
        let live = try LiveServer.make { $0.maxHeaderBytes = 2048 }
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        let response = try client.exchange(
            "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 4000))\r\n\r\n")
        #expect(response.status == 431)
        #expect(client.isClosedByServer())
    }

    @Test func malformedRequestGets400ProblemAndClose() throws {
        let live = try LiveServer.make()
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        let response = try client.exchange(
            "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n")
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.header("Connection") == "close")
        #expect(response.text.contains(#""status":400"#))
        #expect(client.isClosedByServer())
    }

    /// The header timeout runs on the server's clock: a manual one moved past it gives the 408
    /// at once, without waiting the 10 s.
    @Test func slowHeadersTimeOutWith408() throws {
        let clock = ManualClock(wallSeconds: 1_796_560_000)
        let live = try LiveServer.make {
            $0.headerTimeout = 10
            $0.clock = clock
        }
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        try client.send("GET /healthz HTTP/1.1\r\nHost: x\r\n")
        usleep(1_000_000)  // the server reads the bytes (the head's clock starts) before time moves
        clock.advance(by: 9)
        usleep(600_000)  // two sweeps of the loop: nothing is due yet
        try client.send("X-Still: typing\r\n")
        clock.advance(by: 2)
        let response = try client.readResponse()
        #expect(response.status == 408)
        #expect(client.isClosedByServer())
    }

    @Test func tricklingBodyTimesOutWith408() throws {
        let live = try LiveServer.make {
            $0.headerTimeout = 0.5
            $0.bodyTimeout = 0.5
        }
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port, timeout: 5)
        try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n")
        // One byte every 0.2 s: never idle long enough for a per-read timeout, yet too slow.
        var answered = false
        for _ in 0..<20 where !answered {
            if (try? client.send("a")) == nil { answered = true }
            usleep(200_000)
        }
        let response = try client.readResponse()
        #expect(response.status == 408)
        #expect(client.isClosedByServer())
    }

    @Test func idleKeepAliveConnectionIsClosed() throws {
        let clock = ManualClock(wallSeconds: 1_796_560_000)
        let live = try LiveServer.make {
            $0.idleTimeout = 60
            $0.clock = clock
        }
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        #expect(try client.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").status == 200)
        clock.advance(by: 59)
        usleep(600_000)
        #expect(try client.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").status == 200, "still open at 59 s")
        clock.advance(by: 61)
        #expect(client.isClosedByServer())
    }

    @Test func http10ClosesByDefaultAndConnectionCloseIsHonoured() throws {
        let live = try LiveServer.make()
        defer { live.server.shutdown() }
        let old = try RawClient(port: live.port)
        #expect(try old.exchange("GET /healthz HTTP/1.0\r\n\r\n").status == 200)
        #expect(old.isClosedByServer())
        let closing = try RawClient(port: live.port)
        let response = try closing.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(response.header("Connection") == "close")
        #expect(closing.isClosedByServer())
        let kept = try RawClient(port: live.port)
        let keptResponse = try kept.exchange("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(keptResponse.header("Connection") == "keep-alive")
        #expect(try kept.exchange("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").status == 200)
    }

    @Test func blockingHandlerDoesNotDelayOtherConnections() throws {
        let live = try LiveServer.make { $0.workerThreads = 2 }
        defer { live.server.shutdown() }
        let blocked = try RawClient(port: live.port, timeout: 10)
        try blocked.send("GET /blocked HTTP/1.1\r\nHost: x\r\n\r\n")
        // /healthz must be answered while /blocked is still waiting for the gate.
        let other = try RawClient(port: live.port, timeout: 3)
        #expect(try other.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").status == 200)
        live.gate.open()
        #expect(try blocked.readResponse().text == "released")
    }

    @Test func anInlineFastPathAnswersWithoutAWorkerAndFallsBackOnNil() throws {
        let live = try LiveServer.make { $0.workerThreads = 1 }
        defer { live.server.shutdown() }
        let cold = try RawClient(port: live.port, timeout: 10)
        try cold.send("GET /cached/cold HTTP/1.1\r\nHost: x\r\n\r\n")
        live.gate.awaitWaiter()  // the only worker is taken
        let hot = try RawClient(port: live.port, timeout: 3)
        let response = try hot.exchange("GET /cached/hot HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(response.text == "from memory")
        #expect(response.header("X-Frame-Options") == "DENY")
        live.gate.open()
        #expect(try cold.readResponse().text == "from a worker")
    }

    @Test func deferredHandlerHoldsNoWorkerAndKeepsPipelineOrder() throws {
        let live = try LiveServer.make { $0.workerThreads = 1 }
        defer { live.server.shutdown() }
        let parked = try RawClient(port: live.port, timeout: 10)
        try parked.send("GET /later HTTP/1.1\r\nHost: x\r\n\r\nGET /items/3 HTTP/1.1\r\nHost: x\r\n\r\n")
        live.gate.awaitWaiter()
        // The only worker is free again: a blocking route on another connection is served.
        let other = try RawClient(port: live.port, timeout: 3)
        #expect(try other.exchange("GET /sleep HTTP/1.1\r\nHost: x\r\n\r\n").text == "slept")
        live.gate.open()
        #expect(try parked.readResponse().text == "later")
        #expect(try parked.readResponse().text == "item 3")
    }

    @Test func commonHeadersGoOnEveryResponseUnlessTheHandlerSetsOne() throws {
        let live = try LiveServer.make()
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        let plain = try client.exchange("GET /items/1 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(plain.header("X-Frame-Options") == "DENY")
        #expect(plain.header("Referrer-Policy") == "no-referrer")
        let framed = try client.exchange("GET /framed HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(framed.headers.filter { $0.name.lowercased() == "x-frame-options" }.map(\.value) == ["SAMEORIGIN"])
        #expect(framed.header("Referrer-Policy") == "no-referrer")
        #expect(framed.text == "framed")
    }

    @Test func errorFilterSeesEveryErrorResponseOfARequestAndNothingElse() throws {
        let live = try LiveServer.make()
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        let missing = try client.exchange("GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(missing.status == 404)
        #expect(missing.header("X-Filtered") == "/nothing")
        let notAllowed = try client.exchange("DELETE /items/1 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(notAllowed.status == 405)
        #expect(notAllowed.header("X-Filtered") == "/items/1")
        let fine = try client.exchange("GET /items/1 HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(fine.status == 200)
        #expect(fine.header("X-Filtered") == nil)
    }

    @Test func aBurstOfConnectionsIsSpreadOverTheLoops() throws {
        let live = try LiveServer.make()  // two event loops
        defer { live.server.shutdown() }
        let clients = try (0..<32).map { _ in try RawClient(port: live.port) }
        for client in clients {
            #expect(try client.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").status == 200)
        }
        // Dealt out in turn, whichever loop accepted them.
        #expect(live.server.connectionsPerLoop() == [16, 16])
    }

    @Test func ipv6Loopback() throws {
        let live = try LiveServer.make { $0.host = "::1" }
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port, host: "::1")
        #expect(try client.exchange("GET /healthz HTTP/1.1\r\nHost: [::1]\r\n\r\n").status == 200)
    }

    @Test func gracefulShutdownAnswersInFlightRequests() throws {
        let live = try LiveServer.make()
        let client = try RawClient(port: live.port, timeout: 10)
        try client.send("GET /blocked HTTP/1.1\r\nHost: x\r\n\r\n")
        live.gate.awaitWaiter()
        // Connections are dealt to the two loops in turn, so these two idle ones cover both; the
        // stop begins on each loop a moment after the listener closes, and closes its idle ones.
        let idle = try (0..<2).map { _ in try RawClient(port: live.port, timeout: 10) }
        let stopped = Thread { live.server.shutdown() }
        stopped.start()
        #expect(idle.allSatisfy { $0.isClosedByServer() }, "the stop has begun on both loops")
        #expect(throws: RawClient.ClientError.self) { try RawClient(port: live.port) }
        live.gate.open()
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.header("Connection") == "close")
        #expect(client.isClosedByServer())
    }

    @Test func unreadResponsesDoNotStopOtherClients() throws {
        let live = try LiveServer.make { $0.outboundHighWater = 64 * 1024 }
        defer { live.server.shutdown() }
        let greedy = try RawClient(port: live.port)
        let request = "GET /big HTTP/1.1\r\nHost: x\r\n\r\n"
        try greedy.send(String(repeating: request, count: 2000))  // never reads the answers
        let other = try RawClient(port: live.port)
        #expect(try other.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").status == 200)
    }

    /// More pipelined requests than the output high-water mark lets through at once: every one is
    /// answered, in order, even when each flush drains at once (it used to stall with requests
    /// still buffered, then answer 408) and even after the client half-closes (it used to answer
    /// the held-back requests with 400 as if they were incomplete).
    @Test(arguments: [false, true])
    func pipelinedRequestsBeyondTheHighWaterMarkAreAllAnswered(halfClose: Bool) throws {
        let live = try LiveServer.make { $0.outboundHighWater = 16 * 1024 }
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port, timeout: 5)
        let count = 30  // ~6 KB each: ten times the high-water mark in all
        try client.send(String(repeating: "GET /big HTTP/1.1\r\nHost: x\r\n\r\n", count: count))
        if halfClose { client.shutdownWrite() }
        for index in 0..<count {
            let response = try client.readResponse()
            #expect(response.status == 200, "response \(index + 1)")
            #expect(response.body.count > 4_000, "response \(index + 1)")
        }
        if halfClose { #expect(client.isClosedByServer()) }
    }

    /// Large shared bodies queued by reference and small responses joined between them leave
    /// byte for byte in order, however the socket takes them.
    @Test func pipelinedLargeAndSmallResponsesArriveIntact() throws {
        let live = try LiveServer.make()
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port, timeout: 5)
        let expected = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let paths = (0..<12).flatMap { ["/large", "/items/\($0)", "/healthz"] }
        try client.send(paths.map { "GET \($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined())
        for path in paths {
            let response = try client.readResponse()
            #expect(response.status == 200, "\(path)")
            if path == "/large" { #expect(response.body == expected) }
            if path.hasPrefix("/items/") { #expect(response.text == "item " + path.dropFirst(7)) }
        }
    }

    @Test func metricsCountRequestsByRoute() throws {
        let live = try LiveServer.make()
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        _ = try client.exchange("GET /items/1 HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = try client.exchange("GET /items/2 HTTP/1.1\r\nHost: x\r\n\r\n")
        let text = live.server.metrics.render()
        #expect(text.contains(#"duping_http_requests_total{route="/items/{id}",method="GET",status="200"} 2"#))
        #expect(text.contains("duping_open_connections 1"))
        #expect(text.contains("duping_http_request_duration_seconds_count 2"))
    }
}
