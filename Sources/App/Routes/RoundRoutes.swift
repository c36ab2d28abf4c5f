import Domain
import HTTPCore
import Store

/// Rounds and their lifecycle under `/v1/townships/{code}/rounds` (contract §4).
struct RoundRoutes {
    let store: any DataStore
    let scope: TownshipScope
    /// Most subjects one round may hold (fair use, §8).
    let subjectLimit: Int
    /// A publication is such a change (it suspends a cadre, which the boards' quotas show).
    let changes: TownshipChanges
    /// Where the links and QR codes on printed slips point (contract §13).
    var links = BallotLinks(publicURL: nil, listenAddress: { "127.0.0.1" })
    private let exportCache = ResultsExportCache()

    func register(in router: inout Router) {
        let base = "/rounds"
        scope.add("POST", base, to: &router, create)
        scope.add("GET", base, to: &router, list)
        scope.add("GET", base + "/{id}", to: &router, get)
        scope.add("PATCH", base + "/{id}", to: &router, patch)
        scope.add("POST", base + "/{id}/open", to: &router, open)
        scope.add("POST", base + "/{id}/tokens/{evaluator_id}/reissue", to: &router, reissue)
        scope.add("GET", base + "/{id}/turnout", to: &router, turnout)
        scope.add("POST", base + "/{id}/close", to: &router, close)
        scope.add("GET", base + "/{id}/results", to: &router, results)
        for format in ExportFormat.allCases {
            scope.add("GET", base + "/{id}/results.\(format.rawValue)", to: &router) { try resultsFile($0, as: format) }
        }
        scope.add("GET", base + "/{id}/recount", to: &router, recount)
        scope.add("POST", base + "/{id}/publish", to: &router, publish)
    }

    private func create(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        let draft = try RoundRequest.create(try RequestBody.object(request.http), townshipID: township.id)
        try draft.checkListedSubjects(limit: subjectLimit)
        let round = try store.write { try $0.rounds.create(draft) }
        return .json(
            .object(round.jsonObject), status: 201, location: "/v1/townships/\(township.code)/rounds/\(round.id)")
    }

    private func list(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        let page = try Pagination(PercentDecoding.queryParameters(request.http.head.query))
        let (items, next) = try store.read {
            try $0.rounds.list(townshipID: township.id, after: page.after, limit: page.limit)
        }
        return Pagination.page(items.map(\.jsonObject), next: next)
    }

    private func get(_ request: TownshipRequest) throws -> HTTPResponse {
        .json(.object(try round(request).round.jsonObject))
    }

    private func patch(_ request: TownshipRequest) throws -> HTTPResponse {
        let (round, _) = try round(request)
        try round.requireEditable()
        let edited = try RoundRequest.patch(try RequestBody.object(request.http), over: round)
        try edited.checkListedSubjects(limit: subjectLimit)
        let updated = try store.write { try $0.rounds.update(edited) }
        return .json(.object(updated.jsonObject))
    }

    private func open(_ request: TownshipRequest) throws -> HTTPResponse {
        let (round, _) = try round(request)
        try RequestBody.expectNone(request.http)
        let issued = try store.write {
            try $0.rounds.open(townshipID: round.townshipID, id: round.id, subjectLimit: subjectLimit) {
                let code = BallotCode.generate()
                return (code.display, Tokens.hash(code.value))
            }
        }
        return issuedResponse(
            request, round: round, issued: issued, json: ["tokens": .array(issued.map { .object(Self.json($0)) })])
    }

    private func reissue(_ request: TownshipRequest) throws -> HTTPResponse {
        let (round, _) = try round(request)
        let evaluatorID = try request.id("evaluator_id", missing: RoundError.notFound)
        try RequestBody.expectNone(request.http)
        let code = BallotCode.generate()
        let issued = try store.write {
            try $0.rounds.reissue(
                townshipID: round.townshipID, roundID: round.id, evaluatorID: evaluatorID, code: code.display,
                hash: Tokens.hash(code.value))
        }
        return issuedResponse(request, round: round, issued: [issued], json: .object(Self.json(issued)))
    }

