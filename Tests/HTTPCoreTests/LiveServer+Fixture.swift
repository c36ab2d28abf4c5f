import Foundation
import Glibc
import HTTPCore
import Synchronization

/// A gate a test opens to let a blocked handler finish.
final class Gate: Sendable {
    private let opened = Mutex(false)
    private let waiters = Mutex(0)
    func open() { opened.withLock { $0 = true } }
    /// Waits until opened (at most 10 s, so a broken test cannot hang the suite).
    func wait() {
        waiters.withLock { $0 += 1 }
        for _ in 0..<1000 where !opened.withLock({ $0 }) { usleep(10_000) }
    }
    /// Returns once a handler waits at the gate (at most 10 s), so a test knows its request
    /// reached the handler instead of guessing with a sleep.
    func awaitWaiter() {
        for _ in 0..<1000 where waiters.withLock({ $0 }) == 0 { usleep(10_000) }
    }
}

/// A live server on a free port with routes that exercise the core.
struct LiveServer {
    let server: HTTPServer
    let gate: Gate
    var port: Int { server.port }

    static func make(publicDirectory: String? = nil, configure: (inout ServerConfiguration) -> Void = { _ in }) throws
        -> LiveServer
    {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.accessLog = false
        configuration.eventLoops = 2
        configure(&configuration)
        let gate = Gate()
        var router = Router()
        router.add("GET", "/healthz", mayBlock: false) { _ in
            HTTPResponse(
                status: 200, headers: ["Content-Type": "application/json"], body: Array(#"{"status":"ok"}"#.utf8))
        }
        router.add("GET", "/blocked") { _ in
            gate.wait()
            return HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Array("released".utf8))
        }
        // Answers from a thread of its own once the gate opens, holding no worker meanwhile.
        router.addDeferred("GET", "/later") { _, respond in
            Thread {
                gate.wait()
                respond(HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Array("later".utf8)))
            }.start()
        }
        // "hot" is answered from memory on the event loop; anything else waits for the gate on a worker.
        router.add(
            "GET", "/cached/{key}",
            inline: { request in
                request.pathParameters["key"] == "hot"
                    ? HTTPResponse(
                        status: 200, headers: ["Content-Type": "text/plain"], body: Array("from memory".utf8))
                    : nil
            }
        ) { _ in
            gate.wait()
            return HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Array("from a worker".utf8))
        }
        router.add("GET", "/sleep") { _ in
            usleep(300_000)
            return HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Array("slept".utf8))
        }
        router.add("POST", "/echo") { request in
            HTTPResponse(status: 200, headers: ["Content-Type": "application/octet-stream"], body: request.body)
        }
        router.add("GET", "/items/{id}", mayBlock: false) { request in
            HTTPResponse(
                status: 200, headers: ["Content-Type": "text/plain"],
                body: Array("item \(request.pathParameters["id"]!)".utf8))
        }
        router.add("GET", "/big", mayBlock: false) { _ in
            let rows = (0..<200).map { #"{"id":\#($0),"name":"张三"}"# }.joined(separator: ",")
            return HTTPResponse(
                status: 200, headers: ["Content-Type": "application/json"], body: Array("[\(rows)]".utf8))
        }
        // 100 KB built once and shared by every response: queued by reference, not copied.
        let large = HTTPResponse(
            status: 200, headers: ["Content-Type": "application/octet-stream"],
            body: (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        router.add("GET", "/large", mayBlock: false) { _ in large }
        // Overrides one of the common headers below.
        router.add("GET", "/framed", mayBlock: false) { _ in
            HTTPResponse(
                status: 200, headers: ["Content-Type": "text/plain", "x-frame-options": "SAMEORIGIN"],
                body: Array("framed".utf8))
        }
        router.commonHeaders = ["X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"]
        // Marks each error response with the request's path, to show which responses it sees.
        router.errorFilter = { request, response in
            var response = response
            response.headers.set("X-Filtered", request.path)
            return response
        }
        if let publicDirectory {
            let files = StaticFiles(root: publicDirectory)
            router.fallback = { files.response(rawPath: $0.path, headers: $0.headers) }
        }
        return LiveServer(server: try HTTPServer(configuration: configuration, router: router), gateOverride: gate)
    }

    private init(server: HTTPServer, gateOverride: Gate) {
        self.server = server
        self.gate = gateOverride
    }
}
