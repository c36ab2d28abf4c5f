import Foundation
import Testing

/// Every route × every kind of credential (contract §2): who gets 401, 403 and 404, and that
/// nothing of another township leaks.
@Suite(.serialized) struct AuthorizationMatrixTests {
    /// `townshipAndCadres`: root, its admin and its cadres; `supervisor`: root, its admin and the
    /// project's supervising cadre (another cadre 403).
    /// `ownCadre`: root, its admin and the cadre named by the path (`K`, whose token is the
    /// supervisor's); another cadre 403.
    enum Scope { case rootOnly, rootTownship, township, townshipAndCadres, supervisor, ownCadre, ballot }

    /// Every authenticated route, with a body that passes authentication but changes nothing
    /// (invalid or conflicting), so the whole matrix runs against one unchanged fixture.
    static let routes: [(method: String, path: String, body: String?, scope: Scope)] = [
        ("POST", "/v1/townships", "{}", .rootOnly),
        ("GET", "/v1/townships/T", nil, .township),
        ("PATCH", "/v1/townships/T", "{}", .township),
        ("POST", "/v1/townships/T/tokens", "{}", .rootTownship),
        ("GET", "/v1/townships/T/tokens", nil, .rootTownship),
        ("GET", "/v1/townships/T/tokens/999999", nil, .rootTownship),
        ("DELETE", "/v1/townships/T/tokens/999999", nil, .rootTownship),
        ("POST", "/v1/townships/T/departments", "{}", .township),
        ("GET", "/v1/townships/T/departments", nil, .township),
        ("GET", "/v1/townships/T/departments/D", nil, .township),
        ("PATCH", "/v1/townships/T/departments/D", "{}", .township),
        ("POST", "/v1/townships/T/cadres", "{}", .township),
        ("GET", "/v1/townships/T/cadres", nil, .township),
        ("GET", "/v1/townships/T/cadres/C", nil, .township),
        ("PATCH", "/v1/townships/T/cadres/C", "{}", .township),
        ("POST", "/v1/townships/T/cadres/C/token", nil, .township),
        ("DELETE", "/v1/townships/T/cadres/C/token", nil, .township),
        ("POST", "/v1/townships/T/projects", "{}", .township),
        ("GET", "/v1/townships/T/projects", nil, .townshipAndCadres),
        ("GET", "/v1/townships/T/projects/P", nil, .townshipAndCadres),
        ("PATCH", "/v1/townships/T/projects/P", "{}", .township),
        ("PUT", "/v1/townships/T/projects/P/checks/2026-05", "{}", .supervisor),
        ("GET", "/v1/townships/T/projects/P/checks", nil, .townshipAndCadres),
        ("GET", "/v1/townships/T/projects/P/checks/2026-05", nil, .townshipAndCadres),
        ("GET", "/v1/townships/T/projects/P/timeline", nil, .townshipAndCadres),
        ("GET", "/v1/townships/T/responsibility", nil, .townshipAndCadres),
        ("GET", "/v1/townships/T/responsibility.csv", nil, .townshipAndCadres),
        ("GET", "/v1/townships/T/responsibility.xlsx", nil, .townshipAndCadres),
        ("POST", "/v1/townships/T/evaluators", "{}", .township),
        ("GET", "/v1/townships/T/evaluators", nil, .township),
        ("POST", "/v1/townships/T/rounds", "{}", .township),
        ("GET", "/v1/townships/T/rounds", nil, .township),
        ("GET", "/v1/townships/T/rounds/R", nil, .township),
        ("PATCH", "/v1/townships/T/rounds/R", "{}", .township),
        ("POST", "/v1/townships/T/rounds/R/open", nil, .township),
        ("POST", "/v1/townships/T/rounds/R/tokens/E/reissue", nil, .township),
        ("GET", "/v1/townships/T/rounds/R/turnout", nil, .township),
        ("GET", "/v1/townships/T/rounds/R/results", nil, .township),
        ("GET", "/v1/townships/T/rounds/R/results.csv", nil, .township),
        ("GET", "/v1/townships/T/rounds/R/results.xlsx", nil, .township),
        ("GET", "/v1/townships/T/rounds/R/recount", nil, .township),
        ("POST", "/v1/townships/T/rounds/R/publish", "{}", .township),
        ("POST", "/v1/townships/T/rounds/R/paper-ballots", "{}", .township),
        ("GET", "/v1/townships/T/cadres/C/archive", nil, .township),
        ("POST", "/v1/townships/T/cadres/C/archive", "{}", .township),
        ("GET", "/v1/townships/T/cadres/C/archive/verify", nil, .township),
        ("POST", "/v1/townships/T/quarterly-reviews", "{}", .township),
        ("GET", "/v1/townships/T/quarterly-reviews", nil, .township),
        ("GET", "/v1/townships/T/quarterly-reviews/999999", nil, .township),
        ("POST", "/v1/townships/T/quarterly-reviews/999999/finalize", "{}", .township),
        ("GET", "/v1/townships/T/quarterly-reviews/999999/ranking.csv", nil, .township),
        ("GET", "/v1/townships/T/quarterly-reviews/999999/ranking.xlsx", nil, .township),
        ("POST", "/v1/townships/T/assessments", "{}", .township),
        ("GET", "/v1/townships/T/assessments", nil, .township),
        ("GET", "/v1/townships/T/assessments/999999", nil, .township),
        ("PUT", "/v1/townships/T/assessments/999999/grades/C", "{}", .township),
        ("POST", "/v1/townships/T/assessments/999999/notice", "{}", .township),
        ("GET", "/v1/townships/T/assessments/999999/objections", nil, .township),
        ("PUT", "/v1/townships/T/assessments/999999/objections/1", "{}", .township),
        ("POST", "/v1/townships/T/assessments/999999/finalize", "{}", .township),
        ("GET", "/v1/townships/T/assessments/999999/grades.csv", nil, .township),
        ("GET", "/v1/townships/T/assessments/999999/grades.xlsx", nil, .township),
        ("PUT", "/v1/townships/T/cadres/K/whereabouts", "{}", .ownCadre),
        ("POST", "/v1/townships/T/cadres/K/diary", "{}", .ownCadre),
        ("GET", "/v1/townships/T/cadres/K/diary", nil, .ownCadre),
        ("POST", "/v1/townships/T/requests", "{}", .townshipAndCadres),
        ("GET", "/v1/townships/T/requests", nil, .townshipAndCadres),
        ("GET", "/v1/townships/T/requests/summary", nil, .township),
        ("GET", "/v1/townships/T/requests/Q", nil, .supervisor),
        ("POST", "/v1/townships/T/requests/Q/handoffs", "{}", .supervisor),
        ("POST", "/v1/townships/T/requests/Q/accept", nil, .supervisor),
        ("POST", "/v1/townships/T/requests/Q/resolve", "{}", .supervisor),
        ("GET", "/v1/ballot", nil, .ballot),
        ("POST", "/v1/ballot", "{}", .ballot),
    ]

