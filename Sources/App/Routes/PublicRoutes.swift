import Domain
import HTTPCore
import Primitives
import Store

/// The public board (张榜, contract §7), without credentials. A published document never
/// changes, so it is read once and then served from memory — plain and gzipped — with an ETag.
struct PublicRoutes {
    let store: any DataStore
    private let cache = BoardCache()

    init(store: any DataStore) {
        self.store = store
    }

    func register(in router: inout Router) {
        router.add("GET", "/v1/public/townships/{code}/rounds", endpoint(list))
        // Inline: after the first read this is a memory lookup.
        router.add("GET", "/v1/public/townships/{code}/rounds/{id}", mayBlock: false, endpoint(board))
    }

    private func list(_ request: HTTPRequest) throws -> HTTPResponse {
        let township = try township(request)
        let items = try store.read { try $0.rounds.published(townshipID: township.id) }.map { round -> JSONValue in
            [
                "id": .int(round.id), "title": .string(round.title), "period": .string(round.period),
                "published_at": .string(round.publishedAt ?? ""),
            ]
        }
        return .json(["items": .array(items), "next": .null, "township": .object(township.json)])
    }

    private func board(_ request: HTTPRequest) throws -> HTTPResponse {
        // Only the canonical spelling of an id: `01` or `+1` would each have been a cache entry
        // of their own (about 100 KB) for the same round, without bound.
        let idText = request.pathParameters["id"] ?? ""
        guard let id = Int64(idText), id > 0, String(id) == idText else {
            throw APIError.notFound("No published round here.")
        }
        let key = "\(request.pathParameters["code"] ?? "")/\(id)"
        guard let entry = try cache.entry(key, load: { try load(request, id: id) }) else {
            throw APIError.notFound("No published round here.")
        }
        return entry.response(to: request)
    }

    private func load(_ request: HTTPRequest, id: Int64) throws -> EncodedDocument? {
        let township = try township(request)
        let body = try store.read { transaction -> [UInt8]? in
            guard try transaction.rounds.get(townshipID: township.id, id: id) != nil else { return nil }
            return try transaction.rounds.document(.public, roundID: id)
        }
        return body.map(EncodedDocument.init(plain:))
    }

    private func township(_ request: HTTPRequest) throws -> Township {
        let code = request.pathParameters["code"] ?? ""
        guard let township = try store.read({ try $0.access.township(code: code) }) else {
            throw APIError.notFound("No township '\(code)'.")
        }
        return township
    }
}

/// Published boards by `code/id`. Only published documents enter (a miss caches nothing), under
/// the township's exact code and the id's canonical spelling, so there is at most one entry
/// per published round; they never change.
final class BoardCache: Sendable {
    private let entries = Locked<[String: EncodedDocument]>([:])

    func entry(_ key: String, load: () throws -> EncodedDocument?) throws -> EncodedDocument? {
        if let hit = entries.withLock({ $0[key] }) { return hit }
        guard let loaded = try load() else { return nil }
        entries.withLock { $0[key] = loaded }
        return loaded
    }
}
