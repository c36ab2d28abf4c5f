import Domain
import HTTPCore
import Primitives
import Store

/// First-asked requests (首问责任制, contract §12): filing, handoff, accept, resolve, lists and the
/// year's summary. The public lookup by code is `RequestLookupRoute`.
struct RequestRoutes {
    let store: any DataStore
    let scope: TownshipScope
    let clock: any TimeSource

    func register(in router: inout Router) {
        scope.add("POST", "/requests", .managersAndCadres, to: &router, file)
        scope.add("GET", "/requests", .managersAndCadres, to: &router, list)
        scope.add("GET", "/requests/summary", to: &router, summary)
        scope.add("GET", "/requests/{id}", .managersAndCadres, to: &router, get)
        scope.add("POST", "/requests/{id}/handoffs", .managersAndCadres, to: &router, handOff)
        scope.add("POST", "/requests/{id}/accept", .managersAndCadres, to: &router, accept)
        scope.add("POST", "/requests/{id}/resolve", .managersAndCadres, to: &router, resolve)
    }

    private var notFound: APIError { APIError.notFound("No such request in this township.") }
    private var today: CalendarDay { CalendarDay(clock.today())! }

    private func file(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        var reader = JSONObjectReader(try RequestBody.object(request.http))
        let summary = reader.string("summary", minLength: 1, maxLength: 2000)
        let contact = reader.string("contact", required: false, maxLength: 200)
        let named = reader.int("first_cadre_id", required: request.cadreID == nil, range: 1...Int64.max)
        let dueText = reader.string("due", required: false)
        let due = dueText.flatMap(CalendarDay.init)
        if dueText != nil, due == nil { reader.fail("due", "must be a date YYYY-MM-DD") }
        reader.finish(allowed: ["summary", "contact", "first_cadre_id", "due"])
        guard reader.isValid, let summary else { throw APIError.invalid(reader.errors) }
        if let own = request.cadreID, let named, named != own {
            throw APIError.forbidden("A cadre files the matters it is asked itself.")
        }
        guard let firstCadre = request.cadreID ?? named else { throw APIError.invalid(reader.errors) }
        let code = RequestCode.generate()
        let filedOn = today
        let filed = try store.write { transaction -> FirstAskedRequest in
            guard let cadre = try transaction.registry.get(Registry.cadres, townshipID: township.id, id: firstCadre),
                cadre["status"] != .string(CadreStatus.left.rawValue)
            else {
                throw APIError.invalid([FieldError(field: "first_cadre_id", message: "names no cadre of this township")]
                )
            }
            return try transaction.requests.file(
                townshipID: township.id, summary: summary, contact: contact, firstCadreID: firstCadre,
                departmentID: cadre["department_id"]?.intValue, filedOn: filedOn,
                due: due ?? filedOn.adding(days: FirstAskedRequest.defaultDays), codeDigest: code.digest)
        }
        var body = json(filed)
        body["code"] = .string(code.display)
        return .json(.object(body), status: 201, location: "/v1/townships/\(township.code)/requests/\(filed.id)")
    }

    private func list(_ request: TownshipRequest) throws -> HTTPResponse {
        let query = PercentDecoding.queryParameters(request.http.head.query)
        var errors: [FieldError] = []
        let state = query["state"].flatMap { text -> FirstAskedRequest.State? in
            guard let state = FirstAskedRequest.State(rawValue: text) else {
                errors.append(FieldError(field: "state", message: "must be open, passed, accepted or resolved"))
                return nil
            }
            return state
        }
        let overdue = query["overdue"].flatMap { text -> Bool? in
            guard let flag = Bool(text) else {
                errors.append(FieldError(field: "overdue", message: "must be true or false"))
                return nil
            }
            return flag
        }
        guard errors.isEmpty else { throw APIError.invalid(errors, detail: "The query has invalid parameters.") }
        let today = self.today
        let items = try store.read { transaction -> [FirstAskedRequest] in
            let all = try transaction.requests.list(townshipID: request.township.id, involving: nil)
            guard let cadre = request.cadreID else { return all }
            let department = try transaction.registry.get(Registry.cadres, townshipID: request.township.id, id: cadre)?[
                "department_id"]?.intValue
            return all.filter { Self.involves($0, cadre: cadre, department: department) }
        }.filter { item in
            (state == nil || item.state == state) && (overdue == nil || item.overdue(today: today) == overdue)
        }
        return .json(["items": .array(items.map { .object(json($0)) }), "next": .null])
    }