    private func turnout(_ request: TownshipRequest) throws -> HTTPResponse {
        let (round, _) = try round(request)
        let turnout = try store.read { try $0.ballots.turnout(roundID: round.id) }
        var categories = JSONObject()
        for category in EvaluatorCategory.allCases {
            let members = turnout.panel.filter { $0.category == category }
            categories[category.rawValue] = [
                "panel": .int(Int64(members.count)), "voted": .int(Int64(members.filter(\.voted).count)),
            ]
        }
        return .json([
            "panel": .int(Int64(turnout.panel.count)), "voted": .int(Int64(turnout.voted)),
            "by_category": .object(categories),
            "evaluators": .array(
                turnout.panel.map { ["evaluator_id": .int($0.evaluatorID), "voted": .bool($0.voted)] }),
        ])
    }

    private func close(_ request: TownshipRequest) throws -> HTTPResponse {
        let (round, _) = try round(request)
        try RequestBody.expectNone(request.http)
        _ = try RoundWorkflow.close(store, townshipID: round.townshipID, id: round.id)
        return .json(
            .object(try store.read { try $0.rounds.get(townshipID: round.townshipID, id: round.id) }!.jsonObject))
    }

    private func results(_ request: TownshipRequest) throws -> HTTPResponse {
        let body = try frozenResults(request)
        return HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: body)
    }

    /// `results.csv` or `results.xlsx`: the frozen cadre table as a download.
    private func resultsFile(_ request: TownshipRequest, as format: ExportFormat) throws -> HTTPResponse {
        let (round, _) = try round(request)
        let body = try frozenResults(request)
        let file = try exportCache.file(roundID: round.id, format: format) {
            try format.encode(ResultsDocument.table(try JSONParser.parse(body).objectValue ?? JSONObject()))
        }
        return format.download(file, name: "round-\(round.id)-results")
    }

    /// Recomputes the tally from the stored ballots and compares it with the running aggregates.
    private func recount(_ request: TownshipRequest) throws -> HTTPResponse {
        let (round, _) = try round(request)
        let (matches, ballots) = try store.read { tx in
            (
                try tx.ballots.recount(roundID: round.id) == tx.ballots.tally(roundID: round.id),
                try tx.ballots.ballotsByCategory(roundID: round.id).values.reduce(0, +)
            )
        }
        return .json(["round_id": .int(round.id), "ballots": .int(Int64(ballots)), "aggregates_match": .bool(matches)])
    }

    private func publish(_ request: TownshipRequest) throws -> HTTPResponse {
        let (round, township) = try round(request)
        var reader = JSONObjectReader(request.http.body.isEmpty ? JSONObject() : try RequestBody.object(request.http))
        let commentary = reader.string("commentary", required: false, maxLength: 10_000) ?? ""
        reader.finish(allowed: ["commentary"])
        guard reader.isValid else { throw APIError.invalid(reader.errors) }
        let body = try changes.write(township: township.code) {
            try RoundWorkflow.publish(in: $0, townshipID: round.townshipID, id: round.id, commentary: commentary)
        }
        return HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: body)
    }

    private func frozenResults(_ request: TownshipRequest) throws -> [UInt8] {
        let (round, _) = try round(request)
        guard round.state == .closed || round.state == .published,
            let body = try store.read({ try $0.rounds.document(.results, roundID: round.id) })
        else {
            throw RoundError.wrongState(round.state, "results exist once the round is closed")
        }
        return body
    }

    /// The round named by the path, in a township the caller may manage.
    func round(_ request: TownshipRequest) throws -> (round: Round, township: Township) {
        let township = request.township
        let id = try request.id("id", missing: RoundError.notFound)
        guard let round = try store.read({ try $0.rounds.get(townshipID: township.id, id: id) })
        else { throw RoundError.notFound }
        return (round, township)
    }

    static func json(_ issued: IssuedCode) -> JSONObject {
        ["evaluator_id": .int(issued.evaluatorID), "name": .string(issued.name), "token": .string(issued.code)]
    }
}
