import Domain
import HTTPCore
import Store

/// The evaluator's side (contract §5): the ballot form and casting a ballot with a ballot code,
/// and the paper ballot a township admin types in for an evaluator.
struct BallotRoutes {
    let ballots: any BallotBox
    let store: any DataStore
    let rounds: RoundRoutes
    let auth: Authenticator
    let throttle: FailureThrottle
    /// Who the throttle counts a request against (the client behind a trusted proxy).
    let clientAddress: ClientAddress
    /// Counts accepted and rejected ballots for `/metrics`.
    let counters: BallotCounters

    func register(in router: inout Router) {
        router.add("GET", "/v1/ballot", endpoint(form))
        // Casting answers once the ballot's group commit is durable, without holding a worker
        // thread while it waits: many ballots can then share one commit.
        router.addDeferred("POST", "/v1/ballot", deferredEndpoint(counters.counted(.online, cast)))
        router.addDeferred(
            "POST", "/v1/townships/{code}/rounds/{id}/paper-ballots",
            deferredEndpoint(counters.counted(.paper, paperBallot)))
    }

    private func form(_ request: HTTPRequest) throws -> HTTPResponse {
        let session = try session(request)
        let subjects = try ballots.subjects(roundID: session.round.id)
        let scale = session.round.rules.scale
        // The state lets the form say "voting is over" before an evaluator fills it in, rather
        // than only on submit.
        var round = session.round.summary
        round["state"] = .string(session.round.state.rawValue)
        // Which township, so the page can link the evaluator to the right public board.
        if let township = try store.read({ try $0.access.township(id: session.round.townshipID) }) {
            round["township"] = .string(township.code)
            round["township_name"] = .string(township.name)
        }
        return .json([
            "round": .object(round),
            "scale": ["min": .int(Int64(scale.min)), "max": .int(Int64(scale.max))],
            "cadres": .array(
                subjects.cadres.map {
                    [
                        "cadre_id": .int(Int64($0.id)), "name": .string($0.name),
                        "department_id": .int(Int64($0.departmentID)),
                        "department": .string($0.departmentName),
                    ]
                }),
            "departments": .array(
                subjects.departments.map { ["department_id": .int(Int64($0.id)), "name": .string($0.name)] }),
            "projects": .array(
                subjects.projects.map {
                    [
                        "project_id": .int(Int64($0.id)), "title": .string($0.title),
                        "board": .string(subjects.projectBoards[$0.id] ?? ""),
                    ]
                }),
            "voted": .bool(session.voted),
        ])
    }

    private func cast(_ request: HTTPRequest, _ complete: @escaping EndpointCompletion) throws {
        let session = try session(request)
        try store(try RequestBody.object(request), path: "", session: session, complete)
    }

    private func paperBallot(_ request: HTTPRequest, _ complete: @escaping EndpointCompletion) throws {
        let (round, _) = try rounds.round(try rounds.scope.request(request))
        // A draft has no panel yet: say the round is not open rather than that nobody is on it.
        try round.requireOpenForBallots()
        var reader = JSONObjectReader(try RequestBody.object(request))
        let evaluatorID = reader.int("evaluator_id", range: 1...Int64.max)
        let ballot = reader.object("ballot")
        reader.finish(allowed: ["evaluator_id", "ballot"])
        guard reader.isValid, let evaluatorID, let ballot else { throw APIError.invalid(reader.errors) }
        guard let session = try ballots.session(round: round, evaluatorID: evaluatorID) else {
            throw APIError.invalid([FieldError(field: "evaluator_id", message: "is not on this round's panel")])
        }
        try store(ballot, path: "ballot", session: session, complete)
    }

    /// Validates one ballot and has it stored; 201 with the receipt once it is on disk.
    private func store(
        _ object: JSONObject, path: String, session: BallotSession, _ complete: @escaping EndpointCompletion
    ) throws {
        try session.round.requireOpenForBallots()
        guard !session.voted else { throw RoundError.alreadyVoted }
        let (submission, typeErrors) = BallotRequest.read(object, path: path)
        guard let submission else { throw APIError.invalid(typeErrors) }
        let subjects = try ballots.subjects(roundID: session.round.id)
        switch BallotValidator.validate(submission, form: subjects.form(scale: session.round.rules.scale)) {
        case .failure(let failure):
            let errors = failure.errors.map {
                FieldError(field: path.isEmpty ? $0.field : "\(path).\($0.field)", message: $0.message)
            }
            throw APIError.invalid(errors)
        case .success(let ballot):
            ballots.cast(ballot, session: session) { result in
                complete(result.map { .json(["receipt": .string($0)], status: 201) })
            }
        }
    }

    /// The ballot code's holder: 403 for other credentials, 401 for an unknown code.
    /// Too many unknown codes from one address → 429 before any lookup.
    private func session(_ request: HTTPRequest) throws -> BallotSession {
        let client = clientAddress.of(request)
        try throttle.check(client, tooMany: "unknown ballot codes")
        let principal: Principal
        do {
            principal = try auth.principal(request)
        } catch {
            try throttle.record(client)
            throw error
        }
        guard case .ballot(let hash) = principal else {
            throw APIError.forbidden("This route takes a ballot code (测评码), not an admin token.")
        }
        guard let session = try ballots.session(tokenHash: hash) else {
            try throttle.record(client)
            throw APIError.unauthorized("The ballot code is unknown or has been replaced.")
        }
        return session
    }
}