    private func get(_ request: TownshipRequest) throws -> HTTPResponse {
        let (item, events) = try store.read { transaction in
            let item = try visible(request, transaction)
            return (item, try transaction.requests.events(requestID: item.id))
        }
        var body = json(item)
        body["events"] = .array(
            events.map { ["at": .string($0.at), "event": .string($0.event), "data": .object($0.data)] })
        return .json(.object(body))
    }

    private func handOff(_ request: TownshipRequest) throws -> HTTPResponse {
        let body = try RequestBody.object(request.http)
        // The body is read inside the step, after the caller is known to be entitled (403 first).
        return try step(request, event: "handoff") { item, actor, transaction in
            var probe = item  // out of turn (409) or not the caller's (403) before a bad body (422)
            try probe.handOff(to: 0, cadreID: nil, by: actor)
            var reader = JSONObjectReader(body)
            let department = reader.int("department_id", range: 1...Int64.max)
            let cadre = reader.int("cadre_id", required: false, range: 1...Int64.max)
            let note = reader.string("note", required: false, maxLength: 500)
            reader.finish(allowed: ["department_id", "cadre_id", "note"])
            guard reader.isValid, let department else { throw APIError.invalid(reader.errors) }
            let township = request.township.id
            guard try transaction.registry.get(Registry.departments, townshipID: township, id: department) != nil else {
                throw APIError.invalid([
                    FieldError(field: "department_id", message: "names no department of this township")
                ])
            }
            if let cadre {
                let row = try transaction.registry.get(Registry.cadres, townshipID: township, id: cadre)
                guard row?["department_id"]?.intValue == department else {
                    throw APIError.invalid([FieldError(field: "cadre_id", message: "names no cadre of that department")]
                    )
                }
            }
            try item.handOff(to: department, cadreID: cadre, by: actor)
            return [
                "department_id": .int(department), "cadre_id": cadre.map(JSONValue.int) ?? .null,
                "note": note.map(JSONValue.string) ?? .null,
            ]
        }
    }

    private func accept(_ request: TownshipRequest) throws -> HTTPResponse {
        try step(request, event: "accept") { item, actor, _ in
            try item.accept(by: actor)
            return ["holder_cadre_id": item.holderCadreID.map(JSONValue.int) ?? .null]
        }
    }

    private func resolve(_ request: TownshipRequest) throws -> HTTPResponse {
        let body = try RequestBody.object(request.http)
        let today = self.today
        return try step(request, event: "resolve") { item, actor, _ in
            var probe = item  // out of turn (409) or not the caller's (403) before a bad body (422)
            try probe.resolve(outcome: "-", on: today, by: actor)
            var reader = JSONObjectReader(body)
            let outcome = reader.string("outcome", minLength: 1, maxLength: 2000)
            reader.finish(allowed: ["outcome"])
            guard reader.isValid, let outcome else { throw APIError.invalid(reader.errors) }
            try item.resolve(outcome: outcome, on: today, by: actor)
            return ["resolved_on": .string(today.text)]
        }
    }

    /// Runs one step on the request named by the path in one unit of work: 409 out of turn,
    /// 403 for a cadre not entitled to it.
    private func step(
        _ request: TownshipRequest, event: String,
        _ body: (inout FirstAskedRequest, FirstAskedRequest.Actor, any StoreTransaction) throws -> JSONObject
    ) throws -> HTTPResponse {
        let saved = try store.write { transaction -> FirstAskedRequest in
            var item = try visible(request, transaction)
            let actor = try self.actor(request, transaction)
            let data: JSONObject
            do {
                data = try body(&item, actor, transaction)
            } catch let error as FirstAskedRequest.StepError {
                switch error {
                case .outOfTurn(let state):
                    throw APIError.conflict("This step cannot be taken while the request is \(state.rawValue).")
                case .notYours: throw APIError.forbidden("Only the holder, the cadre it was passed to, or an admin.")
                }
            }
            var recorded = data
            recorded["by_cadre_id"] = request.cadreID.map(JSONValue.int) ?? .null
            try transaction.requests.save(item, event: event, data: recorded)
            return item
        }
        return .json(.object(json(saved)))
    }

