import Domain
import Foundation
import Testing

/// The board, its CSV and the public board (contract §9), on 2026-06-20.
@Suite struct ResponsibilityBoardAPITests {
    /// One project per light, made in an order unlike the board's.
    static func township() throws -> (ResponsibilityFixture, [String: Int64]) {
        let f = try ResponsibilityFixture()
        var ids: [String: Int64] = [:]
        let village = #","village":"石桥村","cadre_id":\#(f.cadres["张三"]!),"department_id":\#(f.departments["交通站"]!)"#
        ids["green"] = try f.project(
            "修建村道", start: "2026-03-01", due: "2026-12-31", village + #","target":"3公里"}"#.dropLast())
        ids["done"] = try f.project("自来水入户", board: "relief", start: "2026-03-01", due: "2026-06-30")
        ids["red"] = try f.project("路灯安装", start: "2026-02-01", due: "2026-05-31", village)
        ids["blue"] = try f.project("危桥加固", start: "2026-04-01", due: "2026-07-10")
        ids["yellow"] = try f.project("茶叶合作社", board: "prosperity", start: "2026-03-01", due: "2026-11-30")
        ids["cancelled"] = try f.project("文化广场", start: "2026-03-01", due: "2026-12-31", village)
        ids["none"] = try f.project("待定项目", start: nil, due: nil)
        for month in ["2026-03", "2026-04", "2026-05"] {
            #expect(try f.check(ids["green"]!, month, progress: 30, "on_track", note: "路基完成").status == 201)
            #expect(
                try f.check(ids["yellow"]!, month, progress: 20, month == "2026-05" ? "blocked" : "on_track").status
                    == 201)
        }
        _ = try f.check(ids["done"]!, "2026-05", progress: 100, "done")
        _ = try f.check(ids["blue"]!, "2026-04", progress: 40, "on_track")
        _ = try f.check(ids["blue"]!, "2026-05", progress: 70, "on_track")
        _ = try f.check(ids["red"]!, "2026-05", progress: 90, "on_track")
        #expect(
            try f.patch("/projects/\(ids["cancelled"]!)", #"{"state":"cancelled","state_change_reason":"并入村道"}"#).status
                == 200)
        #expect(
            try f.patch("/projects/\(ids["green"]!)", #"{"due":"2027-01-31","due_change_reason":"冬季施工"}"#).status == 200
        )
        return (f, ids)
    }

