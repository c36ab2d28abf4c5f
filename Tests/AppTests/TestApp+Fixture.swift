import App
import Domain
import Foundation
import Storage
import TestSupport

/// A live DuPing on a free port with a fresh data directory, and a small JSON client for it.
/// Safe to share between threads: its state is immutable and each call opens its own connection.
final class TestApp: @unchecked Sendable {
    let app: Application
    let directory: String
    let rootToken: String
    var port: Int { app.port }

    init(configure: (inout AppConfiguration) -> Void = { _ in }) throws {
        directory = NSTemporaryDirectory() + "duping-test-" + UUID().uuidString
        var configuration = AppConfiguration()
        configuration.dataDirectory = directory
        configuration.publicDirectory = directory + "/public-missing"
        configuration.server.port = 0
        configuration.server.accessLog = false
        configure(&configuration)
        app = try Application(configuration: configuration)
        rootToken = try String(contentsOfFile: directory + "/root.token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit {
        app.shutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// One request on a new connection; `body` is sent as JSON unless `contentType` says otherwise.
    func call(
        _ method: String, _ path: String, token: String? = nil, body: String? = nil,
        contentType: String = "application/json", headers: [String: String] = [:]
    ) throws -> APIResponse {
        try Self.call(port: port, method, path, token: token, body: body, contentType: contentType, headers: headers)
    }

    /// One request to a server on `port`.
    static func call(
        port: Int, _ method: String, _ path: String, token: String? = nil, body: String? = nil,
        contentType: String = "application/json", headers: [String: String] = [:]
    ) throws -> APIResponse {
        let client = try RawClient(port: port)
        var request = "\(method) \(path) HTTP/1.1\r\nHost: test\r\nConnection: close\r\n"
        if let token { request += "Authorization: Bearer \(token)\r\n" }
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        let bytes = Array((body ?? "").utf8)
        if body != nil { request += "Content-Type: \(contentType)\r\nContent-Length: \(bytes.count)\r\n" }
        try client.send(Array((request + "\r\n").utf8) + bytes)
        return APIResponse(raw: try client.readResponse(head: method == "HEAD"))
    }

    /// Root creates a township and an admin token for it; returns the token.
    func makeTownship(_ code: String, name: String = "牛马司镇") throws -> String {
        let created = try call(
            "POST", "/v1/townships", token: rootToken, body: #"{"code":"\#(code)","name":"\#(name)"}"#)
        precondition(created.status == 201, "township: \(created.raw.text)")
        let token = try call("POST", "/v1/townships/\(code)/tokens", token: rootToken, body: #"{"label":"镇组织办"}"#)
        return token.json["token"]?.stringValue ?? ""
    }
}

/// A response with its body parsed as JSON when it is JSON.
struct APIResponse {
    let raw: RawResponse
    var status: Int { raw.status }
    var json: JSONObject { (try? JSONParser.parse(raw.body))?.objectValue ?? JSONObject() }
    var items: [JSONObject] { json["items"]?.arrayValue?.compactMap(\.objectValue) ?? [] }
    var errorFields: [String] {
        json["errors"]?.arrayValue?.compactMap { $0.objectValue?["field"]?.stringValue } ?? []
    }
    func header(_ name: String) -> String? { raw.header(name) }
}

extension Application {
    /// A DuPing on SQLite in the configuration's data directory, as `duping serve` opens it, or
    /// on PostgreSQL with `DUPING_TEST_BACKEND=postgres` (see `TestBackend`).
    convenience init(configuration: AppConfiguration) throws {
        try self.init(
            configuration: configuration, openStore: TestBackend.opener(dataDirectory: configuration.dataDirectory))
    }

    /// The SQLite database behind the store, for tests that read or damage the file itself.
    /// Throws on PostgreSQL (`DUPING_TEST_BACKEND=postgres`), so that a test reaching for it
    /// fails instead of crashing the test process.
    var database: Database {
        get throws {
            guard let sqlite = store as? SQLiteStore else { throw SQLiteOnly() }
            return sqlite.database
        }
    }
}

/// A test used the SQLite database directly while running on PostgreSQL.
struct SQLiteOnly: Error, CustomStringConvertible {
    var description: String { "this test reads the SQLite database; mark it TestBackend.sqliteOnly" }
}
