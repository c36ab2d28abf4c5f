import Domain
import HTTPCore
import Store

/// Who is calling (contract §2).
enum Principal: Sendable {
    case root
    case admin(townshipID: Int64)
    /// A cadre's own token (contract §2): acts for that cadre in its township.
    case cadre(cadreID: Int64, townshipID: Int64)
    /// A ballot code (测评码); `tokenHash` identifies it in the round's token table.
    case ballot(tokenHash: [UInt8])
}

/// Finds the principal behind `Authorization: Bearer …` and checks what it may reach.
struct Authenticator: Sendable {
    let store: any DataStore

    /// 401 without a bearer token or with one that is unknown or revoked.
    func principal(_ request: HTTPRequest) throws -> Principal {
        guard let token = Self.bearerToken(request) else {
            throw APIError.unauthorized("An 'Authorization: Bearer <token>' header is required.")
        }
        if let code = BallotCode.normalize(token) {
            return .ballot(tokenHash: Tokens.hash(code))
        }
        guard let credential = try store.read({ try $0.access.credential(tokenHash: Tokens.hash(token)) }) else {
            throw APIError.unauthorized("The token is unknown or has been revoked.")
        }
        switch credential.kind {
        case .root: return .root
        case .admin: return .admin(townshipID: credential.townshipID ?? -1)
        case .cadre: return .cadre(cadreID: credential.id, townshipID: credential.townshipID ?? -1)
        }
    }

    /// Root only (403 for other credentials).
    func requireRoot(_ request: HTTPRequest) throws {
        guard case .root = try principal(request) else {
            throw APIError.forbidden("Only the root token may do this.")
        }
    }

    /// The township `code` if the caller may act in it: root any, an admin its own (404 for any
    /// other, which it may not even know exists), a cadre its own when `cadres` lets cadre
    /// tokens in (403 otherwise), a ballot code none (403).
    func township(_ request: HTTPRequest, cadres: Bool = false) throws -> (Township, Principal) {
        let principal = try principal(request)
        let code = request.pathParameters["code"] ?? ""
        switch principal {
        case .ballot:
            throw APIError.forbidden("A ballot code only opens the ballot form.")
        case .cadre(_, let townshipID):
            guard cadres else { throw APIError.forbidden(Self.cadreForbidden) }
            guard let township = try store.read({ try $0.access.township(code: code) }), township.id == townshipID
            else {
                throw APIError.notFound("No township '\(code)'.")
            }
            return (township, principal)
        case .root:
            guard let township = try store.read({ try $0.access.township(code: code) }) else {
                throw APIError.notFound("No township '\(code)'.")
            }
            return (township, principal)
        case .admin(let townshipID):
            guard let township = try store.read({ try $0.access.township(code: code) }), township.id == townshipID
            else {
                throw APIError.notFound("No township '\(code)'.")
            }
            return (township, principal)
        }
    }

    static let cadreForbidden =
        "A cadre token only records its own work and reads its township's projects and responsibility board."

    static func bearerToken(_ request: HTTPRequest) -> String? {
        guard let value = request.headers["Authorization"] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingWhitespace
        return token.isEmpty ? nil : token
    }
}
