import Domain
import HTTPCore
import Store

/// Departments, cadres, projects and evaluators under `/v1/townships/{code}` (contract §3):
/// create (one, a JSON array, or CSV; all or nothing), list with filters and pages, get, patch.
struct RegistryRoutes {
    let spec: ResourceSpec
    let store: any DataStore
    let scope: TownshipScope
    /// Most rows of this kind one township may hold.
    let limit: Int
    /// Each write is such a change (the responsibility boards show names).
    let changes: TownshipChanges

    func register(in router: inout Router) {
        let base = "/\(spec.name)"
        // A cadre token reads its township's projects (contract §2), nothing else here.
        let readers: TownshipScope.Callers = spec.name == Registry.projects.name ? .managersAndCadres : .managers
        scope.add("POST", base, to: &router, create)
        scope.add("GET", base, readers, to: &router, list)
        scope.add("GET", base + "/{id}", readers, to: &router, get)
        scope.add("PATCH", base + "/{id}", to: &router, patch)
    }

    private func create(_ request: TownshipRequest) throws -> HTTPResponse {
        let (objects, bulk, lines) = try RequestBody.items(request.http, spec: spec)
        guard let lines else { return try create(objects, bulk: bulk, request) }
        do {
            return try create(objects, bulk: bulk, request)
        } catch {
            // A CSV row's errors also name the spreadsheet line the clerk sees (contract §8).
            throw problem(for: error, request: request.http).locatingRows(on: lines)
        }
    }

    private func create(_ objects: [JSONObject], bulk: Bool, _ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        var rows: [[String: JSONValue]] = []
        var errors: [FieldError] = []
        var seen: [String: Int] = [:]
        for (index, object) in objects.enumerated() {
            let row = bulk ? index + 1 : nil
            let path = bulk ? "[\(index + 1)]" : ""
            let (values, typeErrors) = ResourceValidator.forCreate(object, spec: spec, path: path, row: row)
            let rowErrors =
                typeErrors.isEmpty ? spec.lifecycle.check(created: values, path: path, row: row) : typeErrors
            errors += rowErrors
            rows.append(values)
            // Within one batch the same row twice (or the same unique value) is a paste error.
            let key = JSONWriter.encodeString(
                spec.uniqueField.flatMap { values[$0] }
                    ?? .object(JSONObject(values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })))
            if rowErrors.isEmpty, let first = seen[key] {
                // The unique field when the resource has one, else the whole row.
                let field = "[\(index + 1)]" + (spec.uniqueField.map { ".\($0)" } ?? "")
                errors.append(
                    FieldError(field: field, message: "duplicates row \(first) of this batch", row: index + 1))
            } else if rowErrors.isEmpty {
                seen[key] = index + 1
            }
        }
        guard errors.isEmpty else { throw APIError.invalid(errors) }
        let lifecycle = spec.lifecycle
        let created = try changes.write(township: township.code) { transaction in
            let created = try transaction.registry.insert(
                spec, townshipID: township.id, rows: rows, bulk: bulk, limit: limit)
            try lifecycle.created(created, in: transaction)
            return created
        }
        if bulk { return .json(["items": .array(created.map(JSONValue.object))], status: 201) }
        let id = created[0]["id"]?.intValue ?? 0
        return .json(.object(created[0]), status: 201, location: "/v1/townships/\(township.code)/\(spec.name)/\(id)")
    }

    private func list(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        let query = PercentDecoding.queryParameters(request.http.head.query)
        let page = try Pagination(query)
        var filters: [(String, JSONValue)] = []
        for name in spec.filters {
            guard let text = query[name], let field = spec.field(name) else { continue }
            filters.append((name, try Self.filterValue(text, field: field)))
        }
        let (items, next) = try store.read {
            try $0.registry.list(spec, townshipID: township.id, filters: filters, after: page.after, limit: page.limit)
        }
        return Pagination.page(items, next: next)
    }

    private func get(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        let id = try request.id("id", missing: notFound)
        guard let object = try store.read({ try $0.registry.get(spec, townshipID: township.id, id: id) })
        else { throw notFound }
        return .json(.object(object))
    }

    private var notFound: APIError { APIError.notFound("No such \(spec.name.dropLast()) in this township.") }

    private func patch(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        let id = try request.id("id", missing: notFound)
        let (values, errors) = ResourceValidator.forPatch(try RequestBody.object(request.http), spec: spec)
        guard errors.isEmpty else { throw APIError.invalid(errors) }
        let lifecycle = spec.lifecycle
        let object = try changes.write(township: township.code) { transaction -> JSONObject? in
            guard let current = try transaction.registry.get(spec, townshipID: township.id, id: id) else { return nil }
            let columns = try lifecycle.patch(current: current, changes: values, in: transaction)
            return try transaction.registry.update(spec, townshipID: township.id, id: id, changes: columns)
        }
        guard let object else { throw notFound }
        return .json(.object(object))
    }

    /// A query-string filter value in the field's type; 400 when it cannot be one.
    static func filterValue(_ text: String, field: FieldSpec) throws -> JSONValue {
        switch field.kind {
        case .integer, .reference, .leader:
            guard let number = Int64(text) else { throw APIError.badRequest("\(field.name) must be an integer.") }
            return .int(number)
        case .bool:
            guard let flag = Bool(text) else { throw APIError.badRequest("\(field.name) must be true or false.") }
            return .bool(flag)
        case .choice(let options):
            guard options.contains(text) else {
                throw APIError.badRequest("\(field.name) must be one of \(options.joined(separator: ", ")).")
            }
            return .string(text)
        case .text, .date:
            return .string(text)
        }
    }
}
