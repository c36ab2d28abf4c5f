import App
import Foundation
import Primitives
import TestSupport
import Testing

/// Findings of the 2026-12-06 audit (issue 19) that concern the HTTP side: `/metrics` labels,
/// security headers on the responses the HTTP layer makes itself, and file modes.
@Suite struct HardeningTests {
    /// Thousands of invented methods are counted under one `other` label: `/metrics` stays
    /// small and never echoes what a client sent as a method.
    @Test func inventedMethodsAreCountedAsOtherAndMetricsStaySmall() throws {
        let app = try TestApp()
        let client = try RawClient(port: app.port)
        let padding = String(repeating: "Z", count: 200)
        let count = 2_000
        for batch in stride(from: 0, to: count, by: 100) {
            var requests = ""
            for index in batch..<(batch + 100) {
                requests += "M\(index)\(padding) /nowhere-\(index) HTTP/1.1\r\nHost: t\r\n\r\n"
            }
            try client.send(requests)
            for _ in 0..<100 {
                let response = try client.readResponse()
                #expect(response.status == 501)
            }
        }
        let metrics = try app.call("GET", "/metrics").raw.text
        #expect(!metrics.contains(padding), "no invented method became a label value")
        #expect(metrics.utf8.count < 32 * 1024, "\(metrics.utf8.count) bytes")
        let other = metrics.split(separator: "\n").filter { $0.contains(#"method="other""#) }
        let counted = other.compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }.reduce(0, +)
        #expect(counted == count)
        #expect(!metrics.contains("/nowhere-"), "paths are not labels either")
    }

    /// 400, 408, 413, 414, 431 and 503 come from the HTTP layer, not a handler; they carry the
    /// same security headers as every other response.
    @Test(arguments: [
        ("GARBAGE\r\n\r\n", 400),
        ("POST /v1/townships HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999\r\n\r\n", 413),
        ("GET /" + String(repeating: "a", count: 40_000) + " HTTP/1.1\r\nHost: t\r\n\r\n", 414),
        ("GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + String(repeating: "b", count: 40_000) + "\r\n\r\n", 431),
    ])
    func parseErrorsCarryTheSecurityHeaders(request: String, status: Int) throws {
        let app = try TestApp()
        let client = try RawClient(port: app.port)
        try? client.send(request)
        let response = try client.readResponse()
        #expect(response.status == status)
        Self.expectSecurityHeaders(response)
    }

    /// The server's clock is a manual one, so the slow client is still within its head's time
    /// when the second connection is refused, however slowly the machine runs (a 0.3 s real
    /// timeout once expired first under ThreadSanitizer). The head's time starts when the server
    /// reads its first bytes, which a loaded machine may do after an advance: the clock moves
    /// again until the 408 comes.
    @Test func timeoutAndOverCapacityAnswersCarryTheSecurityHeaders() throws {
        let clock = ManualClock(wallSeconds: 1_796_560_000)
        let app = try TestApp {
            $0.clock = clock
            $0.server.headerTimeout = 10
            $0.server.maxConnections = 1
        }
        let slow = try RawClient(port: app.port, timeout: 1)
        try slow.send("GET /healthz HTTP/1.1\r\nHost: t\r\n")
        let refused = try RawClient(port: app.port).readResponse()
        #expect(refused.status == 503)
        Self.expectSecurityHeaders(refused)
        var timedOut: RawResponse?
        for _ in 0..<10 where timedOut == nil {
            clock.advance(by: 11)
            timedOut = try? slow.readResponse()
        }
        #expect(timedOut?.status == 408)
        if let timedOut { Self.expectSecurityHeaders(timedOut) }
    }

    static func expectSecurityHeaders(_ response: RawResponse, sourceLocation: SourceLocation = #_sourceLocation) {
        for name in ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"] {
            #expect(response.header(name) != nil, "\(response.status) lacks \(name)", sourceLocation: sourceLocation)
        }
    }

    /// The database, its WAL and a backup are 0600 even under a permissive umask, and a file an
    /// earlier version left readable is tightened at start.
    @Test(TestBackend.sqliteOnly("modes of the .sqlite files")) func databaseWALAndBackupAreOwnerOnlyWhateverTheUmask()
        throws
    {
        let previous = umask(0o002)
        defer { umask(previous) }
        let app = try TestApp()
        _ = try app.makeTownship("perm")
        let data = app.directory
        for file in ["duping.sqlite", "duping.sqlite-wal", "duping.sqlite-shm"] {
            #expect(Self.mode(data + "/" + file) == 0o600, "\(file)")
        }
        let backup = data + "/copy.sqlite"
        try app.app.database.backup(to: backup)
        #expect(Self.mode(backup) == 0o600)
    }

    @Test(TestBackend.sqliteOnly("modes of the .sqlite files")) func anExistingReadableDatabaseIsTightenedAtStart()
        throws
    {
        let directory = NSTemporaryDirectory() + "duping-mode-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var configuration = AppConfiguration()
        configuration.dataDirectory = directory
        configuration.publicDirectory = directory
        configuration.server.port = 0
        configuration.server.accessLog = false
        try Application(configuration: configuration).shutdown()
        chmod(directory + "/duping.sqlite", 0o644)
        let second = try Application(configuration: configuration)
        #expect(Self.mode(directory + "/duping.sqlite") == 0o600)
        second.shutdown()
    }

    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }
}
