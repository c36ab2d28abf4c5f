import Domain

/// Quarterly review meetings (contract §10).
extension OpenAPIDocument {
    static let reviewPaths: Operations = [
        (
            "/v1/townships/{code}/quarterly-reviews", "POST",
            OAS.operation(
                id: "createQuarterlyReview", "Create the quarter's review (one per quarter)", tag: "reviews",
                parameters: [code],
                body: OAS.body(
                    OAS.ref("QuarterlyReviewCreate"),
                    example: [
                        "period": "2026-Q2", "round_id": 3, "weights": ["tasks": 60, "votes": 40], "bottom_streak": 2,
                    ]),
                responses: [
                    (
                        "201",
                        OAS.response(
                            "The draft, with its live figures.", OAS.ref("QuarterlyReview"),
                            example: OpenAPIExamples.quarterlyReview)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/quarterly-reviews", "GET",
            OAS.operation(
                id: "listQuarterlyReviews", "The township's reviews by period", tag: "reviews", parameters: [code],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "All of them.", page(OAS.ref("QuarterlyReviewSummary")),
                            example: OpenAPIExamples.quarterlyReviewSummaries)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/quarterly-reviews/{id}", "GET",
            OAS.operation(
                id: "getQuarterlyReview", "One review: computed while a draft, frozen once final", tag: "reviews",
                parameters: [code, id],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "The review.", OAS.ref("QuarterlyReview"), example: OpenAPIExamples.quarterlyReview)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/quarterly-reviews/{id}/finalize", "POST",
            OAS.operation(
                id: "finalizeQuarterlyReview",
                "Freeze the review with the committee's commentary (讲评) and write the archive", tag: "reviews",
                parameters: [code, id],
                body: OAS.body(
                    OAS.object([("commentary", OAS.string(maxLength: 10_000))], additional: false),
                    example: ["commentary": "镇党委讲评…"], required: false),
                responses: [
                    (
                        "200",
                        OAS.response(
                            "The final review.", OAS.ref("QuarterlyReview"),
                            example: OpenAPIExamples.finalQuarterlyReview)
                    )
                ])
        ),
        (
            "/v1/public/townships/{code}/quarterly-reviews", "GET",
            OAS.operation(
                id: "listPublicQuarterlyReviews", "Finalized quarterly reviews (no credential)", tag: "public",
                parameters: [code],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "By period.",
                            OAS.object(
                                [
                                    (
                                        "items",
                                        OAS.array(
                                            OAS.object([
                                                ("id", OAS.id), ("period", OAS.string()),
                                                ("finalized_at", OAS.timestamp),
                                            ]))
                                    ), ("next", ["type": "null"]), ("township", OAS.ref("Township")),
                                ], required: ["items"]),
                            example: OpenAPIExamples.publicQuarterlyReviews)
                    )
                ], public: true)
        ),
        (
            "/v1/public/townships/{code}/quarterly-reviews/{id}", "GET",
            OAS.operation(
                id: "getPublicQuarterlyReview",
                "A finalized review as posted: ranks, grades, scores, commentary (no credential)", tag: "public",
                parameters: [code, id],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "The ranking.", OAS.ref("PublicQuarterlyReview"),
                            example: OpenAPIExamples.publicQuarterlyReview)
                    )
                ], public: true)
        ),
    ]

    static var reviewSchemas: [(String, JSONValue)] {
        let points = OAS.object(
            QuarterlyReviewRules.pointLights.map {
                ($0.rawValue, OAS.number.adding("minimum", 0).adding("maximum", 100))
            },
            additional: false)
        let weights = OAS.object(
            [("tasks", OAS.number.adding("minimum", 0)), ("votes", OAS.number.adding("minimum", 0))], additional: false)
        let number = OAS.nullable(OAS.number)
        let grade = OAS.nullable(OAS.enumeration(QuarterlyGrade.allCases.map(\.rawValue)))
        let summary: [(String, JSONValue)] = [
            ("id", OAS.id), ("period", OAS.string()), ("round_id", OAS.nullable(OAS.id)), ("weights", weights),
            ("points", points), ("bottom_streak", OAS.integer(minimum: 1)),
            ("state", OAS.enumeration(["draft", "final"])), ("commentary", OAS.nullable(OAS.string())),
            ("created_at", OAS.timestamp), ("finalized_at", OAS.nullable(OAS.timestamp)),
        ]
        let row = OAS.object(
            [
                ("cadre_id", OAS.id), ("name", OAS.string()), ("department", OAS.nullable(OAS.string())),
                ("tasks", number), ("votes", number), ("score", number),
                ("rank", OAS.nullable(OAS.integer(minimum: 1))),
                ("grade", grade), ("flags", OAS.array(OAS.enumeration([QuarterlyRanking.bottomStreakFlag]))),
            ], required: ["cadre_id", "name", "tasks", "votes", "score", "rank", "grade", "flags"])
        return [
            (
                "QuarterlyReviewCreate",
                OAS.object(
                    [
                        ("period", OAS.string(pattern: "^[0-9]{4}-Q[1-4]$")), ("round_id", OAS.id),
                        ("weights", weights),
                        ("points", points),
                        (
                            "bottom_streak",
                            OAS.integer(
                                minimum: QuarterlyReviewRules.streakRange.lowerBound,
                                maximum: QuarterlyReviewRules.streakRange.upperBound)
                        ),
                    ], required: ["period"], additional: false)
            ),
            ("QuarterlyReviewSummary", OAS.object(summary, required: summary.map(\.0))),
            (
                "QuarterlyReview",
                OAS.object(summary + [("cadres", OAS.array(row))], required: summary.map(\.0) + ["cadres"])
            ),
            (
                "PublicQuarterlyReview",
                OAS.object(
                    [
                        ("id", OAS.id), ("period", OAS.string()), ("township", OAS.ref("Township")),
                        ("commentary", OAS.string()), ("finalized_at", OAS.timestamp),
                        (
                            "cadres",
                            OAS.array(
                                OAS.object([
                                    ("name", OAS.string()), ("department", OAS.nullable(OAS.string())),
                                    ("rank", OAS.integer(minimum: 1)), ("grade", grade), ("score", number),
                                ]))
                        ),
                    ], required: ["id", "period", "commentary", "cadres"])
            ),
        ]
    }
}
