import Domain
import Foundation
import Testing

/// A cadre's own token (contract §2): shown once, replaced by the next, revoked by DELETE and
/// at once when the cadre leaves.
@Suite struct CadreTokenTests {
    @Test func aNewTokenReplacesTheOldAndDeleteRevokesIt() throws {
        let f = try ResponsibilityFixture()
        let cadre = f.cadres["张三"]!
        let old = try #require(f.tokens["张三"])
        #expect(old.hasPrefix("dpc_"))
        #expect(try f.get("/responsibility", token: old).status == 200)
        let made = try f.app.call("POST", "\(f.base)/cadres/\(cadre)/token", token: f.admin)
        #expect(made.status == 201)
        #expect(made.json["cadre_id"] == .int(cadre))
        let new = try #require(made.json["token"]?.stringValue)
        #expect(new != old)
        #expect(try f.get("/responsibility", token: old).status == 401)
        #expect(try f.get("/responsibility", token: new).status == 200)
        // The token is never shown again.
        #expect(!(try f.get("/cadres/\(cadre)").raw.text.contains(new)))
        #expect(try f.app.call("DELETE", "\(f.base)/cadres/\(cadre)/token", token: f.admin).status == 204)
        #expect(try f.get("/responsibility", token: new).status == 401)
        #expect(try f.app.call("DELETE", "\(f.base)/cadres/\(cadre)/token", token: f.admin).status == 404)
        #expect(try f.app.call("POST", "\(f.base)/cadres/99999/token", token: f.admin).status == 404)
    }

    @Test func aCadreWhoLeavesLosesItsTokenAtOnceAndForGood() throws {
        let f = try ResponsibilityFixture()
        let cadre = f.cadres["李四"]!
        let token = try #require(f.tokens["李四"])
        #expect(try f.patch("/cadres/\(cadre)", #"{"status":"left"}"#).status == 200)
        #expect(try f.get("/projects", token: token).status == 401)
        #expect(try f.patch("/cadres/\(cadre)", #"{"status":"active"}"#).status == 200)
        #expect(try f.get("/projects", token: token).status == 401)
        #expect(try f.patch("/cadres/\(cadre)", #"{"status":"left"}"#).status == 200)
        let refused = try f.app.call("POST", "\(f.base)/cadres/\(cadre)/token", token: f.admin)
        #expect(refused.status == 409)
    }

    @Test func aCadreTokenOnlyReachesWhatContractTwoGivesIt() throws {
        let f = try ResponsibilityFixture()
        let token = try #require(f.tokens["张三"])
        for (method, path) in [
            ("GET", "/v1/townships"), ("GET", f.base), ("GET", "\(f.base)/cadres"), ("GET", "\(f.base)/rounds"),
            ("POST", "\(f.base)/projects"), ("GET", "/v1/ballot"),
        ] {
            let response = try f.app.call(method, path, token: token, body: method == "POST" ? "{}" : nil)
            #expect(response.status == 403, "\(method) \(path)")
            #expect(response.header("Content-Type") == "application/problem+json")
        }
    }
}
