import Domain
import HTTPCore
import Store

/// A cadre's archive (contract §7): read, verify, and add manual records. Records never change.
struct ArchiveRoutes {
    let store: any DataStore
    let scope: TownshipScope

    func register(in router: inout Router) {
        let base = "/cadres/{id}/archive"
        scope.add("GET", base, to: &router, list)
        scope.add("POST", base, to: &router, append)
        scope.add("GET", base + "/verify", to: &router, verify)
        scope.add("GET", base + "/{seq}", to: &router, record)
    }

    private func list(_ request: TownshipRequest) throws -> HTTPResponse {
        let cadreID = try cadre(request)
        return .json(["items": .array(try store.read { try $0.archive.records(cadreID: cadreID) }.map(\.jsonValue))])
    }

    private func record(_ request: TownshipRequest) throws -> HTTPResponse {
        let cadreID = try cadre(request)
        let seq = try request.id("seq", missing: APIError.notFound("No such archive record."))
        guard let record = try store.read({ try $0.archive.record(cadreID: cadreID, seq: seq) })
        else { throw APIError.notFound("No such archive record.") }
        return .json(record.jsonValue)
    }

    private func verify(_ request: TownshipRequest) throws -> HTTPResponse {
        let cadreID = try cadre(request)
        return .json(
            ArchiveChain.verify(try store.read { try $0.archive.records(cadreID: cadreID) }, cadreID: cadreID).jsonValue
        )
    }

    private func append(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        let cadreID = try cadre(request)
        var reader = JSONObjectReader(try RequestBody.object(request.http))
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
    private func cadre(_ request: TownshipRequest) throws -> Int64 {
        let township = request.township
        let id = try request.id("id", missing: APIError.notFound("No such cadre in this township."))
        guard try store.read({ try $0.registry.get(Registry.cadres, townshipID: township.id, id: id) }) != nil
        else { throw APIError.notFound("No such cadre in this township.") }
        return id
    }
}
