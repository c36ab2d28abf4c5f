import Foundation
import Storage
import TestSupport
import Testing

/// A 201 survives `kill -9`; and nothing stored or logged links a ballot to its code or evaluator.
@Suite(.serialized) struct DurabilityAndAnonymityTests {
    @Test func acknowledgedBallotsSurviveKill9AndNothingLinksThemToVoters() throws {
        let directory = NSTemporaryDirectory() + "duping-kill-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let data = directory + "/data"
        var server = try ServerProcess(dataDirectory: data, logPath: directory + "/first.log")
        let root = try String(contentsOfFile: data + "/root.token", encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let port = server.port
        func call(_ method: String, _ path: String, _ body: String? = nil, token: String? = nil) throws -> APIResponse {
            try TestApp.call(port: port, method, path, token: token ?? root, body: body)
        }
        _ = try call("POST", "/v1/townships", #"{"code":"nm","name":"牛马司镇"}"#)
        _ = try call("POST", "/v1/townships/nm/departments", #"{"name":"民政办"}"#)
        _ = try call(
            "POST", "/v1/townships/nm/cadres", #"[{"name":"张三","department_id":1},{"name":"李四","department_id":1}]"#)
        let panel = (0..<40).map {
            #"{"name":"评议员\#($0)","category":"\#(["deputy", "village_cadre", "retired_cadre", "contact_household"][$0 % 4])"}"#
        }
        _ = try call("POST", "/v1/townships/nm/evaluators", "[\(panel.joined(separator: ","))]")
        _ = try call(
            "POST", "/v1/townships/nm/rounds",
            #"{"title":"季评","kind":"quarterly","period":"2026-Q4","evaluator_ids":[\#((1...40).map(String.init).joined(separator: ","))]}"#
        )
        let opened = try call("POST", "/v1/townships/nm/rounds/1/open")
        let codes = opened.json["tokens"]?.arrayValue?.compactMap { $0.objectValue?["token"]?.stringValue } ?? []
        #expect(codes.count == 40)

        let ballot =
            #"{"supervision":[{"cadre_id":1,"village_time":80,"attitude":90,"completion":85}],"most_satisfied":{"cadre_id":1},"least_satisfied":{"cadre_id":2},"comment":"秘密意见"}"#
        let acknowledged = LockedStrings()
        // Vote from 8 threads and kill the server while ballots are still arriving.
        let voting = DispatchGroup()
        for slice in 0..<8 {
            DispatchQueue.global().async(group: voting) {
                for code in codes[(slice * 5)..<(slice * 5 + 5)] {
                    if let response = try? TestApp.call(port: port, "POST", "/v1/ballot", token: code, body: ballot),
                        response.status == 201, let receipt = response.json["receipt"]?.stringValue
                    {
                        acknowledged.append(receipt)
                    }
                }
            }
        }
        // Until 12 receipts are in (or every voter has given up, so a failure cannot hang here).
        while acknowledged.values.count < 12, voting.wait(timeout: .now() + .milliseconds(1)) == .timedOut {}
        server.kill9()
        voting.wait()
        #expect(acknowledged.values.count >= 12)

        server = try ServerProcess(dataDirectory: data, logPath: directory + "/second.log")
        let port2 = server.port
        // The WAL the kill left behind is emptied into the main file once the new writer is idle.
        #expect(Self.walEmpties(in: data))
        #expect(try TestApp.call(port: port2, "POST", "/v1/townships/nm/rounds/1/close", token: root).status == 200)
        let recount = try TestApp.call(port: port2, "GET", "/v1/townships/nm/rounds/1/recount", token: root)
        #expect(recount.json["aggregates_match"] == .bool(true))
        let published = try TestApp.call(
            port: port2, "POST", "/v1/townships/nm/rounds/1/publish", token: root, body: "{}")
        let receipts = Set(published.json["receipts"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        #expect(Set(acknowledged.values).isSubset(of: receipts), "every 201 was counted")
        #expect(server.terminate() == 0, "SIGTERM exits 0")

        // Nothing in the logs or the database holds a code, in any spelling.
        let logs = try ["first.log", "second.log"].map {
            try String(contentsOfFile: directory + "/" + $0, encoding: .utf8)
        }.joined()
        let spellings = codes.flatMap { [$0, $0.replacingOccurrences(of: "-", with: "")] }
        #expect(spellings.allSatisfy { !logs.contains($0) })
        #expect(!logs.contains("秘密意见"))
        let database = try Database(path: data + "/duping.sqlite", migrations: Schema.migrations)
        defer { database.close() }
        let everything = try DatabaseDump.allText(database)
        #expect(spellings.allSatisfy { !everything.contains($0) })
        try database.read { connection in
            // Slots laid out at open (BallotSlot): no evaluator, token or time column.
            let columns = try connection.query("SELECT name FROM pragma_table_info('ballots')") { $0.string(0) }
            #expect(columns == ["slot", "round_id", "receipt", "filled", "body"])
            let days = try connection.query(
                "SELECT DISTINCT CAST(substr(body, 2, 10) AS TEXT) FROM ballots WHERE filled = 1"
            ) { $0.string(0) }
            #expect(!days.isEmpty && days.allSatisfy { $0.utf8.count == 10 && $0.hasPrefix("20") }, "the day only")
            // The compact binary form (BallotCoding), which names no evaluator; `allText` above
            // read its bytes too, comments included.
            let kinds = try connection.query("SELECT DISTINCT typeof(body) FROM ballots") { $0.string(0) }
            #expect(kinds == ["blob"])
        }
    }

    /// A ballot cast alone shares its commit with nothing but its own spent code. The WAL keeps
    /// that commit's pages together in order, so the writer empties it once idle: soon after
    /// the 201 the `-wal` file is empty and the ballot is in the main file.
    @Test(TestBackend.sqliteOnly("SQLite's WAL scrubbing")) func aLoneBallotLeavesTheWALSoonAfterItsCommit() throws {
        let f = try EvaluationFixture()
        let codes = try f.open(try f.createRound())
        for evaluator in f.evaluators.prefix(2) {
            #expect(try f.vote(codes[evaluator]!, f.ballot(comment: "只在主库")).status == 201)
            #expect(Self.walEmpties(in: f.app.directory), "the WAL still holds pages 5 s after the ballot")
        }
        let main = try Data(contentsOf: URL(fileURLWithPath: f.app.directory + "/duping.sqlite"))
        #expect(main.range(of: Data("只在主库".utf8)) != nil)
    }
}

extension DurabilityAndAnonymityTests {
    /// Whether the database's `-wal` file in `dataDirectory` is (or within 5 s becomes) empty.
    static func walEmpties(in dataDirectory: String) -> Bool {
        let wal = dataDirectory + "/duping.sqlite-wal"
        return eventually { ((try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? NSNumber) == 0 }
    }
}

/// Every text value of every table, and every blob read as UTF-8, concatenated (for scanning).
enum DatabaseDump {
    static func allText(_ database: Database) throws -> String {
        try database.read { connection in
            let tables = try connection.query("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.string(0) }
            var text = ""
            for table in tables {
                try connection.forEachRow("SELECT * FROM \"\(table)\"") { row in
                    for column in 0..<row.columnCount where !row.isNull(column) {
                        switch row.value(column) {
                        case .text(let value): text += value + "\n"
                        case .blob(let bytes): text += String(decoding: bytes, as: UTF8.self) + "\n"
                        default: break
                        }
                    }
                }
            }
            return text
        }
    }
}

/// Strings collected from several threads.
final class LockedStrings: @unchecked Sendable {
    // Safe: `items` is only touched while holding `lock`.
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ value: String) { lock.lock(); items.append(value); lock.unlock() }
    var values: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
