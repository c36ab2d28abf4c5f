import Domain
import Foundation
import Testing

/// A township with a registry and a round, built through the API.
struct EvaluationFixture: Sendable {
    let app: TestApp
    let admin: String
    let base = "/v1/townships/niumasi"
    var cadres: [Int64] = []
    var departments: [Int64] = []
    var projects: [Int64] = []
    var evaluators: [Int64] = []

    /// `panel` evaluators per category, in the order deputy, village_cadre, retired_cadre, contact_household.
    init(app: TestApp = try! TestApp(), cadres cadreCount: Int = 4, panel: [Int] = [3, 3, 0, 0]) throws {
        self.app = app
        admin = try app.makeTownship("niumasi")
        departments = try Self.ids(
            app.call(
                "POST", "\(base)/departments", token: admin,
                body: #"[{"name":"民政办"},{"name":"财政所"},{"name":"林业站"}]"#))
        let cadreRows = (0..<cadreCount).map { #"{"name":"干部\#($0)","department_id":\#(departments[$0 % 3])}"# }
        cadres = try Self.ids(
            app.call("POST", "\(base)/cadres", token: admin, body: "[\(cadreRows.joined(separator: ","))]"))
        projects = try Self.ids(
            app.call(
                "POST", "\(base)/projects", token: admin,
                body:
                    #"[{"title":"修建村道","board":"service","year":2026},{"title":"安装路灯","board":"relief","year":2026},{"title":"旧项目","board":"prosperity","year":2025}]"#
            ))
        var rows: [String] = []
        for (category, count) in zip(EvaluatorCategory.allCases, panel) {
            rows += (0..<count).map { #"{"name":"\#(category.rawValue)\#($0)","category":"\#(category.rawValue)"}"# }
        }
        evaluators = try Self.ids(
            app.call("POST", "\(base)/evaluators", token: admin, body: "[\(rows.joined(separator: ","))]"))
    }

    static func ids(_ response: APIResponse) throws -> [Int64] {
        #expect(response.status == 201, "\(response.raw.text)")
        return response.items.compactMap { $0["id"]?.intValue }
    }

    /// Creates a round (extra JSON members merged in) and returns its id.
    func createRound(_ extra: String = "") throws -> Int64 {
        let ids = evaluators.map(String.init).joined(separator: ",")
        let body =
            #"{"title":"2026年下半年三督六评","kind":"semiannual","period":"2026-H2","evaluator_ids":[\#(ids)]\#(extra)}"#
        let response = try app.call("POST", "\(base)/rounds", token: admin, body: body)
        #expect(response.status == 201, "\(response.raw.text)")
        return response.json["id"]?.intValue ?? 0
    }

    /// Opens the round and returns evaluator id → code.
    func open(_ round: Int64) throws -> [Int64: String] {
        let response = try app.call("POST", "\(base)/rounds/\(round)/open", token: admin)
        #expect(response.status == 200, "\(response.raw.text)")
        var codes: [Int64: String] = [:]
        for case .object(let token) in response.json["tokens"]?.arrayValue ?? [] {
            codes[token["evaluator_id"]?.intValue ?? 0] = token["token"]?.stringValue
        }
        return codes
    }

    func vote(_ code: String, _ body: String) throws -> APIResponse {
        try app.call("POST", "/v1/ballot", token: code, body: body)
    }

    /// A ballot scoring every cadre with `score` and picking the first/last cadre.
    func ballot(score: Int = 80, most: Int64? = nil, least: Int64? = nil, comment: String? = nil) -> String {
        let entries = cadres.map {
            #"{"cadre_id":\#($0),"village_time":\#(score),"attitude":\#(score),"completion":\#(score)}"#
        }
        let mostJSON = most.map { #"{"cadre_id":\#($0)}"# } ?? "null"
        let leastJSON = least.map { #"{"cadre_id":\#($0)}"# } ?? "null"
        let commentJSON = comment.map { "\"\($0)\"" } ?? "null"
        return
            #"{"supervision":[\#(entries.joined(separator: ","))],"most_satisfied":\#(mostJSON),"least_satisfied":\#(leastJSON),"comment":\#(commentJSON)}"#
    }

    func post(_ path: String, _ body: String? = nil) throws -> APIResponse {
        try app.call("POST", "\(base)\(path)", token: admin, body: body)
    }

    func get(_ path: String) throws -> APIResponse {
        try app.call("GET", "\(base)\(path)", token: admin)
    }

    func patch(_ path: String, _ body: String) throws -> APIResponse {
        try app.call("PATCH", "\(base)\(path)", token: admin, body: body)
    }

    /// Makes the cadre's token (contract §2) and returns it.
    func cadreToken(_ cadre: Int64) throws -> String {
        let response = try post("/cadres/\(cadre)/token")
        #expect(response.status == 201, "\(response.raw.text)")
        return response.json["token"]?.stringValue ?? ""
    }
}
