import Domain
import HTTPCore
import Primitives
import Store

/// Monthly checks, project timelines and the responsibility boards (contract §9): the
/// township's view (admin, root, its cadres), `responsibility.csv` and `.xlsx`, and the public
/// board.
struct ResponsibilityRoutes {
    let store: any DataStore
    let scope: TownshipScope
    let clock: any TimeSource
    let cache: ResponsibilityCache
    /// A month's check is such a change; the cache above is the one it drops.
    let changes: TownshipChanges

    func register(in router: inout Router) {
        let project = "/projects/{id}"
        scope.add("PUT", project + "/checks/{month}", .managersAndCadres, to: &router, putCheck)
        scope.add("GET", project + "/checks", .managersAndCadres, to: &router, checks)
        scope.add("GET", project + "/checks/{month}", .managersAndCadres, to: &router, check)
        scope.add("GET", project + "/timeline", .managersAndCadres, to: &router, timeline)
        scope.add("GET", "/responsibility", .managersAndCadres, to: &router, board)
        for format in ExportFormat.allCases {
            scope.add("GET", "/responsibility.\(format.rawValue)", .managersAndCadres, to: &router) {
                try boardFile($0, as: format)
            }
        }
        // Read by many: a board in memory is answered on the event loop, a miss on a worker.
        router.add(
            "GET", "/v1/public/townships/{code}/responsibility", inline: cachedPublicBoard, endpoint(publicBoard))
    }

    private var notFound: APIError { APIError.notFound("No such project in this township.") }

    /// The month's check by the project's supervisor (its cadre token) or an admin: 201 the
    /// first time, 200 when it replaces the month's check; every version stays in the timeline.
    private func putCheck(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        let id = try request.id("id", missing: notFound)
        let monthText = request.http.pathParameters["month"] ?? ""
        let body = try RequestBody.object(request.http)
        let today = CalendarDay(clock.today())!
        let (created, stored) = try changes.write(township: township.code) { transaction in
            guard let project = try transaction.registry.get(Registry.projects, townshipID: township.id, id: id) else {
                throw notFound
            }
            if let cadreID = request.cadreID, project["supervisor_id"]?.intValue != cadreID {
                throw APIError.forbidden("Only the project's supervising leader or an admin records its checks.")
            }
            let (check, errors) = MonthlyCheck.read(
                body, monthText: monthText, start: Self.day(project["start"]), due: Self.day(project["due"]),
                today: today)
            guard let check else { throw APIError.invalid(errors) }
            return try transaction.projects.putCheck(projectID: id, check: check, byCadreID: request.cadreID)
        }
        var object = stored.json
        object["project_id"] = .int(id)
        let location = "/v1/townships/\(township.code)/projects/\(id)/checks/\(stored.check.month)"
        return .json(.object(object), status: created ? 201 : 200, location: location)
    }

    private func checks(_ request: TownshipRequest) throws -> HTTPResponse {
        let stored = try read(request) { try $0.projects.checks(projectID: $1) }
        return .json(["items": .array(stored.map { .object($0.json) }), "next": .null])
    }

    private func check(_ request: TownshipRequest) throws -> HTTPResponse {
        let month = request.http.pathParameters["month"] ?? ""
        let stored = try read(request) { try $0.projects.checks(projectID: $1) }
        guard let found = stored.first(where: { $0.check.month.text == month }) else {
            throw APIError.notFound("No check of that month.")
        }
        return .json(.object(found.json))
    }

    private func timeline(_ request: TownshipRequest) throws -> HTTPResponse {
        let entries = try read(request) { try $0.projects.timeline(projectID: $1) }
        return .json(["items": .array(entries.map { .object($0.json) }), "next": .null])
    }

    /// Reads something of the project named by the path, in one snapshot; 404 for a project of
    /// another township.
    private func read<T>(_ request: TownshipRequest, _ body: (any StoreTransaction, Int64) throws -> T) throws -> T {
        let id = try request.id("id", missing: notFound)
        return try store.read { transaction in
            guard try transaction.registry.get(Registry.projects, townshipID: request.township.id, id: id) != nil
            else { throw notFound }
            return try body(transaction, id)
        }
    }

