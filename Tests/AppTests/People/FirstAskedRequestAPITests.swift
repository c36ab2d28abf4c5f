import Domain
import Foundation
import Testing

/// First-asked requests through the API (contract §12), on 2026-06-20.
@Suite struct FirstAskedRequestAPITests {
    func post(_ f: ResponsibilityFixture, _ path: String, _ body: String? = nil, token: String? = nil) throws
        -> APIResponse
    {
        try f.app.call("POST", f.base + path, token: token ?? f.admin, body: body ?? "{}")
    }

    @Test func aMatterGoesFromTheFirstCadreToAnotherDepartmentAndIsResolved() throws {
        let f = try ResponsibilityFixture()
        let secret = "村民王某反映低保被冒领"
        let filed = try post(
            f, "/requests", #"{"summary":"\#(secret)","contact":"13800000000"}"#, token: f.tokens["张三"])
        #expect(filed.status == 201, "\(filed.raw.text)")
        let id = try #require(filed.json["id"]?.intValue)
        let code = try #require(filed.json["code"]?.stringValue)
        #expect(code.count == 9 && code.dropFirst(4).first == "-")
        #expect(filed.json["due"] == "2026-06-27" && filed.json["state"] == "open")
        #expect(filed.json["holder_cadre_id"] == .int(f.cadres["张三"]!))

        let lookup = "/v1/public/requests/\(code.lowercased())"
        let seen = try f.app.call("GET", lookup)
        #expect(seen.status == 200)
        #expect(
            seen.json == [
                "state": "open", "department": "交通站", "filed": "2026-06-20", "due": "2026-06-27", "resolved": .null,
                "outcome": .null, "overdue": false,
            ])

        // Out of turn and not yours.
        #expect(try post(f, "/requests/\(id)/accept", token: f.tokens["张三"]).status == 409)
        let nong = f.departments["农办"]!
        #expect(
            try post(f, "/requests/\(id)/handoffs", #"{"department_id":\#(nong)}"#, token: f.tokens["李四"]).status == 403
        )
        let badCadre = try post(
            f, "/requests/\(id)/handoffs", #"{"department_id":\#(nong),"cadre_id":\#(f.cadres["李四"]!)}"#)
        #expect(badCadre.errorFields == ["cadre_id"])
        let passed = try post(
            f, "/requests/\(id)/handoffs", #"{"department_id":\#(nong),"cadre_id":\#(f.cadres["王五"]!),"note":"属农办职责"}"#,
            token: f.tokens["张三"])
        #expect(passed.status == 200 && passed.json["state"] == "passed")
        // The cadre it was passed to finds it in its list; out of turn wins over a bad body.
        #expect(try f.get("/requests", token: f.tokens["王五"]).items.map { $0["id"]?.intValue } == [id])
        #expect(try post(f, "/requests/\(id)/resolve", "{}", token: f.tokens["王五"]).status == 409)
        #expect(try f.app.call("GET", lookup).json["department"] == "农办")
        #expect(try post(f, "/requests/\(id)/accept", token: f.tokens["李四"]).status == 403)
        #expect(
            try post(f, "/requests/\(id)/accept", token: f.tokens["王五"]).json["holder_cadre_id"]
                == .int(f.cadres["王五"]!))
        #expect(
            try post(f, "/requests/\(id)/resolve", #"{"outcome":""}"#, token: f.tokens["王五"]).errorFields == ["outcome"]
        )
        let resolved = try post(f, "/requests/\(id)/resolve", #"{"outcome":"已核实并整改"}"#, token: f.tokens["王五"])
        #expect(resolved.json["state"] == "resolved" && resolved.json["resolved_on"] == "2026-06-20")
        #expect(try post(f, "/requests/\(id)/handoffs", #"{"department_id":\#(nong)}"#).status == 409)
        #expect(try post(f, "/requests/\(id)/resolve", #"{"outcome":"再次"}"#).status == 409)
        let done = try f.app.call("GET", lookup).json
        #expect(done["state"] == "resolved" && done["resolved"] == "2026-06-20" && done["outcome"] == "已核实并整改")

        let steps = try f.get("/requests/\(id)").json["events"]?.arrayValue?.compactMap { $0.objectValue?["event"] }
        #expect(steps == ["filed", "handoff", "accept", "resolve"])
        // Never a name, the summary or the contact on the public route.
        for text in [seen.raw.text, try f.app.call("GET", lookup).raw.text] {
            #expect(
                !text.contains("王某") && !text.contains("13800000000") && !text.contains("张三") && !text.contains("王五"))
        }
    }

    @Test func listsOverdueAndTheYearsSummary() throws {
        let f = try ResponsibilityFixture()
        let late = try post(
            f, "/requests", #"{"summary":"旧事","first_cadre_id":\#(f.cadres["李四"]!),"due":"2026-06-01"}"#)
        #expect(late.status == 201 && late.json["overdue"] == true)
        let own = try post(f, "/requests", #"{"summary":"新事"}"#, token: f.tokens["张三"])
        let resolvedID = try #require(own.json["id"]?.intValue)
        _ = try post(f, "/requests/\(resolvedID)/resolve", #"{"outcome":"当场解决"}"#, token: f.tokens["张三"])
        #expect(try post(f, "/requests", #"{"summary":"x"}"#).errorFields == ["first_cadre_id"])
        #expect(
            try post(f, "/requests", #"{"summary":"x","first_cadre_id":\#(f.cadres["李四"]!)}"#, token: f.tokens["张三"])
                .status == 403)

        #expect(try f.get("/requests?overdue=true").items.map { $0["summary"] } == ["旧事"])
        #expect(try f.get("/requests?state=resolved").items.map { $0["summary"] } == ["新事"])
        #expect(try f.get("/requests?state=done").errorFields == ["state"])
        #expect(try f.get("/requests", token: f.tokens["张三"]).items.map { $0["summary"] } == ["新事"])
        #expect(try f.get("/requests/summary", token: f.tokens["张三"]).status == 403)

        let summary = try f.get("/requests/summary?year=2026").json
        let cadres = summary["cadres"]?.arrayValue?.compactMap(\.objectValue) ?? []
        let li = try #require(cadres.first { $0["name"] == "李四" })
        #expect(li["filed"] == 1 && li["overdue"] == 1 && li["resolved"] == 0)
        let zhang = try #require(cadres.first { $0["name"] == "张三" })
        #expect(zhang["filed"] == 1 && zhang["resolved"] == 1 && zhang["resolved_on_time"] == 1)
        let departments = summary["departments"]?.arrayValue?.compactMap(\.objectValue) ?? []
        #expect(departments.first { $0["name"] == "交通站" }?["filed"] == 2)
        #expect(
            try f.get("/requests/summary?year=2025").json["cadres"]?.arrayValue?.allSatisfy {
                $0.objectValue?["filed"] == 0
            } == true)
    }

    @Test func unknownCodesAreThrottledPerAddress() throws {
        let f = try ResponsibilityFixture()
        for index in 0..<20 {
            #expect(try f.app.call("GET", "/v1/public/requests/ZZZZ-ZZ\(index % 10)Z").status == 404)
        }
        let limited = try f.app.call("GET", "/v1/public/requests/ZZZZ-ZZZZ")
        #expect(limited.status == 429)
        #expect(limited.header("Retry-After") != nil)
    }
}
