import Domain
import HTTPCore

/// A request under `/v1/townships/{code}` whose caller may act in that township (root, that
/// township's admin, or on the routes that let them in, one of its cadres): the township, who is
/// calling, and the path's typed parameters.
struct TownshipRequest: Sendable {
    let http: HTTPRequest
    let township: Township
    let principal: Principal

    /// Root only (403 for the township's admin).
    func requireRoot() throws {
        guard case .root = principal else { throw APIError.forbidden("Only the root token may do this.") }
    }

    /// The calling cadre's id; nil for root and admins.
    var cadreID: Int64? {
        if case .cadre(let id, _) = principal { id } else { nil }
    }

    /// The integer path parameter `name` (`{id}`, `{seq}`…); `missing` when it is not one.
    func id(_ name: String, missing: @autoclosure () -> any Error) throws -> Int64 {
        guard let id = Int64(http.pathParameters[name] ?? "") else { throw missing() }
        return id
    }
}

/// Registers routes under `/v1/townships/{code}` that authenticate once, before the handler:
/// 401 without a valid credential, 403 for a ballot code (and for a cadre token unless the
/// route lets cadres in), 404 for a township the caller may not see. The handler gets a
/// `TownshipRequest`.
struct TownshipScope: Sendable {
    static let prefix = "/v1/townships/{code}"
    let auth: Authenticator

    /// Who besides root and the township's admins may call a route.
    enum Callers: Sendable {
        case managers
        /// The township's cadre tokens too (contract §2); the handler checks what a cadre may do.
        case managersAndCadres
    }

    func add(
        _ method: String, _ path: String, _ callers: Callers = .managers, to router: inout Router,
        _ handler: @escaping @Sendable (TownshipRequest) throws -> HTTPResponse
    ) {
        router.add(method, Self.prefix + path, endpoint(authenticated(callers, handler)))
    }

    /// Authenticates `http` for its township (for routes registered another way, such as
    /// deferred ones).
    func request(_ http: HTTPRequest, _ callers: Callers = .managers) throws -> TownshipRequest {
        let (township, principal) = try auth.township(http, cadres: callers == .managersAndCadres)
        return TownshipRequest(http: http, township: township, principal: principal)
    }

    private func authenticated(
        _ callers: Callers, _ handler: @escaping @Sendable (TownshipRequest) throws -> HTTPResponse
    ) -> @Sendable (HTTPRequest) throws -> HTTPResponse {
        { [self] http in try handler(try request(http, callers)) }
    }
}