    private func board(_ request: TownshipRequest) throws -> HTTPResponse {
        let (year, asOf) = try Self.period(request.http, today: clock.today())
        return try document(request.township, year: year, asOf: asOf).response(to: request.http)
    }

    /// `responsibility.csv` or `responsibility.xlsx`: the board's rows as a download.
    private func boardFile(_ request: TownshipRequest, as format: ExportFormat) throws -> HTTPResponse {
        let (year, asOf) = try Self.period(request.http, today: clock.today())
        let board = try compute(request.township, year: year, asOf: asOf)
        return try format.download(ResponsibilityTable.table(board), name: "responsibility-\(year)-\(asOf)")
    }

    /// The public board (接受群众监督): the same document, no credential.
    private func publicBoard(_ request: HTTPRequest) throws -> HTTPResponse {
        let key = try publicKey(request)
        let code = key.township
        let (year, asOf) = (key.year, CalendarDay(daysSince1970: key.asOf))
        let entry = try cache.entry(key) {
            guard let township = try store.read({ try $0.access.township(code: code) }) else {
                throw APIError.notFound("No township '\(code)'.")
            }
            return EncodedDocument(
                plain: JSONWriter.encode(.object(try compute(township, year: year, asOf: asOf).json)))
        }
        return entry.response(to: request)
    }

    /// The public board when it is in memory; nil sends the request to `publicBoard`.
    private func cachedPublicBoard(_ request: HTTPRequest) -> HTTPResponse? {
        guard let key = try? publicKey(request), let entry = cache.cached(key) else { return nil }
        return entry.response(to: request)
    }

    private func publicKey(_ request: HTTPRequest) throws -> ResponsibilityCache.Key {
        let (year, asOf) = try Self.period(request, today: clock.today())
        return ResponsibilityCache.Key(
            township: request.pathParameters["code"] ?? "", year: year, asOf: asOf.daysSince1970)
    }

    private func document(_ township: Township, year: Int, asOf: CalendarDay) throws -> EncodedDocument {
        let key = ResponsibilityCache.Key(township: township.code, year: year, asOf: asOf.daysSince1970)
        return try cache.entry(key) {
            EncodedDocument(plain: JSONWriter.encode(.object(try compute(township, year: year, asOf: asOf).json)))
        }
    }

    private func compute(_ township: Township, year: Int, asOf: CalendarDay) throws -> ResponsibilityBoard {
        try store.read { transaction in
            ResponsibilityBoard(
                year: year, asOf: asOf,
                projects: try transaction.projects.boardProjects(townshipID: township.id, year: year),
                stationed: try transaction.projects.stationedCadres(townshipID: township.id),
                settings: township.settings)
        }
    }

    /// `?year=&as_of=`: `as_of` defaults to today (UTC+8), `year` to `as_of`'s year; 422 naming
    /// the parameter when one is not a date or a year.
    static func period(_ request: HTTPRequest, today: String) throws -> (year: Int, asOf: CalendarDay) {
        let years = 2000...2100  // a project's `year` (§3)
        let query = PercentDecoding.queryParameters(request.head.query)
        var errors: [FieldError] = []
        var asOf = CalendarDay(today)!
        if let text = query["as_of"] {
            if let day = CalendarDay(text) {
                asOf = day
            } else {
                errors.append(FieldError(field: "as_of", message: "must be a date YYYY-MM-DD"))
            }
        }
        var year = asOf.components.year
        if let text = query["year"] {
            if let value = Int(text), years.contains(value), String(value) == text {
                year = value
            } else {
                errors.append(FieldError(field: "year", message: "must be a year from 2000 to 2100"))
            }
        }
        guard errors.isEmpty else { throw APIError.invalid(errors, detail: "The query has invalid parameters.") }
        return (year, asOf)
    }

    static func day(_ value: JSONValue?) -> CalendarDay? { value?.stringValue.flatMap(CalendarDay.init) }
}