    private func actor(_ request: TownshipRequest, _ transaction: any StoreTransaction) throws
        -> FirstAskedRequest.Actor
    {
        guard let id = request.cadreID else { return .admin }
        let cadre = try transaction.registry.get(Registry.cadres, townshipID: request.township.id, id: id)
        return .cadre(id, departmentID: cadre?["department_id"]?.intValue)
    }

    /// The request named by the path, if the caller may see it: an admin any; a cadre those it
    /// filed, holds, or that were passed to it or its department.
    private func visible(_ request: TownshipRequest, _ transaction: any StoreTransaction) throws -> FirstAskedRequest {
        let id = try request.id("id", missing: notFound)
        guard let item = try transaction.requests.get(townshipID: request.township.id, id: id) else { throw notFound }
        if let cadre = request.cadreID {
            let department = try transaction.registry.get(Registry.cadres, townshipID: request.township.id, id: cadre)?[
                "department_id"]?.intValue
            guard Self.involves(item, cadre: cadre, department: department) else {
                throw APIError.forbidden("A cadre sees the requests it filed, holds or is passed.")
            }
        }
        return item
    }

    /// A cadre's own requests: filed, held, or passed to it or (unnamed) to its department.
    static func involves(_ item: FirstAskedRequest, cadre: Int64, department: Int64?) -> Bool {
        item.firstCadreID == cadre || item.holderCadreID == cadre || item.passedToCadreID == cadre
            || (item.state == .passed && item.passedToCadreID == nil && item.departmentID == department)
    }

    /// `?year=`: counts over the requests filed that year (default this year).
    private func summary(_ request: TownshipRequest) throws -> HTTPResponse {
        let query = PercentDecoding.queryParameters(request.http.head.query)
        var year = today.components.year
        if let text = query["year"] {
            guard let value = Int(text), Period.years.contains(value), String(value) == text else {
                throw APIError.invalid(
                    [FieldError(field: "year", message: "must be a year from 2000 to 2100")],
                    detail: "The query has invalid parameters.")
            }
            year = value
        }
        let today = self.today
        let (items, directory) = try store.read { transaction in
            (
                try transaction.requests.list(townshipID: request.township.id, involving: nil),
                try transaction.requests.directory(townshipID: request.township.id)
            )
        }
        let counts = RequestSummary.counts(items.filter { $0.filedOn.components.year == year }, today: today)
        let departmentOf = Dictionary(uniqueKeysWithValues: directory.cadres.map { ($0.id, $0.departmentID) })
        var byDepartment: [Int64: RequestSummary.Counts] = [:]
        for (cadre, count) in counts {
            guard let department = departmentOf[cadre] else { continue }
            byDepartment[department, default: .init()].add(count)
        }
        let cadres: [JSONValue] = directory.cadres.map {
            .object(RequestSummary.json(counts[$0.id] ?? .init(), id: ("cadre_id", $0.id), name: $0.name))
        }
        let departments: [JSONValue] = directory.departments.map {
            .object(RequestSummary.json(byDepartment[$0.id] ?? .init(), id: ("department_id", $0.id), name: $0.name))
        }
        return .json(["year": .int(Int64(year)), "cadres": .array(cadres), "departments": .array(departments)])
    }

    private func json(_ item: FirstAskedRequest) -> JSONObject {
        let id = { (value: Int64?) in value.map(JSONValue.int) ?? .null }
        return [
            "id": .int(item.id), "summary": .string(item.summary),
            "contact": item.contact.map(JSONValue.string) ?? .null, "first_cadre_id": .int(item.firstCadreID),
            "state": .string(item.state.rawValue), "holder_cadre_id": id(item.holderCadreID),
            "department_id": id(item.departmentID), "passed_to_cadre_id": id(item.passedToCadreID),
            "filed_on": .string(item.filedOn.text), "due": .string(item.due.text),
            "resolved_on": item.resolvedOn.map { .string($0.text) } ?? .null,
            "outcome": item.outcome.map(JSONValue.string) ?? .null, "resolved_by_cadre_id": id(item.resolvedByCadreID),
            "overdue": .bool(item.overdue(today: today)),
        ]
    }
}
