import Domain
import Foundation
import Primitives
import Testing

/// A township with stationed cadres, two supervising leaders with their own tokens, on a
/// chosen day (the clock is a `ManualClock` at noon in Beijing).
struct ResponsibilityFixture {
    let app: TestApp
    let clock: ManualClock
    let admin: String
    let base = "/v1/townships/niumasi"
    var departments: [String: Int64] = [:]
    var cadres: [String: Int64] = [:]
    /// Cadre tokens of 李四 and 王五 (leaders) and 张三 (stationed in 石桥村).
    var tokens: [String: String] = [:]

    init(today: String = "2026-06-20") throws {
        let day = try #require(CalendarDay(today))
        let clock = ManualClock(wallSeconds: Int64(day.daysSince1970) * 86_400 + 4 * 3600)
        self.clock = clock
        app = try TestApp { $0.clock = clock }
        admin = try app.makeTownship("niumasi")
        for item in try Self.created(
            app.call("POST", "\(base)/departments", token: admin, body: #"[{"name":"交通站"},{"name":"农办"}]"#))
        {
            departments[item["name"]!.stringValue!] = item["id"]!.intValue!
        }
        let cadreRows = """
            [{"name":"张三","department_id":\(departments["交通站"]!),"village":"石桥村"},
             {"name":"李四","department_id":\(departments["交通站"]!),"leader":true,"post":"副镇长"},
             {"name":"王五","department_id":\(departments["农办"]!),"leader":true},
             {"name":"赵六","department_id":\(departments["农办"]!),"village":"枫林村"}]
            """
        for item in try Self.created(app.call("POST", "\(base)/cadres", token: admin, body: cadreRows)) {
            cadres[item["name"]!.stringValue!] = item["id"]!.intValue!
        }
        for name in ["张三", "李四", "王五"] {
            let response = try app.call("POST", "\(base)/cadres/\(cadres[name]!)/token", token: admin)
            #expect(response.status == 201, "\(response.raw.text)")
            tokens[name] = response.json["token"]?.stringValue
        }
    }

    static func created(_ response: APIResponse) throws -> [JSONObject] {
        #expect(response.status == 201, "\(response.raw.text)")
        return response.items
    }

    /// Creates a project supervised by 李四 unless `extra` says otherwise; returns its id.
    func project(
        _ title: String, board: String = "service", start: String? = "2026-03-01", due: String? = "2026-08-31",
        _ extra: String = ""
    ) throws -> Int64 {
        var body = #"{"title":"\#(title)","board":"\#(board)","year":2026,"supervisor_id":\#(cadres["李四"]!)"#
        if let start { body += #","start":"\#(start)""# }
        if let due { body += #","due":"\#(due)""# }
        body += extra + "}"
        let response = try app.call("POST", "\(base)/projects", token: admin, body: body)
        #expect(response.status == 201, "\(response.raw.text)")
        return response.json["id"]?.intValue ?? 0
    }

    func check(
        _ project: Int64, _ month: String, progress: Int, _ assessment: String, note: String? = nil,
        token: String? = nil
    ) throws -> APIResponse {
        let noteJSON = note.map { #","note":"\#($0)""# } ?? ""
        return try app.call(
            "PUT", "\(base)/projects/\(project)/checks/\(month)", token: token ?? admin,
            body: #"{"progress":\#(progress),"assessment":"\#(assessment)"\#(noteJSON)}"#)
    }

    func get(_ path: String, token: String? = nil) throws -> APIResponse {
        try app.call("GET", base + path, token: token ?? admin)
    }

    func patch(_ path: String, _ body: String) throws -> APIResponse {
        try app.call("PATCH", base + path, token: admin, body: body)
    }
}
