import Domain
import HTTPCore
import Store

/// A cadre's archive (contract §7): read, verify, and add manual records. Records never change.
struct ArchiveRoutes {
    let store: any DataStore
    let auth: Authenticator

    func register(in router: inout Router) {
        let base = "/v1/townships/{code}/cadres/{id}/archive"
        router.add("GET", base, endpoint(list))
        router.add("POST", base, endpoint(append))
        router.add("GET", base + "/verify", endpoint(verify))
        router.add("GET", base + "/{seq}", endpoint(record))
    }

    private func list(_ request: HTTPRequest) throws -> HTTPResponse {
        let cadreID = try cadre(request)
        return .json(["items": .array(try store.read { try $0.archive.records(cadreID: cadreID) }.map(\.jsonValue))])
    }

    private func record(_ request: HTTPRequest) throws -> HTTPResponse {
        let cadreID = try cadre(request)
        guard let seq = Int64(request.pathParameters["seq"] ?? ""),
            let record = try store.read({ try $0.archive.record(cadreID: cadreID, seq: seq) })
        else { throw APIError.notFound("No such archive record.") }
        return .json(record.jsonValue)
    }

    private func verify(_ request: HTTPRequest) throws -> HTTPResponse {
        let cadreID = try cadre(request)
        return .json(
            ArchiveChain.verify(try store.read { try $0.archive.records(cadreID: cadreID) }, cadreID: cadreID).jsonValue
        )
    }

    private func append(_ request: HTTPRequest) throws -> HTTPResponse {
        let (township, _) = try auth.township(request)
        let cadreID = try cadre(request)
        var reader = JSONObjectReader(try RequestBody.object(request))
        let kindText = reader.string("kind")
        let title = reader.string("title", minLength: 1, maxLength: 200)
        let detail = reader.string("detail", required: false, maxLength: 5_000) ?? ""
        reader.finish(allowed: ["kind", "title", "detail"])
        var kind: ArchiveKind?
        if let kindText {
            kind = ArchiveKind(rawValue: kindText)
            if kind == nil || kind!.isAutomatic {
                let manual = ArchiveKind.manualKinds.map(\.rawValue).joined(separator: ", ")
                reader.fail("kind", "must be one of \(manual); the other kinds are written by publication")
            }
        }
        guard reader.isValid, let kind, let title else { throw APIError.invalid(reader.errors) }
        let record = try store.write {
            try $0.archive.append(
                cadreID: cadreID, kind: kind, roundID: nil, period: nil,
                data: ["title": .string(title), "detail": .string(detail)])
        }
        return .json(
            record.jsonValue, status: 201,
            location: "/v1/townships/\(township.code)/cadres/\(cadreID)/archive/\(record.seq)")
    }

    /// The cadre of the path, in a township the caller may manage (404 otherwise).
    private func cadre(_ request: HTTPRequest) throws -> Int64 {
        let (township, _) = try auth.township(request)
        guard let id = Int64(request.pathParameters["id"] ?? ""),
            try store.read({ try $0.registry.get(Registry.cadres, townshipID: township.id, id: id) }) != nil
        else { throw APIError.notFound("No such cadre in this township.") }
        return id
    }
}