    @Test func everyRouteAgainstEveryCredential() throws {
        let app = try TestApp { $0.ballotFailureLimit = 10_000 }
        let own = try EvaluationFixture(app: app)
        let round = try own.createRound()
        let code = try own.open(round)[own.evaluators[0]]!
        let otherAdmin = try app.makeTownship("other", name: "另一镇")
        let revoked = try app.call(
            "POST", "/v1/townships/niumasi/tokens", token: app.rootToken, body: #"{"label":"old"}"#)
        let revokedToken = revoked.json["token"]?.stringValue ?? ""
        _ = try app.call(
            "DELETE", "/v1/townships/niumasi/tokens/\(revoked.json["id"]?.intValue ?? 0)", token: app.rootToken)
        // Cadre tokens: the project's supervisor, another cadre, one who left, one of another township.
        let supervisor = own.cadres[1]
        #expect(try own.patch("/cadres/\(supervisor)", #"{"leader":true}"#).status == 200)
        let project =
            try own.post(
                "/projects",
                #"{"title":"修建村道","board":"service","year":2026,"supervisor_id":\#(supervisor),"start":"2026-01-01","due":"2026-12-31"}"#
            ).json["id"]?.intValue ?? 0
        let check = try app.call(
            "PUT", "\(own.base)/projects/\(project)/checks/2026-05", token: own.admin,
            body: #"{"progress":10,"assessment":"on_track"}"#)
        #expect(check.status == 201)
        // A matter filed with the supervisor as its first cadre: it holds it, another cadre may not see it.
        let matter =
            try own.post("/requests", #"{"summary":"路灯不亮","first_cadre_id":\#(supervisor)}"#).json["id"]?.intValue ?? 0
        let supervisorToken = try own.cadreToken(supervisor)
        let cadreToken = try own.cadreToken(own.cadres[2])
        let leftToken = try own.cadreToken(own.cadres[3])
        #expect(try own.patch("/cadres/\(own.cadres[3])", #"{"status":"left"}"#).status == 200)
        let otherDepartment = try app.call(
            "POST", "/v1/townships/other/departments", token: otherAdmin, body: #"{"name":"外镇办"}"#)
        let otherCadre = try app.call(
            "POST", "/v1/townships/other/cadres", token: otherAdmin,
            body: #"{"name":"外镇干部","department_id":\#(otherDepartment.json["id"]?.intValue ?? 0)}"#)
        let foreignCadre =
            try app.call(
                "POST", "/v1/townships/other/cadres/\(otherCadre.json["id"]?.intValue ?? 0)/token", token: otherAdmin
            ).json["token"]?.stringValue ?? ""

        for route in Self.routes {
            let path = route.path.replacingOccurrences(of: "/T", with: "/niumasi")
                .replacingOccurrences(of: "/D", with: "/\(own.departments[0])")
                .replacingOccurrences(of: "/C", with: "/\(own.cadres[0])")
                .replacingOccurrences(of: "/R", with: "/\(round)")
                .replacingOccurrences(of: "/P", with: "/\(project)")
                .replacingOccurrences(of: "/K", with: "/\(supervisor)")
                .replacingOccurrences(of: "/Q", with: "/\(matter)")
                .replacingOccurrences(of: "/E/", with: "/\(own.evaluators[1])/")
            func status(_ token: String?) throws -> Int {
                try app.call(route.method, path, token: token, body: route.body).status
            }
            let name = "\(route.method) \(route.path)"
            #expect(try status(nil) == 401, "\(name) without a token")
            #expect(try status("dpa_0123456789") == 401, "\(name) with an unknown token")
            #expect(try status(revokedToken) == 401, "\(name) with a revoked token")
            #expect(try status(leftToken) == 401, "\(name) with the token of a cadre who left")
            func expectTownshipManagers() throws {
                #expect(![401, 403].contains(try status(app.rootToken)), "\(name) as root")
                #expect(![401, 403].contains(try status(own.admin)), "\(name) as its own admin")
                let foreign = try app.call(route.method, path, token: otherAdmin, body: route.body)
                #expect(foreign.status == 404, "\(name) as another township's admin")
                #expect(!foreign.raw.text.contains("干部") && !foreign.raw.text.contains("民政办"), "\(name) leaks nothing")
                #expect(try status(code) == 403, "\(name) with a ballot code")
            }
            switch route.scope {
            case .rootOnly:
                #expect(![401, 403, 404].contains(try status(app.rootToken)), "\(name) as root")
                #expect(try status(own.admin) == 403, "\(name) as a township admin")
                #expect(try status(code) == 403, "\(name) with a ballot code")
                #expect(try status(supervisorToken) == 403, "\(name) as a cadre")
            case .rootTownship:
                #expect(![401, 403].contains(try status(app.rootToken)), "\(name) as root")
                #expect(try status(own.admin) == 403, "\(name) as its own admin")
                #expect(try status(otherAdmin) == 404, "\(name) as another township's admin")
                #expect(try status(code) == 403, "\(name) with a ballot code")
                #expect(try status(supervisorToken) == 403, "\(name) as a cadre")
            case .township:
                try expectTownshipManagers()
                #expect(try status(supervisorToken) == 403, "\(name) as a cadre")
                #expect(try status(foreignCadre) == 403, "\(name) as another township's cadre")
            case .townshipAndCadres:
                try expectTownshipManagers()
                #expect(![401, 403, 404].contains(try status(supervisorToken)), "\(name) as a cadre")
                #expect(![401, 403, 404].contains(try status(cadreToken)), "\(name) as another cadre")
                let foreign = try app.call(route.method, path, token: foreignCadre, body: route.body)
                #expect(foreign.status == 404, "\(name) as another township's cadre")
                #expect(!foreign.raw.text.contains("修建村道"), "\(name) leaks nothing")
            case .supervisor, .ownCadre:
                try expectTownshipManagers()
                #expect(![401, 403, 404].contains(try status(supervisorToken)), "\(name) as its supervisor")
                #expect(try status(cadreToken) == 403, "\(name) as another cadre")
                #expect(try status(foreignCadre) == 404, "\(name) as another township's cadre")
            case .ballot:
                #expect(![401, 403].contains(try status(code)), "\(name) with its ballot code")
                #expect(try status(own.admin) == 403, "\(name) as an admin")
                #expect(try status(app.rootToken) == 403, "\(name) as root")
                #expect(try status(supervisorToken) == 403, "\(name) as a cadre")
                #expect(try status("AAAA-BBBB-CCCC-DDDD") == 401, "\(name) with an unknown code")
            }
        }
    }

    @Test func codesOfAClosedOrAnotherRoundCannotVoteHere() throws {
        let f = try EvaluationFixture()
        let first = try f.createRound()
        let firstCodes = try f.open(first)
        let second = try f.createRound()
        let secondCodes = try f.open(second)
        _ = try f.post("/rounds/\(first)/close")
        let closed = try f.vote(firstCodes[f.evaluators[0]]!, f.ballot())
        #expect(closed.status == 409)
        // A code belongs to one round: the form it opens is its own round's.
        let form = try f.app.call("GET", "/v1/ballot", token: secondCodes[f.evaluators[0]]!)
        #expect(form.json["round"]?.objectValue?["id"] == .int(second))
        #expect(try f.vote(secondCodes[f.evaluators[0]]!, f.ballot()).status == 201)
        #expect(try f.get("/rounds/\(first)/turnout").json["voted"] == .int(0))
    }
}
