import Domain
import HTTPCore
import Store

/// `/v1/townships` and their admin tokens (contract §3, root's part).
struct TownshipRoutes {
    let store: any DataStore
    let auth: Authenticator
    /// Settings are such a change (the boards show the quotas).
    let changes: TownshipChanges

    func register(in router: inout Router) {
        router.add("POST", "/v1/townships", endpoint(create))
        router.add("GET", "/v1/townships", endpoint(list))
        let scope = TownshipScope(auth: auth)
        scope.add("GET", "", to: &router, get)
        scope.add("PATCH", "", to: &router, patch)
        scope.add("POST", "/tokens", to: &router, createToken)
        scope.add("GET", "/tokens", to: &router, listTokens)
        scope.add("GET", "/tokens/{id}", to: &router, getToken)
        scope.add("DELETE", "/tokens/{id}", to: &router, revokeToken)
    }

    private func create(_ request: HTTPRequest) throws -> HTTPResponse {
        try auth.requireRoot(request)
        var reader = JSONObjectReader(try RequestBody.object(request))
        let code = reader.string("code", minLength: 2, maxLength: 32)
        let name = reader.string("name", minLength: 1, maxLength: 100)
        if let code, !Self.isValidCode(code) { reader.fail("code", "must be 2–32 of a-z, 0-9 and '-'") }
        reader.finish(allowed: ["code", "name"])
        guard reader.isValid, let code, let name else { throw APIError.invalid(reader.errors) }
        let township = try store.write { try $0.access.createTownship(code: code, name: name) }
        return .json(.object(township.json), status: 201, location: "/v1/townships/\(code)")
    }

    private func list(_ request: HTTPRequest) throws -> HTTPResponse {
        let principal = try auth.principal(request)
        let page = try Pagination(PercentDecoding.queryParameters(request.head.query))
        let only: Int64?
        switch principal {
        case .root: only = nil
        case .admin(let townshipID): only = townshipID
        case .ballot: throw APIError.forbidden("A ballot code only opens the ballot form.")
        case .cadre: throw APIError.forbidden(Authenticator.cadreForbidden)
        }
        let (items, next) = try store.read { try $0.access.townships(after: page.after, limit: page.limit, only: only) }
        return Pagination.page(items.map(\.json), next: next)
    }

    private func get(_ request: TownshipRequest) throws -> HTTPResponse {
        return .json(.object(request.township.json))
    }

    /// The township's settings (contract §9): root or its admin; keys left out keep their value.
    private func patch(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        var reader = JSONObjectReader(try RequestBody.object(request.http))
        let object = reader.object("settings")
        reader.finish(allowed: ["settings"])
        var errors = reader.errors
        var settings = township.settings
        if let object {
            let read = TownshipSettings.read(object, base: township.settings)
            settings = read.settings
            errors += read.errors
        }
        guard errors.isEmpty else { throw APIError.invalid(errors) }
        try changes.write(township: township.code) { try $0.access.setSettings(settings, townshipID: township.id) }
        var updated = township
        updated.settings = settings
        return .json(.object(updated.json))
    }

    private func createToken(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township  // another township's admin: 404 first
        try request.requireRoot()
        var reader = JSONObjectReader(try RequestBody.object(request.http))
        let label = reader.string("label", minLength: 1, maxLength: 100)
        reader.finish(allowed: ["label"])
        guard reader.isValid, let label else { throw APIError.invalid(reader.errors) }
        let token = Tokens.generate(prefix: "dpa_")
        let id = try store.write {
            try $0.access.addCredential(
                kind: .admin, townshipID: township.id, label: label, tokenHash: Tokens.hash(token))
        }
        let body: JSONObject = ["id": .int(id), "label": .string(label), "token": .string(token)]
        return .json(.object(body), status: 201, location: "/v1/townships/\(township.code)/tokens/\(id)")
    }

    /// Root's view of the admin tokens, so a lost or leaked one can be found and revoked.
    private func listTokens(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        try request.requireRoot()
        let page = try Pagination(PercentDecoding.queryParameters(request.http.head.query))
        let (items, next) = try store.read {
            try $0.access.adminTokens(townshipID: township.id, after: page.after, limit: page.limit)
        }
        return Pagination.page(items.map(\.json), next: next)
    }

    /// What the `Location` of a created token names: its label and dates, never the token.
    private func getToken(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        try request.requireRoot()
        let id = try request.id("id", missing: APIError.notFound("No token with that id in this township."))
        guard let token = try store.read({ try $0.access.adminToken(id: id, townshipID: township.id) })
        else { throw APIError.notFound("No token with that id in this township.") }
        return .json(.object(token.json))
    }

    private func revokeToken(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        try request.requireRoot()
        let id = try request.id("id", missing: APIError.notFound("No live token with that id in this township."))
        guard try store.write({ try $0.access.revokeCredential(id: id, townshipID: township.id) })
        else { throw APIError.notFound("No live token with that id in this township.") }
        return .noContent()
    }

    static func isValidCode(_ code: String) -> Bool {
        (2...32).contains(code.utf8.count)
            && code.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }
    }
}
