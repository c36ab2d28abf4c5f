import App
import Domain
import Foundation
import Glibc
import PostgresStorage
import Primitives
import Store
import TestSupport
import Testing

/// Two instances on one PostgreSQL database (contract §14): what one learns, the other knows —
/// the code-guessing throttle's counts and the changes behind its cached public board.
@Suite(.requiresPostgresForApp) struct PostgresInstancesAppTests {
    /// Two running `Application`s on a new database, with a root token and township `niumasi`.
    final class Pair: @unchecked Sendable {
        let apps: [Application]
        let base: String
        let admin: String

        init(configure: (inout AppConfiguration) -> Void = { _ in }) throws {
            let conninfo = try PostgresCluster.shared().makeDatabase()
            let base = NSTemporaryDirectory() + "duping-pg-pair-" + UUID().uuidString
            self.base = base
            try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
            apps = try (0..<2).map { index in
                var configuration = AppConfiguration()
                configuration.dataDirectory = base + "/instance\(index)"
                configuration.publicDirectory = base + "/public-missing"
                configuration.server.port = 0
                configuration.server.accessLog = false
                configure(&configuration)
                return try Application(configuration: configuration) { _, clock in
                    try PostgresStore(conninfo: conninfo, clock: clock, poolSize: 2)
                }
            }
            let root = try String(contentsOfFile: base + "/instance0/root.token", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let created = try TestApp.call(
                port: apps[0].port, "POST", "/v1/townships", token: root, body: #"{"code":"niumasi","name":"牛马司镇"}"#)
            precondition(created.status == 201, created.raw.text)
            admin =
                try TestApp.call(
                    port: apps[1].port, "POST", "/v1/townships/niumasi/tokens", token: root, body: #"{"label":"组织办"}"#
                ).json["token"]?.stringValue ?? ""
        }

        deinit {
            apps.forEach { $0.shutdown() }
            try? FileManager.default.removeItem(atPath: base)
        }

        func call(_ instance: Int, _ method: String, _ path: String, token: String? = nil, body: String? = nil)
            throws -> APIResponse
        {
            try TestApp.call(port: apps[instance].port, method, path, token: token, body: body)
        }
    }

    @Test func unknownBallotCodesTriedOnEitherInstanceCountTowardsOneLimit() throws {
        let pair = try Pair { $0.ballotFailureLimit = 4 }
        let unknown = "ABCD-EFGH-JKMN-PQRS"
        for instance in [0, 1, 0, 1] {
            #expect(try pair.call(instance, "GET", "/v1/ballot", token: unknown).status == 401)
        }
        // Each instance has seen two; together they have seen the limit.
        for instance in [0, 1] {
            let refused = try pair.call(instance, "GET", "/v1/ballot", token: unknown)
            #expect(refused.status == 429, "instance \(instance): \(refused.raw.text)")
            #expect(refused.header("Retry-After") != nil)
        }
        // The shared table holds a digest of the client's address, never the address.
        let keys = try (pair.apps[0].store as! PostgresStore).pool.withConnection {
            try $0.query("SELECT key FROM throttle_windows") { $0.string(0) }
        }
        #expect(keys.count == 1)
        #expect(keys.allSatisfy { $0.count == 32 && !$0.contains("127.0.0.1") && $0.allSatisfy(\.isHexDigit) })
    }

    @Test func aChangeMadeOnOneInstanceReachesTheOthersCachedPublicBoard() throws {
        let pair = try Pair()
        let path = "/v1/public/townships/niumasi/responsibility"
        let base = "/v1/townships/niumasi"
        let department =
            try pair.call(0, "POST", "\(base)/departments", token: pair.admin, body: #"[{"name":"交通站"}]"#)
            .items.first?["id"]?.intValue ?? 0
        let cadre =
            try pair.call(
                0, "POST", "\(base)/cadres", token: pair.admin,
                body: #"[{"name":"张三","department_id":\#(department),"village":"石桥村"}]"#
            ).items.first?["id"]?.intValue ?? 0
        let names = { (instance: Int) throws -> [JSONValue] in
            try pair.call(instance, "GET", path).json["quotas"]?.objectValue?["cadres"]?.arrayValue?
                .compactMap { $0.objectValue?["name"] } ?? []
        }
        #expect(try names(1) == ["张三"])  // instance 1 has it in memory now
        #expect(try names(1) == ["张三"])
        let renamed = try pair.call(0, "PATCH", "\(base)/cadres/\(cadre)", token: pair.admin, body: #"{"name":"张三丰"}"#)
        #expect(renamed.status == 200)
        #expect(try names(0) == ["张三丰"])
        // Instance 1 hears of it through the database a moment after the commit.
        let deadline = SystemClock().monotonicSeconds() + 20
        while try names(1) != ["张三丰"], SystemClock().monotonicSeconds() < deadline { usleep(20_000) }
        #expect(try names(1) == ["张三丰"])
    }
}
