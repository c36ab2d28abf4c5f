import Domain
import HTTPCore
import Store

/// A cadre's own token (contract §2): made by its township's admin or root, shown once,
/// replaced by the next one, revoked by DELETE or when the cadre leaves.
struct CadreTokenRoutes {
    let store: any DataStore
    let scope: TownshipScope

    func register(in router: inout Router) {
        scope.add("POST", "/cadres/{id}/token", to: &router, create)
        scope.add("DELETE", "/cadres/{id}/token", to: &router, revoke)
    }

    private var notFound: APIError { APIError.notFound("No such cadre in this township.") }

    private func create(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        let id = try request.id("id", missing: notFound)
        let token = Tokens.generate(prefix: "dpc_")
        try store.write { transaction in
            guard let cadre = try transaction.registry.get(Registry.cadres, townshipID: township.id, id: id) else {
                throw notFound
            }
            guard cadre["status"] != .string(CadreStatus.left.rawValue) else {
                throw APIError.conflict("A cadre who has left gets no token.")
            }
            try transaction.access.setCadreToken(cadreID: id, tokenHash: Tokens.hash(token))
        }
        return .json(
            ["cadre_id": .int(id), "token": .string(token)], status: 201,
            location: "/v1/townships/\(township.code)/cadres/\(id)")
    }

    private func revoke(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        let id = try request.id("id", missing: notFound)
        let revoked = try store.write { transaction -> Bool in
            guard try transaction.registry.get(Registry.cadres, townshipID: township.id, id: id) != nil else {
                throw notFound
            }
            return try transaction.access.revokeCadreToken(cadreID: id)
        }
        guard revoked else { throw APIError.notFound("This cadre has no token.") }
        return .noContent()
    }
}
