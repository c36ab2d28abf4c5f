import Foundation
import Glibc
import TestSupport
import Testing

/// Issue 8's scale: 1,000 slowloris connections (a byte a second) and thousands of idle
/// connections at once do not stop a normal client from getting `/healthz` and voting.
@Suite(.serialized) struct AbuseWhileVotingTests {
    @Test func slowlorisAndIdleConnectionsDoNotStopVoting() throws {
        let limit = DescriptorBudget.raiseLimit(to: 20_000)
        // Client and server sockets share this process: 1,000 + 4,000 connections need 10,000.
        let idleCount = min(4_000, (limit - 2_500) / 2 - 1_000)
        try #require(idleCount >= 1_000, "descriptor limit too low: \(limit)")
        try DescriptorBudget.exclusive { try run(idleCount: idleCount) }
    }

    /// Opens the connections, votes through them and counts them in `/metrics`.
    private func run(idleCount: Int) throws {
        let f = try EvaluationFixture(app: try TestApp { $0.server.headerTimeout = 30 })
        let codes = try f.open(try f.createRound())
        let port = f.app.port
        var slow: [Int32] = []
        var idle: [Int32] = []
        defer { (slow + idle).forEach { close($0) } }
        for _ in 0..<1_000 {
            guard let fd = Self.connect(port) else { break }
            _ = "GET /healthz HTTP/1.1\r\n".withCString { send(fd, $0, 23, Int32(MSG_NOSIGNAL)) }
            slow.append(fd)
        }
        for _ in 0..<idleCount {
            guard let fd = Self.connect(port) else { break }
            idle.append(fd)
        }
        #expect(slow.count == 1_000)
        #expect(idle.count == idleCount)
        // Three seconds of slowloris: one more header byte per connection each second.
        for second in 0..<3 {
            for fd in slow { _ = "X".withCString { send(fd, $0, 1, Int32(MSG_NOSIGNAL)) } }
            #expect(try TestApp.call(port: port, "GET", "/healthz").status == 200, "second \(second)")
            #expect(try f.vote(codes[f.evaluators[second]]!, f.ballot()).status == 201, "second \(second)")
            sleep(1)
        }
        // On a loaded machine a burst of 5,000 connects can overflow the listen queue; the kernel
        // then completes those handshakes on its SYN-ACK retransmits (after 1 s, 3 s, 7 s…), so
        // the last few may reach the server seconds later. Wait for them rather than read once.
        var open = try Self.openConnections(port)
        for _ in 0..<30 where open < 1_000 + idleCount {
            usleep(500_000)
            open = try Self.openConnections(port)
        }
        #expect(open >= 1_000 + idleCount)
    }

    /// `duping_open_connections` from `/metrics` (the asking connection included).
    static func openConnections(_ port: Int) throws -> Int {
        let metrics = try TestApp.call(port: port, "GET", "/metrics").raw.text
        let line = metrics.split(separator: "\n").first { $0.hasPrefix("duping_open_connections ") }
        return Int(line?.split(separator: " ").last ?? "") ?? 0
    }

    /// A blocking-connected socket to 127.0.0.1:`port`.
    static func connect(_ port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0 {
            close(fd)
            return nil
        }
        return fd
    }
}
