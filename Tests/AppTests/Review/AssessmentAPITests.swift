import Domain
import Foundation
import Primitives
import Testing

@testable import App

/// The year-end assessment through the API (contract §11), on 2026-12-20.
@Suite struct AssessmentAPITests {
    /// A township whose 4 cadres scored 90, 80, 70 and 60 in the year's published semiannual
    /// round, plus a fifth cadre (id `extra`) who was in no round.
    static func township() throws -> (EvaluationFixture, ManualClock, extra: Int64) {
        let day = CalendarDay("2026-12-20")!
        let clock = ManualClock(wallSeconds: Int64(day.daysSince1970) * 86_400 + 2 * 3600)
        let f = try EvaluationFixture(app: try TestApp { $0.clock = clock })
        let round = try f.createRound()
        let codes = try f.open(round)
        let entries = f.cadres.enumerated().map { index, id in
            let score = 90 - 10 * index
            return #"{"cadre_id":\#(id),"village_time":\#(score),"attitude":\#(score),"completion":\#(score)}"#
        }
        let body = #"{"supervision":[\#(entries.joined(separator: ","))],"most_satisfied":null,"least_satisfied":null}"#
        for code in codes.values { #expect(try f.vote(code, body).status == 201) }
        #expect(try f.post("/rounds/\(round)/close").status == 200)
        #expect(try f.post("/rounds/\(round)/publish", #"{"commentary":"讲评"}"#).status == 200)
        let extra = try f.post("/cadres", #"{"name":"新调入","department_id":\#(f.departments[0])}"#)
        return (f, clock, extra.json["id"]?.intValue ?? 0)
    }

    func rows(_ response: APIResponse) -> [JSONObject] {
        response.json["cadres"]?.arrayValue?.compactMap(\.objectValue) ?? []
    }

    func put(_ f: EvaluationFixture, _ path: String, _ body: String) throws -> APIResponse {
        try f.app.call("PUT", f.base + path, token: f.admin, body: body)
    }

    @Test func aYearFromDraftThroughNoticeAndObjectionsToTheArchive() throws {
        let (f, _, extra) = try Self.township()
        let created = try f.post("/assessments", #"{"year":2026,"excellent_quota":0.25}"#)
        #expect(created.status == 201, "\(created.raw.text)")
        let id = try #require(created.json["id"]?.intValue)
        let draft = rows(created)
        #expect(draft.map { $0["cadre_id"]?.intValue } == f.cadres.map { $0 } + [extra])
        #expect(draft.map { $0["supervision"] } == [90.0, 80.0, 70.0, 60.0, .null])
        #expect(draft.map { $0["score"] } == [90.0, 80.0, 70.0, 60.0, .null])  // no quarterly reviews, no targets
        #expect(draft.map { $0["proposed"] } == ["优秀", "称职", "称职", "基本称职", .null])  // 1 place of 4 scored
        #expect(try f.post("/assessments", #"{"year":2026}"#).status == 409)

        // Overrides: not beyond the quota, with a reason, the proposal kept.
        let over = try put(f, "/assessments/\(id)/grades/\(f.cadres[1])", #"{"grade":"优秀","reason":"抗洪"}"#)
        #expect(over.status == 422)
        #expect(over.errorFields == ["grade"])
        #expect(try put(f, "/assessments/\(id)/grades/\(f.cadres[0])", #"{"grade":"称职"}"#).errorFields == ["reason"])
        let lowered = try put(f, "/assessments/\(id)/grades/\(f.cadres[0])", #"{"grade":"称职","reason":"年内两次迟到"}"#)
        #expect(lowered.status == 200)
        #expect(lowered.json["grade"] == "称职" && lowered.json["proposed"] == "优秀")
        #expect(lowered.json["reason"] == "年内两次迟到")
        #expect(try put(f, "/assessments/\(id)/grades/\(f.cadres[1])", #"{"grade":"优秀","reason":"抗洪"}"#).status == 200)

        // Not public, and no objections, before the notice.
        let publicPath = "/v1/public/townships/niumasi/assessments/\(id)"
        #expect(try f.app.call("GET", publicPath).status == 404)
        #expect(
            try f.app.call("POST", publicPath + "/objections", body: #"{"cadre_id":\#(f.cadres[1]),"text":"x"}"#).status
                == 409)

        let notice = try f.post("/assessments/\(id)/notice", #"{"days":5}"#)
        #expect(notice.status == 200)
        #expect(notice.json["state"] == "notice")
        #expect(notice.json["notice_ends"] == "2026-12-25")
        #expect(try f.post("/assessments/\(id)/notice", #"{"days":5}"#).status == 409)
        // Frozen: a later rename does not reach the figures.
        #expect(try f.patch("/cadres/\(f.cadres[1])", #"{"name":"改名"}"#).status == 200)
        #expect(rows(try f.get("/assessments/\(id)"))[1]["name"] == "干部1")
        let listed = try f.app.call("GET", "/v1/public/townships/niumasi/assessments")
        #expect(listed.items == [["id": .int(id), "year": 2026, "state": "notice", "notice_ends": "2026-12-25"]])
        let posted = try f.app.call("GET", publicPath)
        #expect(posted.status == 200)
        #expect(posted.json["excellent"] == [["cadre_id": .int(f.cadres[1]), "name": "干部1", "department": "财政所"]])
        #expect(posted.json["counts"] == ["优秀": 1, "称职": 2, "基本称职": 1, "不称职": 0])

        // Objections: anyone, checked, 5 an hour from one address, no sender kept.
        let objections = publicPath + "/objections"
        let script = #"{"cadre_id":\#(f.cadres[1]),"text":"  <script>alert(1)</script>该同志多次缺勤  "}"#
        let first = try f.app.call("POST", objections, body: script)
        #expect(first.status == 201)
        for (body, field) in [
            (#"{"cadre_id":\#(f.cadres[1]),"text":"   "}"#, "text"),
            (#"{"cadre_id":\#(f.cadres[1]),"text":"\n\u3000\t"}"#, "text"),
            (#"{"cadre_id":\#(f.cadres[1]),"text":"\#(String(repeating: "字", count: 1001))"}"#, "text"),
            (#"{"cadre_id":999999,"text":"x"}"#, "cadre_id"),
            (#"{"cadre_id":\#(f.cadres[1]),"text":"x","phone":"138"}"#, "phone"),
        ] {
            let refused = try f.app.call("POST", objections, body: body)
            #expect(refused.status == 422, "\(body.prefix(60))")
            #expect(refused.errorFields == [field])
        }
        let big = #"{"cadre_id":1,"text":"\#(String(repeating: "a", count: 20_000))"}"#
        #expect(try f.app.call("POST", objections, body: big).status == 413)
        for _ in 2...5 {
            #expect(
                try f.app.call("POST", objections, body: #"{"cadre_id":\#(f.cadres[2]),"text":"意见"}"#).status == 201)
        }
        let limited = try f.app.call("POST", objections, body: #"{"cadre_id":\#(f.cadres[2]),"text":"第六条"}"#)
        #expect(limited.status == 429)
        #expect(limited.header("Retry-After") != nil)
        let received = try f.get("/assessments/\(id)/objections").items
        #expect(received.count == 5)
        #expect(received[0]["text"] == "<script>alert(1)</script>该同志多次缺勤")
        if !TestBackend.isPostgres {  // PostgreSQL's columns: PostgresSchemaTests (same as SQLite's)
            let columns = try f.app.app.database.read { connection in
                try connection.query("SELECT name FROM pragma_table_info('objections')") { $0.string(0) }
            }
            #expect(
                Set(columns) == ["id", "assessment_id", "cadre_id", "text", "received_on", "response", "responded_at"])
        }
        #expect(received[0]["received_on"] == "2026-12-20")
        let answered = try put(
            f, "/assessments/\(id)/objections/\(received[0]["id"]?.intValue ?? 0)", #"{"response":"经核实不属实"}"#)
        #expect(answered.status == 200)
        #expect(answered.json["response"] == "经核实不属实")

        // Finalize: every cadre graded, a reason to cut the notice short, then the archive.
        let ungraded = try f.post("/assessments/\(id)/finalize", #"{"commentary":"讲评"}"#)
        #expect(ungraded.status == 409)
        #expect(ungraded.errorFields == ["grades.\(extra)"])
        #expect(try put(f, "/assessments/\(id)/grades/\(extra)", #"{"grade":"称职","reason":"年中调入"}"#).status == 200)
        let early = try f.post("/assessments/\(id)/finalize", #"{"commentary":"讲评"}"#)
        #expect(early.status == 422)
        #expect(early.errorFields == ["notice_cut_short"])
        let final = try f.post("/assessments/\(id)/finalize", #"{"commentary":"讲评","notice_cut_short":"县里要求年底前报送"}"#)
        #expect(final.status == 200, "\(final.raw.text)")
        #expect(final.json["state"] == "final")
        #expect(final.json["notice_cut_short"] == "县里要求年底前报送")
        #expect(try f.post("/assessments/\(id)/finalize", #"{"commentary":"x"}"#).status == 409)
        #expect(try f.app.call("POST", objections, body: #"{"cadre_id":\#(f.cadres[1]),"text":"晚了"}"#).status == 429)

        let record = try #require(try f.get("/cadres/\(f.cadres[3])/archive").items.last)
        #expect(record["kind"] == "annual_assessment")
        #expect(record["period"] == "2026")
        let data = try #require(record["data"]?.objectValue)
        #expect(data["grade"] == "基本称职" && data["proposed"] == "基本称职" && data["score"] == "60.00")
        #expect(data["consequences"] == ["admonition"])
        #expect(data["parts"] == ["supervision": "60.00", "quarterly": .null, "tasks": .null])
        let lowered0 = try #require(try f.get("/cadres/\(f.cadres[0])/archive").items.last?["data"]?.objectValue)
        #expect(lowered0["grade"] == "称职" && lowered0["proposed"] == "优秀" && lowered0["reason"] == "年内两次迟到")
        #expect(try f.get("/cadres/\(f.cadres[0])/archive/verify").json["valid"] == true)
        #expect(try f.post("/cadres/\(f.cadres[0])/archive", #"{"kind":"annual_assessment","data":{}}"#).status == 422)
    }

    @Test func badCreatesAre422NamingTheField() throws {
        let (f, _, _) = try Self.township()
        for (body, field) in [
            (#"{}"#, "year"), (#"{"year":1999}"#, "year"), (#"{"year":2026,"excellent_quota":1.5}"#, "excellent_quota"),
            (#"{"year":2026,"weights":{"supervision":0,"quarterly":0,"tasks":0}}"#, "weights"),
            (#"{"year":2026,"weights":{"votes":10}}"#, "weights.votes"),
        ] {
            let response = try f.post("/assessments", body)
            #expect(response.status == 422, "\(body)")
            #expect(response.errorFields == [field], "\(body)")
        }
        #expect(try f.get("/assessments").items.isEmpty)
    }

    @Test func objectionsCloseWhenTheNoticeEnds() throws {
        let (f, clock, _) = try Self.township()
        let id = try #require(try f.post("/assessments", #"{"year":2026}"#).json["id"]?.intValue)
        #expect(try f.post("/assessments/\(id)/notice", #"{"days":1}"#).json["notice_ends"] == "2026-12-21")
        let path = "/v1/public/townships/niumasi/assessments/\(id)/objections"
        clock.advance(by: 86_400)
        #expect(try f.app.call("POST", path, body: #"{"cadre_id":\#(f.cadres[0]),"text":"最后一天"}"#).status == 201)
        clock.advance(by: 86_400)
        #expect(try f.app.call("POST", path, body: #"{"cadre_id":\#(f.cadres[0]),"text":"过期"}"#).status == 409)
        // After the notice, no reason is needed to finalize.
        for cadre in try f.get("/assessments/\(id)").json["cadres"]?.arrayValue ?? []
        where cadre.objectValue?["grade"] == .null {
            _ = try put(
                f, "/assessments/\(id)/grades/\(cadre.objectValue?["cadre_id"]?.intValue ?? 0)",
                #"{"grade":"称职","reason":"x"}"#)
        }
        #expect(try f.post("/assessments/\(id)/finalize", #"{"commentary":"讲评"}"#).status == 200)
    }
}

extension AssessmentAPITests {
    /// What the inputs read from the archive: a sanction of the year (its date in UTC+8) makes a
    /// cadre ineligible for 优秀; one from the year before does not.
    @Test func aSanctionOfTheYearInChinaTimeMakesACadreIneligible() throws {
        let (f, _, _) = try Self.township()  // 2026-12-20T02:00Z
        let sanction = #"{"kind":"sanction","title":"警告处分"}"#
        #expect(try f.post("/cadres/\(f.cadres[0])/archive", sanction).status == 201)
        let rows = rows(try f.post("/assessments", #"{"year":2026,"excellent_quota":0.5}"#))
        #expect(rows.first { $0["cadre_id"]?.intValue == f.cadres[0] }?["eligible"] == false)
        #expect(rows.first { $0["cadre_id"]?.intValue == f.cadres[1] }?["eligible"] == true)
        #expect(rows.first { $0["cadre_id"]?.intValue == f.cadres[1] }?["proposed"] == "优秀")  // the place passes on
    }

    @Test(arguments: [
        ("2026-12-31T15:59:59Z", 2026), ("2026-12-31T16:00:00Z", 2027), ("2026-01-01T00:00:00Z", 2026),
        ("2025-12-31T16:00:00Z", 2026),
    ])
    func aRecordsYearIsItsDateInChinaTime(timestamp: String, year: Int) {
        #expect(AssessmentWorkflow.chinaYear(timestamp) == year)
    }
}
