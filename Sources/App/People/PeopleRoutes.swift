import Domain
import HTTPCore
import Primitives
import Store

/// Cadres in front of the people (contract §12): today's whereabouts (set by the cadre itself or
/// an admin; a public board for the hall) and the visit diary (never public).
struct PeopleRoutes {
    let store: any DataStore
    let scope: TownshipScope
    let clock: any TimeSource

    func register(in router: inout Router) {
        scope.add("PUT", "/cadres/{id}/whereabouts", .managersAndCadres, to: &router, setWhereabouts)
        scope.add("POST", "/cadres/{id}/diary", .managersAndCadres, to: &router, addDiary)
        scope.add("GET", "/cadres/{id}/diary", .managersAndCadres, to: &router, diary)
        router.add("GET", "/v1/public/townships/{code}/whereabouts", endpoint(publicWhereabouts))
    }

    private var notFound: APIError { APIError.notFound("No such cadre in this township.") }

    /// The cadre named by the path, when the caller may act for it: an admin or root for any
    /// active cadre of the township, a cadre token only for itself (403 for another).
    private func cadre(_ request: TownshipRequest, _ transaction: any StoreTransaction) throws -> Int64 {
        let id = try request.id("id", missing: notFound)
        if let own = request.cadreID, own != id {
            throw APIError.forbidden("A cadre token records only its own whereabouts and diary.")
        }
        guard let cadre = try transaction.registry.get(Registry.cadres, townshipID: request.township.id, id: id) else {
            throw notFound
        }
        guard cadre["status"] != .string(CadreStatus.left.rawValue) else {
            throw APIError.conflict("This cadre has left the township.")
        }
        return id
    }

    private func setWhereabouts(_ request: TownshipRequest) throws -> HTTPResponse {
        let (entry, errors) = Whereabouts.read(try RequestBody.object(request.http))
        let today = CalendarDay(clock.today())!
        let updatedAt = try store.write { transaction -> String in
            let id = try cadre(request, transaction)
            guard let entry else { throw APIError.invalid(errors) }
            return try transaction.people.setWhereabouts(entry, cadreID: id, day: today)
        }
        guard let entry else { throw APIError.invalid(errors) }
        return .json(Self.json(entry, day: today, updatedAt: updatedAt))
    }

    private func addDiary(_ request: TownshipRequest) throws -> HTTPResponse {
        let (entry, errors) = DiaryEntry.read(try RequestBody.object(request.http), today: CalendarDay(clock.today())!)
        let stored = try store.write { transaction -> StoredDiaryEntry in
            let id = try cadre(request, transaction)
            guard let entry else { throw APIError.invalid(errors) }
            return try transaction.people.addDiaryEntry(entry, cadreID: id)
        }
        return .json(
            .object(stored.json), status: 201,
            location: "/v1/townships/\(request.township.code)/cadres/\(stored.cadreID)/diary")
    }

    /// `?from=&to=`: both dates inclusive, either may be left out.
    private func diary(_ request: TownshipRequest) throws -> HTTPResponse {
        let query = PercentDecoding.queryParameters(request.http.head.query)
        var errors: [FieldError] = []
        func day(_ name: String) -> CalendarDay? {
            guard let text = query[name] else { return nil }
            guard let day = CalendarDay(text) else {
                errors.append(FieldError(field: name, message: "must be a date YYYY-MM-DD"))
                return nil
            }
            return day
        }
        let (from, to) = (day("from"), day("to"))
        guard errors.isEmpty else { throw APIError.invalid(errors, detail: "The query has invalid parameters.") }
        let entries = try store.read { transaction in
            try transaction.people.diary(cadreID: try cadre(request, transaction), from: from, to: to)
        }
        return .json(["items": .array(entries.map { .object($0.json) }), "next": .null])
    }

    /// The hall's board: every active cadre with today's entry, or `place: null` (未报).
    private func publicWhereabouts(_ request: HTTPRequest) throws -> HTTPResponse {
        let code = request.pathParameters["code"] ?? ""
        let today = CalendarDay(clock.today())!
        let found = try store.read { transaction -> (Township, [WhereaboutsLine])? in
            guard let township = try transaction.access.township(code: code) else { return nil }
            return (township, try transaction.people.whereaboutsBoard(townshipID: township.id, day: today))
        }
        guard let (township, lines) = found else { throw APIError.notFound("No township '\(code)'.") }
        let items: [JSONValue] = lines.map { line in
            let text = { (value: String?) in value.map(JSONValue.string) ?? .null }
            return [
                "cadre_id": .int(line.cadreID), "name": .string(line.name), "department": text(line.department),
                "post": text(line.post), "place": text(line.entry?.place.rawValue),
                "village": text(line.entry?.village),
                "note": text(line.entry?.note), "updated_at": text(line.updatedAt),
            ]
        }
        return .json([
            "date": .string(today.text), "township": ["code": .string(township.code), "name": .string(township.name)],
            "items": .array(items), "next": .null,
        ])
    }

    static func json(_ entry: Whereabouts, day: CalendarDay, updatedAt: String) -> JSONValue {
        [
            "date": .string(day.text), "place": .string(entry.place.rawValue),
            "village": entry.village.map(JSONValue.string) ?? .null, "note": entry.note.map(JSONValue.string) ?? .null,
            "updated_at": .string(updatedAt),
        ]
    }
}
