import Domain
import HTTPCore
import Store

/// Quarterly review meetings (督评会 · 季评排队, contract §10): create, list, the live draft,
/// finalize with the committee's commentary; the public list and detail of finalized ones.
struct QuarterlyReviewRoutes {
    let store: any DataStore
    let scope: TownshipScope

    func register(in router: inout Router) {
        let base = "/quarterly-reviews"
        scope.add("POST", base, to: &router, create)
        scope.add("GET", base, to: &router, list)
        scope.add("GET", base + "/{id}", to: &router, get)
        scope.add("POST", base + "/{id}/finalize", to: &router, finalize)
        for format in ExportFormat.allCases {
            scope.add("GET", base + "/{id}/ranking.\(format.rawValue)", to: &router) { try ranking($0, as: format) }
        }
        router.add("GET", "/v1/public/townships/{code}/quarterly-reviews", endpoint(publicList))
        router.add("GET", "/v1/public/townships/{code}/quarterly-reviews/{id}", endpoint(publicReview))
    }

    private var notFound: APIError { APIError.notFound("No such quarterly review in this township.") }

    private func create(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        var reader = JSONObjectReader(try RequestBody.object(request.http))
        let periodText = reader.string("period")
        let period = periodText.flatMap { Period($0, kind: .quarterly) }
        if periodText != nil, period == nil { reader.fail("period", "must be a quarter YYYY-Q1…Q4") }
        let roundID = reader.int("round_id", required: false, range: 1...Int64.max)
        let rules = QuarterlyReviewRules.read(&reader)
        reader.finish(allowed: ["period", "round_id", "weights", "points", "bottom_streak"])
        guard reader.isValid, let period else { throw APIError.invalid(reader.errors) }
        let review = try store.write { transaction -> QuarterlyReview in
            if let roundID {
                let round = try transaction.rounds.get(townshipID: township.id, id: roundID)
                guard let round, round.kind == .quarterly, round.period == period.description,
                    round.state == .closed || round.state == .published
                else {
                    throw APIError.invalid([
                        FieldError(
                            field: "round_id", message: "must be a closed or published quarterly round of \(period)")
                    ])
                }
            }
            return try transaction.reviews.createQuarterly(
                townshipID: township.id, period: period, roundID: roundID, rules: rules)
        }
        return .json(
            .object(try document(review)), status: 201,
            location: "/v1/townships/\(township.code)/quarterly-reviews/\(review.id)")
    }

    private func list(_ request: TownshipRequest) throws -> HTTPResponse {
        let reviews = try store.read { try $0.reviews.quarterlies(townshipID: request.township.id, finalOnly: false) }
        return .json(["items": .array(reviews.map { .object($0.summary) }), "next": .null])
    }

    private func get(_ request: TownshipRequest) throws -> HTTPResponse {
        let id = try request.id("id", missing: notFound)
        let document = try store.read { transaction -> JSONObject? in
            guard let review = try transaction.reviews.quarterly(townshipID: request.township.id, id: id) else {
                return nil
            }
            var object = review.summary
            object["cadres"] = .array(try QuarterlyReviewWorkflow.rows(review, transaction).map(JSONValue.object))
            return object
        }
        guard let document else { throw notFound }
        return .json(.object(document))
    }

    /// `ranking.csv` or `ranking.xlsx`: the review's rows (live in draft, frozen once final).
    private func ranking(_ request: TownshipRequest, as format: ExportFormat) throws -> HTTPResponse {
        let id = try request.id("id", missing: notFound)
        let found = try store.read { transaction -> (QuarterlyReview, [JSONObject])? in
            guard let review = try transaction.reviews.quarterly(townshipID: request.township.id, id: id) else {
                return nil
            }
            return (review, try QuarterlyReviewWorkflow.rows(review, transaction))
        }
        guard let (review, rows) = found else { throw notFound }
        return try format.download(QuarterlyReviewTable.table(rows), name: "quarterly-review-\(review.period)")
    }

    private func finalize(_ request: TownshipRequest) throws -> HTTPResponse {
        let id = try request.id("id", missing: notFound)
        var reader = JSONObjectReader(request.http.body.isEmpty ? JSONObject() : try RequestBody.object(request.http))
        let commentary = reader.string("commentary", required: false, maxLength: 10_000) ?? ""
        reader.finish(allowed: ["commentary"])
        guard reader.isValid else { throw APIError.invalid(reader.errors) }
        guard
            let review = try QuarterlyReviewWorkflow.finalize(
                store, townshipID: request.township.id, id: id, commentary: commentary)
        else { throw notFound }
        return .json(.object(try document(review)))
    }

    private func document(_ review: QuarterlyReview) throws -> JSONObject {
        var object = review.summary
        object["cadres"] = .array(
            try store.read { try QuarterlyReviewWorkflow.rows(review, $0) }.map(JSONValue.object))
        return object
    }

    // MARK: public

    private func publicList(_ request: HTTPRequest) throws -> HTTPResponse {
        let township = try publicTownship(request)
        let reviews = try store.read { try $0.reviews.quarterlies(townshipID: township.id, finalOnly: true) }
        let items: [JSONValue] = reviews.map {
            [
                "id": .int($0.id), "period": .string($0.period.description),
                "finalized_at": .string($0.finalizedAt ?? ""),
            ]
        }
        return .json(["items": .array(items), "next": .null, "township": .object(township.json)])
    }

    /// A finalized review as the township posts it: ranked cadres' name, department, rank,
    /// grade and score, and the commentary; 404 before it is final.
    private func publicReview(_ request: HTTPRequest) throws -> HTTPResponse {
        let township = try publicTownship(request)
        let missing = APIError.notFound("No finalized quarterly review here.")
        guard let id = Int64(request.pathParameters["id"] ?? "") else { throw missing }
        guard let review = try store.read({ try $0.reviews.quarterly(townshipID: township.id, id: id) }),
            review.state == .final
        else { throw missing }
        let cadres: [JSONValue] = (review.frozenCadres ?? []).filter { $0["rank"] != .null }.map { row in
            .object(JSONObject(["name", "department", "rank", "grade", "score"].map { ($0, row[$0] ?? .null) }))
        }
        return .json([
            "id": .int(review.id), "period": .string(review.period.description),
            "township": .object(township.json), "commentary": .string(review.commentary ?? ""),
            "finalized_at": .string(review.finalizedAt ?? ""), "cadres": .array(cadres),
        ])
    }

    private func publicTownship(_ request: HTTPRequest) throws -> Township {
        let code = request.pathParameters["code"] ?? ""
        guard let township = try store.read({ try $0.access.township(code: code) }) else {
            throw APIError.notFound("No township '\(code)'.")
        }
        return township
    }
}