    @Test func lightsOrderingAndQuotas() throws {
        let (f, ids) = try Self.township()
        let board = try f.get("/responsibility").json
        #expect(board["year"] == 2026)
        #expect(board["as_of"] == "2026-06-20")
        let service = board["boards"]?.objectValue?["service"]?.arrayValue?.compactMap(\.objectValue) ?? []
        #expect(
            service.map { $0["project_id"]?.intValue } == ["red", "blue", "green", "cancelled", "none"].map { ids[$0] })
        #expect(service.map { $0["light"] } == ["red", "blue", "green", "cancelled", JSONValue.null])
        let green = try #require(service.first { $0["project_id"]?.intValue == ids["green"] })
        #expect(green["title"] == "修建村道")
        #expect(green["target"] == "3公里")
        #expect(green["department"] == "交通站")
        #expect(green["cadre"] == "张三")
        #expect(green["supervisor"] == "李四")
        #expect(green["village"] == "石桥村")
        #expect(green["due"] == "2027-01-31")
        #expect(green["original_due"] == "2026-12-31")
        #expect(green["due_changes"] == 1)
        #expect(green["progress"] == 30)
        #expect(green["planned"] == 33)  // 111 of 336 days
        #expect(green["last_check"] == ["month": "2026-05", "assessment": "on_track", "note": "路基完成"])
        let none = try #require(service.last)
        #expect(none["progress"] == .null && none["planned"] == .null && none["last_check"] == .null)
        #expect(board["boards"]?.objectValue?["relief"]?.arrayValue?.first?.objectValue?["light"] == "done")
        #expect(board["boards"]?.objectValue?["prosperity"]?.arrayValue?.first?.objectValue?["light"] == "yellow")
        #expect(board["lights"] == ["red": 1, "yellow": 1, "blue": 1, "green": 1, "done": 1, "cancelled": 1])
        let quotas = try #require(board["quotas"]?.objectValue)
        #expect(quotas["township"] == ["service_projects": 4, "required": 5, "met": false])
        #expect(
            quotas["cadres"] == [
                [
                    "cadre_id": .int(f.cadres["张三"]!), "name": "张三", "village": "石桥村", "projects": 2, "required": 2,
                    "met": true,
                ],
                [
                    "cadre_id": .int(f.cadres["赵六"]!), "name": "赵六", "village": "枫林村", "projects": 0, "required": 2,
                    "met": false,
                ],
            ])
    }

    @Test func asOfAndYearChooseTheBoard() throws {
        let (f, ids) = try Self.township()
        // A board of April does not see May's check (done): March went unchecked.
        let april = try f.get("/responsibility?as_of=2026-04-15").json
        #expect(april["as_of"] == "2026-04-15")
        let relief = april["boards"]?.objectValue?["relief"]?.arrayValue?.first?.objectValue
        #expect(relief?["project_id"]?.intValue == ids["done"])
        #expect(relief?["light"] == "yellow")
        #expect(relief?["progress"] == .null)
        let may = try f.get("/responsibility?as_of=2026-05-15").json
        #expect(may["boards"]?.objectValue?["relief"]?.arrayValue?.first?.objectValue?["light"] == "done")
        #expect(
            try f.get("/responsibility?year=2025").json["lights"] == [
                "red": 0, "yellow": 0, "blue": 0, "green": 0, "done": 0, "cancelled": 0,
            ])
        for (query, field) in [
            ("as_of=2026-02-30", "as_of"), ("as_of=today", "as_of"), ("year=26", "year"), ("year=2026.0", "year"),
        ] {
            let response = try f.get("/responsibility?\(query)")
            #expect(response.status == 422, "\(query)")
            #expect(response.errorFields == [field], "\(query)")
        }
    }

    @Test func theCSVHasTheChineseHeaderAndTheBoardsRows() throws {
        let (f, _) = try Self.township()
        let response = try f.get("/responsibility.csv")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(Array(response.raw.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: response.raw.body.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[0] == "榜,实事,责任部门,责任人,分管领导,村,开始,期限,原期限,延期次数,进度,计划进度,状态,最近督查")
        #expect(lines.count == 9)  // header, 7 projects, the final CRLF
        #expect(lines[1].hasPrefix("为民办实事,路灯安装,交通站,张三,李四,石桥村,2026-02-01,2026-05-31,,0,90,100,超期,2026-05 正常推进"))
        #expect(
            lines.contains("为民办实事,修建村道,交通站,张三,李四,石桥村,2026-03-01,2027-01-31,2026-12-31,1,30,33,正常,2026-05 正常推进：路基完成"))
        #expect(lines.contains("为民办实事,待定项目,,,李四,,,,,0,,,,"))
        #expect(lines.contains { $0.hasPrefix("为民排忧解难,自来水入户,") && $0.contains(",已完成,") })
    }

    @Test func thePublicBoardIsTheSameDocumentAndFollowsEveryWrite() throws {
        let (f, ids) = try Self.township()
        let path = "/v1/public/townships/niumasi/responsibility"
        let first = try f.app.call("GET", path)
        #expect(first.status == 200)
        #expect(first.raw.body == (try f.get("/responsibility").raw.body))
        let etag = try #require(first.header("ETag"))
        #expect(try f.app.call("GET", path, headers: ["If-None-Match": etag]).status == 304)

        // A check, a rename and the settings each show at once.
        #expect(try f.check(ids["blue"]!, "2026-06", progress: 100, "done").status == 201)
        let afterCheck = try f.app.call("GET", path)
        #expect(afterCheck.header("ETag") != etag)
        #expect(afterCheck.json["lights"]?.objectValue?["done"] == 2)
        #expect(try f.patch("/cadres/\(f.cadres["李四"]!)", #"{"name":"李四明"}"#).status == 200)
        #expect(try f.app.call("GET", path).raw.text.contains("李四明"))
        let settings = try f.app.call(
            "PATCH", f.base, token: f.admin, body: #"{"settings":{"yearly_service_projects":4}}"#)
        #expect(settings.status == 200, "\(settings.raw.text)")
        #expect(settings.json["settings"] == ["yearly_service_projects": 4, "cadre_village_projects": 2])
        let quotas = try f.app.call("GET", path).json["quotas"]?.objectValue?["township"]
        #expect(quotas == ["service_projects": 4, "required": 4, "met": true])
        // A cadre who leaves drops out of the village quotas.
        #expect(try f.patch("/cadres/\(f.cadres["赵六"]!)", #"{"status":"left"}"#).status == 200)
        let cadres = try f.app.call("GET", path).json["quotas"]?.objectValue?["cadres"]?.arrayValue ?? []
        #expect(cadres.count == 1)
        #expect(try f.app.call("GET", "/v1/public/townships/nowhere/responsibility").status == 404)
    }

    @Test func settingsAreCheckedAndNamed() throws {
        let f = try ResponsibilityFixture()
        for (body, field) in [
            (#"{"settings":{"yearly_service_projects":-1}}"#, "settings.yearly_service_projects"),
            (#"{"settings":{"quota":3}}"#, "settings.quota"),
            (#"{"name":"新名"}"#, "name"),
            (#"{"settings":{"cadre_village_projects":"2"}}"#, "settings.cadre_village_projects"),
        ] {
            let response = try f.app.call("PATCH", f.base, token: f.admin, body: body)
            #expect(response.status == 422, "\(body)")
            #expect(response.errorFields.contains(field), "\(body): \(response.errorFields)")
        }
        #expect(
            try f.app.call("GET", f.base, token: f.admin).json["settings"] == [
                "yearly_service_projects": 5, "cadre_village_projects": 2,
            ])
    }
}

extension ResponsibilityBoardAPITests {
    /// Publication suspends the least-satisfied cadre, who then leaves the village quotas: the
    /// cached public board must not outlive that.
    @Test func aPublicationThatSuspendsAStationedCadreRefreshesTheBoard() throws {
        let f = try ResponsibilityFixture()
        let path = "/v1/public/townships/niumasi/responsibility"
        let names = { (board: APIResponse) in
            board.json["quotas"]?.objectValue?["cadres"]?.arrayValue?.compactMap { $0.objectValue?["name"] } ?? []
        }
        let evaluators = try f.app.call(
            "POST", "\(f.base)/evaluators", token: f.admin,
            body:
                #"[{"name":"刘代表","category":"deputy"},{"name":"陈代表","category":"deputy"},{"name":"周代表","category":"deputy"}]"#
        ).items.compactMap { $0["id"]?.intValue }
        let round =
            try f.app.call(
                "POST", "\(f.base)/rounds", token: f.admin,
                body: #"{"title":"上半年","kind":"semiannual","period":"2026-H1","evaluator_ids":\#(evaluators)}"#
            ).json["id"]?.intValue ?? 0
        let opened = try f.app.call("POST", "\(f.base)/rounds/\(round)/open", token: f.admin)
        let codes = opened.json["tokens"]?.arrayValue?.compactMap { $0.objectValue?["token"]?.stringValue } ?? []
        let ballot = #"{"supervision":[],"most_satisfied":null,"least_satisfied":{"cadre_id":\#(f.cadres["张三"]!)}}"#
        for code in codes { #expect(try f.app.call("POST", "/v1/ballot", token: code, body: ballot).status == 201) }
        #expect(try f.app.call("POST", "\(f.base)/rounds/\(round)/close", token: f.admin).status == 200)
        #expect(names(try f.app.call("GET", path)) == ["张三", "赵六"])  // now cached
        #expect(try f.app.call("POST", "\(f.base)/rounds/\(round)/publish", token: f.admin, body: "{}").status == 200)
        #expect(try f.get("/cadres/\(f.cadres["张三"]!)").json["status"] == "suspended")
        #expect(names(try f.app.call("GET", path)) == ["赵六"])
    }
}
