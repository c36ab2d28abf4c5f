import Foundation
import Glibc
import Primitives
import TestSupport

@testable import HTTPCore

/// Helpers for the abuse tests: raw non-blocking sockets, descriptor limits and server figures.
enum Abuse {
    /// A connected, non-blocking TCP socket to 127.0.0.1:`port`, or nil.
    static func connectNonBlocking(port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        return fd
    }

    /// Writes `chunk` again and again without reading, until the socket has accepted nothing
    /// for `stall` seconds or `limit` bytes went out; returns the bytes the kernel accepted.
    static func flood(_ fd: Int32, with chunk: [UInt8], limit: Int, stall: Double) -> Int {
        var sent = 0
        var lastProgress = SystemClock().monotonicSeconds()
        var offset = 0
        while sent < limit, SystemClock().monotonicSeconds() - lastProgress < stall {
            let count = chunk.withUnsafeBytes {
                send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                sent += count
                offset = (offset + count) % chunk.count
                lastProgress = SystemClock().monotonicSeconds()
            } else if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                usleep(10_000)
            } else {
                break
            }
        }
        return sent
    }

    /// Whether the peer reset or closed `fd` within `timeout` seconds, without reading from it.
    static func waitForHangUp(_ fd: Int32, timeout: Double) -> Bool {
        // POLLRDHUP (peer shut down its side) needs _GNU_SOURCE, which Glibc is imported without.
        let peerHungUp: Int16 = 0x2000
        let deadline = SystemClock().monotonicSeconds() + timeout
        while SystemClock().monotonicSeconds() < deadline {
            var entry = pollfd(fd: fd, events: peerHungUp, revents: 0)
            if poll(&entry, 1, 50) > 0, entry.revents & (Int16(POLLHUP | POLLERR) | peerHungUp) != 0 {
                return true
            }
        }
        return false
    }

    /// The `duping_open_connections` gauge of `server`.
    static func openConnections(_ server: HTTPServer) -> Int? {
        let line = server.metrics.render().split(separator: "\n")
            .first { $0.hasPrefix("duping_open_connections ") }
        return line.flatMap { Int($0.split(separator: " ").last ?? "") }
    }

    /// One `GET /healthz` on a new connection; its status, or nil when it failed.
    static func healthz(port: Int, timeout: Double = 3) -> Int? {
        guard let client = try? RawClient(port: port, timeout: timeout) else { return nil }
        return try? client.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").status
    }
}
