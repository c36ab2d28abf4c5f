import Foundation
import Glibc

/// A response as read off the wire by `RawClient`.
public struct RawResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// A blocking TCP client for live tests: sends exact bytes and reads exact responses, so tests
/// see what a real client would, including malformed requests no HTTP library would send.
public final class RawClient {
    public let fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to `host`:`port`; reads give up after `timeout` seconds.
    public init(port: Int, host: String = "127.0.0.1", timeout: Double = 5) throws {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &info) == 0, let first = info else { throw ClientError.connect }
        defer { freeaddrinfo(info) }
        fd = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        // No close here on failure: every stored property is set, so `deinit` runs when this
        // init throws and closes `fd`. Closing it here too closed the number twice — by then
        // often another thread's socket (a live test then lost a connection it was counting).
        guard fd >= 0, connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            throw ClientError.connect
        }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { if fd >= 0 { close(fd) } }

    public enum ClientError: Error { case connect, timeout, closed, malformed }

    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard n > 0 else { throw ClientError.closed }
            offset += n
        }
    }

    /// Half-closes the sending side (the server then sees EOF).
    public func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// Reads more bytes into the buffer; false at EOF.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 {
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
        if n == 0 { return false }
        if errno == EAGAIN || errno == EWOULDBLOCK { throw ClientError.timeout }
        return false  // ECONNRESET and the like: treat as closed
    }

    /// Reads one response. `head` true: the request was HEAD, so no body follows.
    public func readResponse(head: Bool = false) throws -> RawResponse {
        let separator: [UInt8] = [13, 10, 13, 10]
        var end: Int?
        while true {
            if buffer.count >= 4,
                let index = (0...(buffer.count - 4)).first(where: { Array(buffer[$0..<$0 + 4]) == separator })
            {
                end = index
                break
            }
            guard try fill() else { throw ClientError.closed }
        }
        let headText = String(decoding: buffer[0..<end!], as: UTF8.self)
        buffer.removeFirst(end! + 4)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw ClientError.malformed }
        let headers = lines.map { line -> (name: String, value: String) in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]).trimmingSpaces : "")
        }
        var response = RawResponse(status: status, headers: headers, body: [])
        if head || status == 204 || status == 304 || status < 200 { return response }
        let length = Int(response.header("Content-Length") ?? "") ?? 0
        while buffer.count < length {
            guard try fill() else { throw ClientError.closed }
        }
        response.body = Array(buffer[0..<length])
        buffer.removeFirst(length)
        return response
    }

    /// True when the server has closed the connection (EOF) with nothing more to read.
    public func isClosedByServer() -> Bool {
        do {
            while buffer.isEmpty {
                if try !fill() { return true }
            }
            return false
        } catch {
            return false
        }
    }

    /// Sends a request and reads its response.
    public func exchange(_ request: String, head: Bool = false) throws -> RawResponse {
        try send(request)
        return try readResponse(head: head)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
