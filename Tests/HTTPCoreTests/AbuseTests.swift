import Foundation
import Glibc
import HTTPCore
import TestSupport
import Testing

/// Clients that misbehave on purpose, against a live server with small limits so the tests run
/// in seconds: they must not stop a normal client from being served, and they must not make the
/// server hold unbounded memory. Figures are printed, never asserted against a clock.
@Suite struct AbuseTests {
    /// 200 slowloris connections, each dripping one header byte every 100 ms: each gets 408 and
    /// is closed once its head is older than `headerTimeout`, and `/healthz` is answered all along.
    @Test func slowlorisDoesNotStopOtherClients() throws {
        let live = try LiveServer.make { $0.headerTimeout = 1 }
        defer { live.server.shutdown() }
        DescriptorBudget.raiseLimit(to: 1_000)
        let head = Array("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: ".utf8)
        let slow = try (0..<200).map { _ in try RawClient(port: live.port, timeout: 5) }
        var answered = 0
        for tick in 0..<15 {
            for client in slow {
                try? client.send([tick < head.count ? head[tick] : UInt8(ascii: "a")])
            }
            if tick % 3 == 0, Abuse.healthz(port: live.port) == 200 { answered += 1 }
            usleep(100_000)
        }
        #expect(answered == 5)
        var timedOut = 0
        for client in slow {
            if (try? client.readResponse().status) == 408, client.isClosedByServer() { timedOut += 1 }
        }
        #expect(timedOut == slow.count)
        #expect(Abuse.healthz(port: live.port) == 200)
    }

    /// A client pipelines requests for large responses and never reads: the server stops reading
    /// it at the high-water mark (so the kernel soon accepts no more bytes), keeps serving others,
    /// and drops it once `writeTimeout` passes without progress.
    @Test func pipeliningWithoutReadingIsBoundedAndDropped() throws {
        let live = try LiveServer.make {
            $0.outboundHighWater = 64 * 1024
            $0.writeTimeout = 1
        }
        defer { live.server.shutdown() }
        let fd = try #require(Abuse.connectNonBlocking(port: live.port))
        defer { close(fd) }
        let request = Array("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        let chunk = Array(repeating: request, count: 1_000).flatMap { $0 }
        let attempted = 256 << 20
        let accepted = Abuse.flood(fd, with: chunk, limit: attempted, stall: 0.5)
        print("pipelining flood: kernel accepted \(accepted >> 10) KiB of \(attempted >> 20) MiB offered")
        // Socket buffers on both sides (tcp_wmem/tcp_rmem maxima here: 4 + 32 MiB) bound what a
        // client can push once the server stops reading; far less is the normal case.
        #expect(accepted < 40 << 20)
        #expect(Abuse.healthz(port: live.port) == 200)
        #expect(Abuse.waitForHangUp(fd, timeout: 10))
        #expect(eventually(within: 5) { Abuse.openConnections(live.server) == 0 })
    }

    /// 2,000 connections that send nothing hold a descriptor each and nothing else; `/healthz`
    /// is still answered, and the gauge counts them.
    @Test func thousandsOfIdleConnectionsDoNotStopHealthz() throws {
        let count = 2_000
        let limit = DescriptorBudget.raiseLimit(to: 3 * count)
        try #require(limit >= 2 * count + 100, "RLIMIT_NOFILE is \(limit)")
        try DescriptorBudget.exclusive {
            let live = try LiveServer.make()
            defer { live.server.shutdown() }
            var idle: [Int32] = []
            defer { idle.forEach { close($0) } }
            for _ in 0..<count {
                guard let fd = Abuse.connectNonBlocking(port: live.port) else { break }
                idle.append(fd)
            }
            #expect(idle.count == count)
            #expect(eventually(within: 5) { (Abuse.openConnections(live.server) ?? 0) >= count })
            #expect(Abuse.healthz(port: live.port) == 200)
        }
    }
}
