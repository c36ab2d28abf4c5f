import Foundation
import Testing

/// Contract §8, fair use (issue 19, finding 7): one admin cannot fill a township without bound,
/// a round has a bounded number of subjects, and an error lists at most 100 field errors.
@Suite struct FairUseTests {
    @Test func aTownshipHoldsAtMostTheLimitOfEachRegistryKind() throws {
        let app = try TestApp { $0.registryLimit = 10 }
        let admin = try app.makeTownship("niumasi")
        let base = "/v1/townships/niumasi/departments"
        let eight = (1...8).map { #"{"name":"办\#($0)"}"# }.joined(separator: ",")
        #expect(try app.call("POST", base, token: admin, body: "[\(eight)]").status == 201)
        let over = try app.call("POST", base, token: admin, body: #"[{"name":"甲"},{"name":"乙"},{"name":"丙"}]"#)
        #expect(over.status == 422)
        #expect(over.raw.header("Content-Type") == "application/problem+json")
        #expect(over.raw.text.contains("at most 10"))
        #expect(try app.call("GET", base, token: admin).items.count == 8, "nothing of the refused batch stored")
        #expect(try app.call("POST", base, token: admin, body: #"[{"name":"甲"},{"name":"乙"}]"#).status == 201)
        #expect(try app.call("POST", base, token: admin, body: #"{"name":"丙"}"#).status == 422)
        // Another kind and another township count separately.
        #expect(
            try app.call(
                "POST", "/v1/townships/niumasi/evaluators", token: admin, body: #"{"name":"评","category":"deputy"}"#
            ).status == 201)
        let other = try app.makeTownship("other")
        #expect(
            try app.call("POST", "/v1/townships/other/departments", token: other, body: #"{"name":"办"}"#).status == 201)
    }

    /// The fixture's round would freeze 4 cadres, 3 departments and 2 projects of 2026: 9.
    @Test func aRoundHoldsAtMostTheLimitOfSubjects() throws {
        let f = try EvaluationFixture(app: try TestApp { $0.roundSubjectLimit = 8 })
        let round = try f.createRound()
        let opened = try f.post("/rounds/\(round)/open")
        #expect(opened.status == 422)
        #expect(opened.errorFields == ["subjects"])
        #expect(try f.get("/rounds/\(round)").json["state"] == .string("draft"), "still a draft, no codes made")
        let listed = f.cadres.map(String.init).joined(separator: ",")
        let patched = try f.app.call(
            "PATCH", "\(f.base)/rounds/\(round)", token: f.admin,
            body: #"{"cadre_ids":[\#(listed)],"department_ids":[]}"#)
        #expect(patched.status == 200)
        #expect(try f.post("/rounds/\(round)/open").status == 200, "4 cadres and 2 projects fit")
        let tooMany = (1...9).map(String.init).joined(separator: ",")
        let created = try f.app.call(
            "POST", "\(f.base)/rounds", token: f.admin,
            body:
                #"{"title":"t","kind":"quarterly","period":"2026-Q4","evaluator_ids":[\#(f.evaluators[0])],"cadre_ids":[\#(tooMany)]}"#
        )
        #expect(created.status == 422)
        #expect(created.errorFields == ["cadre_ids"])
    }

    /// 150 bad entries: the first 100 are listed, `error_count` says 150.
    @Test func anErrorListsAtMostAHundredFieldErrors() throws {
        let f = try EvaluationFixture(cadres: 1, panel: [3, 0, 0, 0])
        let codes = try f.open(try f.createRound())
        let entries = (0..<150).map { #"{"cadre_id":\#(900_000 + $0),"village_time":1,"attitude":1,"completion":1}"# }
        let response = try f.vote(codes[f.evaluators[0]]!, #"{"supervision":[\#(entries.joined(separator: ","))]}"#)
        #expect(response.status == 422)
        #expect(response.errorFields.count == 100)
        #expect(response.errorFields.first == "supervision[0].cadre_id")
        #expect(response.json["error_count"] == .int(150))
        #expect(response.raw.body.count < 20_000)
        #expect(try f.vote(codes[f.evaluators[0]]!, f.ballot()).status == 201, "the code was not spent")
    }
}
