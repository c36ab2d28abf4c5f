import Domain
import Foundation
import Testing

/// Today's whereabouts and the visit diary through the API (contract §12), on 2026-06-20.
@Suite struct WhereaboutsAndDiaryTests {
    let board = "/v1/public/townships/niumasi/whereabouts"

    func put(_ f: ResponsibilityFixture, _ cadre: String, _ body: String, token: String? = nil) throws -> APIResponse {
        try f.app.call("PUT", "\(f.base)/cadres/\(f.cadres[cadre]!)/whereabouts", token: token ?? f.admin, body: body)
    }

    @Test func aCadreSetsItsOwnPlaceAndTheHallSeesEveryoneElseAsUnreported() throws {
        let f = try ResponsibilityFixture()
        let own = try put(f, "张三", #"{"place":"village","village":"石桥村","note":"调解山林纠纷"}"#, token: f.tokens["张三"])
        #expect(own.status == 200, "\(own.raw.text)")
        #expect(own.json["date"] == "2026-06-20")
        #expect(try put(f, "李四", #"{"place":"office"}"#, token: f.tokens["张三"]).status == 403)
        #expect(try put(f, "李四", #"{"place":"meeting","note":"县里开会"}"#).status == 200)  // an admin for anyone
        #expect(try put(f, "张三", #"{"place":"office"}"#, token: f.tokens["张三"]).status == 200)  // replaces

        let posted = try f.app.call("GET", board)
        #expect(posted.json["township"] == ["code": "niumasi", "name": "牛马司镇"])
        let items = posted.items
        #expect(items.count == 4)
        let byName = Dictionary(uniqueKeysWithValues: items.map { ($0["name"]?.stringValue ?? "", $0) })
        #expect(byName["张三"]?["place"] == "office" && byName["张三"]?["village"] == .null)
        #expect(byName["李四"]?["place"] == "meeting" && byName["李四"]?["note"] == "县里开会")
        #expect(byName["李四"]?["post"] == "副镇长" && byName["李四"]?["department"] == "交通站")
        #expect(byName["王五"]?["place"] == .null && byName["王五"]?["updated_at"] == .null)  // 未报

        // A new day starts blank; a cadre who left is not on the board.
        f.clock.advance(by: 86_400)
        #expect(try f.app.call("GET", board).items.allSatisfy { $0["place"] == .null })
        #expect(try f.patch("/cadres/\(f.cadres["赵六"]!)", #"{"status":"left"}"#).status == 200)
        #expect(try f.app.call("GET", board).items.count == 3)
        #expect(try put(f, "赵六", #"{"place":"office"}"#).status == 409)
    }

    @Test(arguments: [
        (#"{"place":"village"}"#, "village"), (#"{"place":"office","village":"石桥村"}"#, "village"),
        (#"{"place":"home"}"#, "place"), (#"{}"#, "place"), (#"{"place":"village","village":" \u3000"}"#, "village"),
        (#"{"place":"office","note":"\#(String(repeating: "字", count: 201))"}"#, "note"),
        (#"{"place":"office","who":"x"}"#, "who"),
    ])
    func badWhereaboutsAre422NamingTheField(body: String, field: String) throws {
        let f = try ResponsibilityFixture()
        let response = try put(f, "张三", body)
        #expect(response.status == 422)
        #expect(response.errorFields == [field])
        #expect(try f.app.call("GET", board).items.allSatisfy { $0["place"] == .null })
    }

    @Test func theDiaryIsTheCadresOwnAndNeverPublic() throws {
        let f = try ResponsibilityFixture()
        let path = "\(f.base)/cadres/\(f.cadres["张三"]!)/diary"
        let secret = "村民刘某反映低保问题"
        for (date, summary) in [("2026-06-01", secret), ("2026-06-15", "走访三户"), ("2026-05-20", "查看渠道")] {
            let created = try f.app.call(
                "POST", path, token: f.tokens["张三"],
                body: #"{"date":"\#(date)","village":"石桥村","households":3,"summary":"\#(summary)","issues":["渠道淤塞"]}"#)
            #expect(created.status == 201, "\(created.raw.text)")
        }
        let future = try f.app.call(
            "POST", path, token: f.admin, body: #"{"date":"2026-06-21","village":"石桥村","summary":"x"}"#)
        #expect(future.status == 422)
        #expect(future.errorFields == ["date"])
        let missing = try f.app.call("POST", path, token: f.admin, body: #"{"date":"2026-06-01"}"#)
        #expect(missing.errorFields == ["village", "summary"])
        #expect(
            try f.app.call(
                "POST", path, token: f.tokens["李四"], body: #"{"date":"2026-06-01","village":"x","summary":"x"}"#
            ).status == 403)
        #expect(try f.app.call("GET", path, token: f.tokens["李四"]).status == 403)

        let all = try f.app.call("GET", path, token: f.tokens["张三"]).items
        #expect(all.map { $0["date"] } == ["2026-05-20", "2026-06-01", "2026-06-15"])
        #expect(all[1]["summary"] == .string(secret) && all[1]["issues"] == ["渠道淤塞"])
        let june = try f.app.call("GET", path + "?from=2026-06-01&to=2026-06-01", token: f.admin).items
        #expect(june.map { $0["date"] } == ["2026-06-01"])
        #expect(try f.app.call("GET", path + "?from=june", token: f.admin).errorFields == ["from"])

        // Nothing public carries it.
        for route in [board, "/v1/public/townships/niumasi/responsibility", "/v1/public/townships/niumasi/rounds"] {
            #expect(!(try f.app.call("GET", route).raw.text.contains("刘某")), "\(route)")
        }
        #expect(!(try f.app.call("GET", "/metrics").raw.text.contains("刘某")))
    }
}
