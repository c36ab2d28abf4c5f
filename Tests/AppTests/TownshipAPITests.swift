import Domain
import Testing

/// `/v1/townships` and admin tokens: root's part of contract §2–§3.
@Suite struct TownshipAPITests {
    @Test func rootCreatesATownshipWithLocationAndBody() throws {
        let app = try TestApp()
        let response = try app.call(
            "POST", "/v1/townships", token: app.rootToken, body: #"{"code":"niumasi","name":"牛马司镇"}"#)
        #expect(response.status == 201)
        #expect(response.header("Location") == "/v1/townships/niumasi")
        #expect(response.json["code"] == "niumasi")
        #expect(response.json["name"] == "牛马司镇")
        let fetched = try app.call("GET", "/v1/townships/niumasi", token: app.rootToken)
        #expect(fetched.json["name"] == "牛马司镇")
    }

    @Test func duplicateCodeIsAConflict() throws {
        let app = try TestApp()
        _ = try app.makeTownship("niumasi")
        let again = try app.call("POST", "/v1/townships", token: app.rootToken, body: #"{"code":"niumasi","name":"x"}"#)
        #expect(again.status == 409)
        #expect(again.header("Content-Type") == "application/problem+json")
    }

    @Test(arguments: [
        (#"{"code":"A","name":"x"}"#, "code"),
        (#"{"code":"Niumasi","name":"x"}"#, "code"),
        (#"{"code":"nm_1","name":"x"}"#, "code"),
        (#"{"code":"nm","name":""}"#, "name"),
        (#"{"code":"nm"}"#, "name"),
        (#"{"code":"nm","name":"x","extra":1}"#, "extra"),
        (#"{"code":5,"name":"x"}"#, "code"),
    ])
    func invalidTownshipsAre422NamingTheField(body: String, field: String) throws {
        let app = try TestApp()
        let response = try app.call("POST", "/v1/townships", token: app.rootToken, body: body)
        #expect(response.status == 422)
        #expect(response.errorFields.contains(field))
        #expect(try app.call("GET", "/v1/townships", token: app.rootToken).items.isEmpty)
    }

    @Test func malformedJSONIs400AndWrongTypeIs415() throws {
        let app = try TestApp()
        #expect(try app.call("POST", "/v1/townships", token: app.rootToken, body: #"{"code":"nm","#).status == 400)
        #expect(
            try app.call(
                "POST", "/v1/townships", token: app.rootToken, body: "code=nm",
                contentType: "application/x-www-form-urlencoded"
            ).status == 415)
        let invalidUTF8 = String(decoding: [0x7b, 0x22, 0xff, 0x22, 0x7d], as: UTF8.self)
        #expect(try app.call("POST", "/v1/townships", token: app.rootToken, body: invalidUTF8).status == 400)
    }

    @Test func adminSeesOnlyItsOwnTownship() throws {
        let app = try TestApp()
        let admin = try app.makeTownship("niumasi")
        _ = try app.makeTownship("other", name: "另一镇")
        let list = try app.call("GET", "/v1/townships", token: admin)
        #expect(list.items.map { $0["code"] } == ["niumasi"])
        #expect(try app.call("GET", "/v1/townships", token: app.rootToken).items.count == 2)
        #expect(try app.call("GET", "/v1/townships/other", token: admin).status == 404)
        #expect(try app.call("GET", "/v1/townships/niumasi", token: admin).status == 200)
    }

    @Test func onlyRootManagesTownshipsAndTokens() throws {
        let app = try TestApp()
        let admin = try app.makeTownship("niumasi")
        #expect(try app.call("POST", "/v1/townships", token: admin, body: #"{"code":"x1","name":"x"}"#).status == 403)
        #expect(
            try app.call("POST", "/v1/townships/niumasi/tokens", token: admin, body: #"{"label":"x"}"#).status == 403)
    }

    @Test func revokedTokenStopsWorkingAtOnce() throws {
        let app = try TestApp()
        _ = try app.makeTownship("niumasi")
        let created = try app.call(
            "POST", "/v1/townships/niumasi/tokens", token: app.rootToken, body: #"{"label":"临时"}"#)
        #expect(created.status == 201)
        let token = created.json["token"]?.stringValue ?? ""
        let id = created.json["id"]?.intValue ?? 0
        #expect(try app.call("GET", "/v1/townships/niumasi/departments", token: token).status == 200)
        #expect(try app.call("DELETE", "/v1/townships/niumasi/tokens/\(id)", token: app.rootToken).status == 204)
        #expect(try app.call("GET", "/v1/townships/niumasi/departments", token: token).status == 401)
        #expect(try app.call("DELETE", "/v1/townships/niumasi/tokens/\(id)", token: app.rootToken).status == 404)
    }

    /// A created token's `Location` can be read (label and dates, never the token), and root can
    /// list a township's tokens to find one to revoke.
    @Test func rootSeesTokensButNeverTheirSecrets() throws {
        let app = try TestApp()
        let admin = try app.makeTownship("niumasi")
        let created = try app.call(
            "POST", "/v1/townships/niumasi/tokens", token: app.rootToken, body: #"{"label":"临时"}"#)
        let location = try #require(created.header("Location"))
        let token = created.json["token"]?.stringValue ?? ""
        let record = try app.call("GET", location, token: app.rootToken)
        #expect(record.status == 200)
        #expect(record.json["label"] == "临时")
        #expect(record.json["revoked_at"] == .null)
        #expect(record.json["token"] == nil)
        #expect(!record.raw.text.contains(token) && !record.raw.text.contains(admin))
        let list = try app.call("GET", "/v1/townships/niumasi/tokens", token: app.rootToken)
        #expect(list.items.map { $0["label"] } == ["镇组织办", "临时"])
        #expect(!list.raw.text.contains(token) && !list.raw.text.contains(admin))
        #expect(try app.call("DELETE", location, token: app.rootToken).status == 204)
        #expect(try app.call("GET", location, token: app.rootToken).json["revoked_at"]?.stringValue != nil)
        #expect(try app.call("GET", location, token: admin).status == 403)
        #expect(try app.call("GET", "/v1/townships/niumasi/tokens/999", token: app.rootToken).status == 404)
    }

    @Test func missingOrUnknownCredentialsAre401() throws {
        let app = try TestApp()
        let none = try app.call("GET", "/v1/townships")
        #expect(none.status == 401)
        #expect(none.header("WWW-Authenticate") == "Bearer")
        #expect(try app.call("GET", "/v1/townships", token: "dpa_unknown").status == 401)
        #expect(try app.call("GET", "/v1/townships", headers: ["Authorization": "Basic abc"]).status == 401)
    }

    @Test func ballotCodesCannotUseAdminRoutes() throws {
        let app = try TestApp()
        _ = try app.makeTownship("niumasi")
        let code = "ABCD-EFGH-JKMN-PQRS"
        #expect(try app.call("GET", "/v1/townships", token: code).status == 403)
        #expect(try app.call("GET", "/v1/townships/niumasi/cadres", token: code).status == 403)
    }

    @Test func rootTokenFileIsOwnerOnly() throws {
        let app = try TestApp()
        let attributes = try FileManagerAttributes.permissions(app.directory + "/root.token")
        #expect(attributes == 0o600)
        #expect(app.rootToken.hasPrefix("dpr_"))
    }
}
