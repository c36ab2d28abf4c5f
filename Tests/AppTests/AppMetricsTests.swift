import Foundation
import Storage
import Testing

@testable import App

/// `/metrics` carries the build, ballots accepted and rejected, rounds by state, SQLite write
/// latency and faults, and the process metrics.
@Suite struct AppMetricsTests {
    /// The value of the sample line that starts with `name` (labels included), or nil.
    static func sample(_ text: String, _ name: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.dropFirst(name.count + 1))
        }
        return nil
    }

    @Test func ballotsRoundsAndWritesAreCounted() throws {
        let f = try EvaluationFixture()
        _ = try f.createRound()
        let closed = try f.createRound()
        let closedCodes = try f.open(closed)
        #expect(try f.post("/rounds/\(closed)/close").status == 200)
        let round = try f.createRound()
        let codes = try f.open(round)
        let first = codes[f.evaluators[0]]!
        #expect(try f.vote(first, f.ballot()).status == 201)
        #expect(try f.vote(first, f.ballot()).status == 409)
        #expect(
            try f.vote(
                codes[f.evaluators[1]]!,
                #"{"supervision":[{"cadre_id":999,"village_time":1,"attitude":1,"completion":1}]}"#
            ).status == 422)
        #expect(try f.vote("AAAA-BBBB-CCCC-DDDD", f.ballot()).status == 401)
        let paper = #"{"evaluator_id":\#(f.evaluators[2]),"ballot":\#(f.ballot())}"#
        #expect(try f.post("/rounds/\(round)/paper-ballots", paper).status == 201)
        #expect(try f.vote(closedCodes[f.evaluators[3]]!, f.ballot()).status == 409)

        let response = try f.app.call("GET", "/metrics")
        #expect(response.status == 200)
        let text = response.raw.text
        #expect(Self.sample(text, #"duping_ballots_accepted_total{channel="online"}"#) == 1)
        #expect(Self.sample(text, #"duping_ballots_accepted_total{channel="paper"}"#) == 1)
        #expect(Self.sample(text, #"duping_ballots_rejected_total{reason="already_voted"}"#) == 1)
        #expect(Self.sample(text, #"duping_ballots_rejected_total{reason="invalid"}"#) == 1)
        #expect(Self.sample(text, #"duping_ballots_rejected_total{reason="unknown_code"}"#) == 1)
        #expect(Self.sample(text, #"duping_ballots_rejected_total{reason="round_not_open"}"#) == 1)
        #expect(Self.sample(text, #"duping_rounds{state="draft"}"#) == 1)
        #expect(Self.sample(text, #"duping_rounds{state="open"}"#) == 1)
        #expect(Self.sample(text, #"duping_rounds{state="closed"}"#) == 1)
        #expect(Self.sample(text, #"duping_rounds{state="published"}"#) == 0)
        let writes = try #require(Self.sample(text, "duping_sqlite_write_duration_seconds_count"))
        #expect(writes >= 8, "registry, rounds, open and ballots each wrote")
        #expect(Self.sample(text, #"duping_sqlite_write_duration_seconds_bucket{le="+Inf"}"#) == writes)
        #expect(Self.sample(text, "duping_sqlite_write_duration_seconds_sum").map { $0 > 0 } == true)
        #expect(Self.sample(text, "duping_sqlite_write_failures_total") == 0, "a 409 or 422 ballot is no fault")
        #expect(text.contains("duping_http_requests_total"), "the core's metrics are still there")
    }

    private static func scrape(_ app: TestApp) throws -> String {
        let response = try app.call("GET", "/metrics")
        #expect(response.status == 200)
        return response.raw.text
    }

    @Test func writesRefusedWith409Or422AreNoStorageFaults() throws {
        let app = try TestApp()
        let admin = try app.makeTownship("niumasi")
        let base = "/v1/townships/niumasi"
        let before = try #require(Self.sample(try Self.scrape(app), "duping_sqlite_write_duration_seconds_count"))
        let township = #"{"code":"niumasi","name":"牛马司镇"}"#
        #expect(try app.call("POST", "/v1/townships", token: app.rootToken, body: township).status == 409)
        let department = #"{"name":"民政办"}"#
        #expect(try app.call("POST", "\(base)/departments", token: admin, body: department).status == 201)
        #expect(try app.call("POST", "\(base)/departments", token: admin, body: department).status == 409)
        let cadre = #"{"name":"张三","department_id":99999}"#
        #expect(try app.call("POST", "\(base)/cadres", token: admin, body: cadre).status == 422)

        let text = try Self.scrape(app)
        let writes = try #require(Self.sample(text, "duping_sqlite_write_duration_seconds_count"))
        #expect(writes >= before + 4, "each refusal ran (and rolled back) a write transaction")
        #expect(Self.sample(text, "duping_sqlite_write_failures_total") == 0)
    }

    /// The disk is "filled" as in `DiskFullTests`, with SQLite's cap on the database size.
    @Test(TestBackend.sqliteOnly("fills the disk with PRAGMA max_page_count")) func aFullDiskIsAStorageFault() throws {
        let app = try TestApp()
        let admin = try app.makeTownship("niumasi")
        let pages = try app.app.database.read { try $0.queryOne("PRAGMA page_count") { $0.int(0) } } ?? 0
        try app.app.database.write { try $0.execute("PRAGMA max_page_count = \(pages + 2)") }
        defer { _ = try? app.app.database.write { try $0.execute("PRAGMA max_page_count = 1073741823") } }
        let name = String(repeating: "办", count: 90)
        var status = 201
        var batch = 0
        while status == 201 && batch < 500 {
            let rows = (0..<20).map { #"{"name":"\#(name)\#(batch)-\#($0)"}"# }.joined(separator: ",")
            status = try app.call("POST", "/v1/townships/niumasi/departments", token: admin, body: "[\(rows)]").status
            batch += 1
        }
        #expect(status == 503)
        #expect(Self.sample(try Self.scrape(app), "duping_sqlite_write_failures_total") == 1)
    }

    @Test func buildAndProcessAreDescribed() throws {
        let app = try TestApp()
        let text = try Self.scrape(app)
        #expect(Self.sample(text, #"duping_build_info{version="\#(AppMetrics.version)"}"#) == 1)
        #expect(text.contains("# TYPE duping_build_info gauge"))
        let start = try #require(Self.sample(text, "process_start_time_seconds"))
        let now = Date().timeIntervalSince1970
        #expect(start <= now + 1 && start > now - 3600, "started within the last hour: \(start)")
        let resident = try #require(Self.sample(text, "process_resident_memory_bytes"))
        #expect(resident > 1_000_000)
        let open = try #require(Self.sample(text, "process_open_fds"))
        #expect(open >= 3)
        let max = try #require(Self.sample(text, "process_max_fds"))
        #expect(max >= open)
        #expect(try #require(Self.sample(text, "process_cpu_seconds_total")) > 0)
        for name in ["process_start_time_seconds", "process_resident_memory_bytes", "process_open_fds"] {
            #expect(text.contains("# TYPE \(name) gauge\n"))
        }
    }
}
