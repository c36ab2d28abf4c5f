import Foundation
import Glibc
import HTTPCore
import TestSupport
import Testing

/// One row of the conformance table: raw bytes sent on a fresh connection, and what the server
/// must answer. `id` names the Http11Probe test the row follows (same id), or describes ours.
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    /// What the connection does after the expected responses.
    enum Then: Sendable {
        /// The server closes it (error responses, `Connection: close`, HTTP/1.0).
        case closes
        /// It stays usable: a follow-up request on it gets its own 200.
        case staysOpen
    }

    var id: String
    var bytes: [UInt8]
    /// Every status the server sends, in order — an extra one means a smuggled request was run.
    var statuses: [Int]
    var then: Then
    /// Half-close after sending, so the server sees EOF (incomplete-request rows).
    var halfClose = false
    /// The first request is HEAD, so its response has no body.
    var head = false

    var testDescription: String { id }

    init(
        _ id: String, _ text: String, _ statuses: [Int], _ then: Then, halfClose: Bool = false,
        head: Bool = false
    ) {
        self.init(id, Array(text.utf8), statuses, then, halfClose: halfClose, head: head)
    }

    init(
        _ id: String, _ bytes: [UInt8], _ statuses: [Int], _ then: Then, halfClose: Bool = false,
        head: Bool = false
    ) {
        self.id = id
        self.bytes = bytes
        self.statuses = statuses
        self.then = then
        self.halfClose = halfClose
        self.head = head
    }

    /// A request on `/echo` with the given extra header lines and raw body bytes.
    static func post(_ id: String, _ fields: String, _ body: String, _ statuses: [Int], _ then: Then)
        -> ConformanceCase
    {
        ConformanceCase(id, "POST /echo HTTP/1.1\r\nHost: x\r\n\(fields)\r\n\(body)", statuses, then)
    }

    /// Bytes as `head`, raw bytes, then `tail` (for NUL, CR, non-ASCII and invalid UTF-8).
    static func spliced(_ head: String, _ bytes: [UInt8], _ tail: String) -> [UInt8] {
        Array(head.utf8) + bytes + Array(tail.utf8)
    }
}

/// What a live server did with one case.
struct ConformanceObservation: Equatable, CustomStringConvertible {
    var statuses: [Int]
    var closed: Bool
    var description: String { "statuses \(statuses), \(closed ? "closed" : "left open")" }
}

extension ConformanceCase {
    /// Sent after the case's bytes when the connection should stay open.
    static let followUp = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"

    /// What the case expects to observe, follow-up included.
    var expected: ConformanceObservation {
        switch then {
        case .closes: ConformanceObservation(statuses: statuses, closed: true)
        case .staysOpen: ConformanceObservation(statuses: statuses + [200], closed: true)
        }
    }

    /// Sends the case on a new connection to `port` and reads every response until the server
    /// closes the connection (or 5 s pass without a byte, which then shows as "left open").
    func observe(port: Int) throws -> ConformanceObservation {
        let client = try RawClient(port: port, timeout: 5)
        var payload = bytes
        if then == .staysOpen { payload += Array(Self.followUp.utf8) }
        // A server that rejects early may close before everything is sent; that is its right.
        try? client.send(payload)
        if halfClose { client.shutdownWrite() }
        var statuses: [Int] = []
        while statuses.count < 10 {
            do {
                let response = try client.readResponse(head: head && statuses.isEmpty)
                statuses.append(response.status)
            } catch RawClient.ClientError.closed {
                return ConformanceObservation(statuses: statuses, closed: true)
            } catch RawClient.ClientError.timeout {
                return ConformanceObservation(statuses: statuses, closed: false)
            }
        }
        return ConformanceObservation(statuses: statuses, closed: false)
    }
}

/// The server every conformance row runs against: short timeouts so the rows that wait for
/// missing bytes finish quickly, and a 1 KiB body limit for the 413 rows.
enum ConformanceServer {
    static let shared: LiveServer = {
        do {
            return try LiveServer.make {
                $0.headerTimeout = 1
                $0.bodyTimeout = 1
                $0.maxBodyBytes = 1024
            }
        } catch {
            fatalError("conformance server did not start: \(error)")
        }
    }()
}
