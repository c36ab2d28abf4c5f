import Domain
import Foundation
import Testing

/// Village days (contract §12) stand beside 下村时间 in the results, the CSV and the board.
@Suite struct VillageDaysTests {
    @Test func distinctDaysInTheRoundsPeriodFromDiariesAndVillageWhereabouts() throws {
        let f = try ResponsibilityFixture()  // today 2026-06-20, in 2026-H1
        let zhang = f.cadres["张三"]!
        let diary = "\(f.base)/cadres/\(zhang)/diary"
        for date in ["2026-03-02", "2026-03-02", "2026-05-10", "2026-06-20", "2025-12-30"] {
            let body = #"{"date":"\#(date)","village":"石桥村","summary":"走访"}"#
            #expect(try f.app.call("POST", diary, token: f.admin, body: body).status == 201)
        }
        let village = #"{"place":"village","village":"石桥村"}"#
        #expect(
            try f.app.call("PUT", "\(f.base)/cadres/\(zhang)/whereabouts", token: f.admin, body: village).status == 200)
        let office = #"{"place":"office"}"#
        #expect(
            try f.app.call("PUT", "\(f.base)/cadres/\(f.cadres["李四"]!)/whereabouts", token: f.admin, body: office)
                .status == 200)
        f.clock.advance(by: 86_400)  // 06-21: one more village day from the board alone
        #expect(
            try f.app.call("PUT", "\(f.base)/cadres/\(zhang)/whereabouts", token: f.admin, body: village).status == 200)

        let evaluators = try f.app.call(
            "POST", "\(f.base)/evaluators", token: f.admin,
            body: #"[{"name":"刘代表","category":"deputy"},{"name":"陈支书","category":"village_cadre"}]"#
        ).items.compactMap { $0["id"]?.intValue }
        let round = try f.app.call(
            "POST", "\(f.base)/rounds", token: f.admin,
            body: #"{"title":"上半年","kind":"semiannual","period":"2026-H1","evaluator_ids":\#(evaluators)}"#)
        let id = try #require(round.json["id"]?.intValue)
        #expect(try f.app.call("POST", "\(f.base)/rounds/\(id)/open", token: f.admin).status == 200)
        #expect(try f.app.call("POST", "\(f.base)/rounds/\(id)/close", token: f.admin).status == 200)

        let cadres = try f.get("/rounds/\(id)/results").json["cadres"]?.arrayValue?.compactMap(\.objectValue) ?? []
        let days = Dictionary(uniqueKeysWithValues: cadres.map { ($0["name"]?.stringValue ?? "", $0["village_days"]) })
        #expect(days["张三"] == 4)  // 03-02, 05-10, 06-20 (diary and board), 06-21; not 2025-12-30
        #expect(days["李四"] == 0)  // in the office
        let csv = try f.get("/rounds/\(id)/results.csv").raw.text
        #expect(csv.contains("下村时间,下村天数,工作态度"))
        #expect(csv.contains(",张三,交通站,,4,"))
        #expect(try f.app.call("POST", "\(f.base)/rounds/\(id)/publish", token: f.admin, body: "{}").status == 200)
        let board = try f.app.call("GET", "/v1/public/townships/niumasi/rounds/\(id)").json
        let posted = board["cadres"]?.arrayValue?.compactMap(\.objectValue).first { $0["name"] == "张三" }
        #expect(posted?["village_days"] == 4)
        #expect(!(try f.app.call("GET", "/v1/public/townships/niumasi/rounds/\(id)").raw.text.contains("走访")))
    }
}
