import App
import Foundation
import Storage
import Testing

/// Security headers, request ids, code-guessing throttle and the maintenance commands.
@Suite struct OperationsTests {
    @Test func everyResponseCarriesSecurityHeadersAndNoCORS() throws {
        let app = try TestApp()
        for path in ["/healthz", "/v1/townships", "/nope"] {
            let response = try app.call("GET", path, headers: ["Origin": "https://evil.example"])
            #expect(response.header("Content-Security-Policy")?.contains("default-src 'self'") == true)
            #expect(response.header("X-Content-Type-Options") == "nosniff")
            #expect(response.header("Referrer-Policy") == "no-referrer")
            #expect(response.header("Access-Control-Allow-Origin") == nil)
        }
    }

    @Test func requestIdIsEchoedOrGenerated() throws {
        let app = try TestApp()
        #expect(
            try app.call("GET", "/healthz", headers: ["X-Request-Id": "abc-123"]).header("X-Request-Id") == "abc-123")
        let generated = try app.call("GET", "/healthz").header("X-Request-Id") ?? ""
        #expect(!generated.isEmpty)
        let unsafe = try app.call("GET", "/healthz", headers: ["X-Request-Id": "a b<script>"]).header("X-Request-Id")
        #expect(unsafe != "a b<script>")
    }

    @Test func guessingBallotCodesIsThrottled() throws {
        let f = try EvaluationFixture(app: try TestApp { $0.ballotFailureLimit = 3 })
        let codes = try f.open(try f.createRound())
        for _ in 0..<3 { #expect(try f.app.call("GET", "/v1/ballot", token: "AAAA-BBBB-CCCC-DDDD").status == 401) }
        let blocked = try f.app.call("GET", "/v1/ballot", token: "AAAA-BBBB-CCCC-DDDE")
        #expect(blocked.status == 429)
        #expect(Int(blocked.header("Retry-After") ?? "") ?? 0 > 0)
        #expect(try f.app.call("GET", "/v1/ballot", token: codes[f.evaluators[0]]!).status == 429)
        #expect(try f.get("/rounds/1").status == 200, "admin routes are not throttled")
    }

    /// Behind a trusted proxy the throttle counts the client the proxy names, so one client's
    /// wrong codes do not lock out everyone else coming through the same proxy.
    @Test func behindATrustedProxyTheThrottleCountsEachClient() throws {
        let f = try EvaluationFixture(
            app: try TestApp {
                $0.ballotFailureLimit = 3
                $0.trustedProxies = ["127.0.0.1"]
            })
        let codes = try f.open(try f.createRound())
        func form(_ code: String, from client: String) throws -> Int {
            try f.app.call("GET", "/v1/ballot", token: code, headers: ["X-Forwarded-For": client]).status
        }
        for _ in 0..<3 { #expect(try form("AAAA-BBBB-CCCC-DDDD", from: "198.51.100.7") == 401) }
        #expect(try form("AAAA-BBBB-CCCC-DDDD", from: "198.51.100.7") == 429)
        // A spoofed entry left of the proxy's own is not believed: still 198.51.100.7.
        #expect(try form("AAAA-BBBB-CCCC-DDDD", from: "203.0.113.9, 198.51.100.7") == 429)
        #expect(try form(codes[f.evaluators[0]]!, from: "198.51.100.8") == 200)
    }

    /// Without a trusted proxy `X-Forwarded-For` is ignored: a guesser cannot reset the count by
    /// claiming a new address with every try.
    @Test func withoutATrustedProxyForwardedForIsIgnored() throws {
        let f = try EvaluationFixture(app: try TestApp { $0.ballotFailureLimit = 3 })
        _ = try f.open(try f.createRound())
        for client in 1...3 {
            let headers = ["X-Forwarded-For": "198.51.100.\(client)"]
            #expect(try f.app.call("GET", "/v1/ballot", token: "AAAA-BBBB-CCCC-DDDD", headers: headers).status == 401)
        }
        let headers = ["X-Forwarded-For": "198.51.100.4"]
        #expect(try f.app.call("GET", "/v1/ballot", token: "AAAA-BBBB-CCCC-DDDD", headers: headers).status == 429)
    }

    @Test func aTrustedProxyThatIsNoAddressStopsTheStart() throws {
        #expect(throws: (any Error).self) { try TestApp { $0.trustedProxies = ["localhost"] } }
        // The command line says so before touching anything (ArgumentParser's usage error: 64).
        let data = NSTemporaryDirectory() + "duping-proxy-" + UUID().uuidString
        #expect(try Self.run(["serve", "--port", "0", "--data", data, "--trusted-proxy", "localhost"]) == 64)
        #expect(!FileManager.default.fileExists(atPath: data))
    }

    @Test func backupCopiesALiveDatabaseAndVerifyArchiveChecksChains() throws {
        let directory = NSTemporaryDirectory() + "duping-backup-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let data = directory + "/data"
        let server = try ServerProcess(dataDirectory: data, logPath: directory + "/server.log")
        let root = try String(contentsOfFile: data + "/root.token", encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        _ = try TestApp.call(
            port: server.port, "POST", "/v1/townships", token: root, body: #"{"code":"nm","name":"牛马司镇"}"#)
        _ = try TestApp.call(
            port: server.port, "POST", "/v1/townships/nm/departments", token: root, body: #"{"name":"民政办"}"#)
        _ = try TestApp.call(
            port: server.port, "POST", "/v1/townships/nm/cadres", token: root, body: #"{"name":"张三","department_id":1}"#
        )
        _ = try TestApp.call(
            port: server.port, "POST", "/v1/townships/nm/cadres/1/archive", token: root,
            body: #"{"kind":"note","title":"备注"}"#)
        #expect(try Self.run(["backup", "--data", data, directory + "/copy.sqlite"]) == 0)
        #expect(try TestApp.call(port: server.port, "GET", "/healthz").status == 200, "the server kept serving")
        #expect(server.terminate() == 0)
        let copy = try Database(path: directory + "/copy.sqlite", migrations: Schema.migrations)
        #expect(try copy.read { try $0.queryOne("SELECT name FROM townships") { $0.string(0) } } == "牛马司镇")
        copy.close()
        #expect(try Self.run(["verify-archive", "--data", data]) == 0)
        let database = try Database(path: data + "/duping.sqlite", migrations: Schema.migrations)
        try database.write { try $0.run("UPDATE archive_records SET data = '{}'") }
        database.close()
        #expect(try Self.run(["verify-archive", "--data", data]) == 1)
    }

    private static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("duping")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Starting on a port that is taken is a clear error, and the same data directory starts fine after.
@Suite struct StartupFailureTests {
    @Test func aTakenPortIsAnErrorAndTheDataDirectoryStillStarts() throws {
        let first = try TestApp()
        var configuration = AppConfiguration()
        configuration.dataDirectory = first.directory + "-second"
        configuration.server.port = first.port
        configuration.server.accessLog = false
        #expect(throws: (any Error).self) { try Application(configuration: configuration) }
        configuration.server.port = 0
        let again = try Application(configuration: configuration)
        #expect(again.port > 0)
        again.shutdown()
        try? FileManager.default.removeItem(atPath: configuration.dataDirectory)
    }

    /// The server stays small at rest (issue 7: idle RSS ≤ 20 MB): it must not load full
    /// Foundation, whose libraries (with ICU and libFoundationInternationalization) alone take
    /// about 6 MB once mapped. FoundationEssentials is enough for everything it does.
    @Test func theServerProcessDoesNotLoadFullFoundation() throws {
        let directory = NSTemporaryDirectory() + "duping-maps-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let server = try ServerProcess(dataDirectory: directory + "/data", logPath: directory + "/server.log")
        defer { _ = server.terminate() }
        #expect(try TestApp.call(port: server.port, "GET", "/healthz").status == 200)
        // /proc files report size 0, so read to the end rather than by the file's size.
        let file = try #require(FileHandle(forReadingAtPath: "/proc/\(server.process.processIdentifier)/maps"))
        let maps = String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
        let libraries = Set(maps.split(separator: "\n").compactMap { $0.split(separator: "/").last.map(String.init) })
        #expect(libraries.contains { $0.hasPrefix("libswiftCore.so") }, "the maps were read")
        #expect(!libraries.contains { $0.hasPrefix("libFoundation.so") })
        #expect(!libraries.contains { $0.hasPrefix("libFoundationInternationalization.so") })
    }
}
