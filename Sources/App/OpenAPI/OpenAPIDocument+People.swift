import Domain

/// Today's whereabouts and the visit diary (contract §12).
extension OpenAPIDocument {
    static let peoplePaths: Operations = [
        (
            "/v1/townships/{code}/cadres/{id}/whereabouts", "PUT",
            OAS.operation(
                id: "setWhereabouts", "Set today's whereabouts (the cadre itself or an admin); again replaces it",
                tag: "people",
                parameters: [code, id],
                body: OAS.body(
                    OAS.ref("WhereaboutsInput"), example: ["place": "village", "village": "石桥村", "note": "调解山林纠纷"]),
                responses: [
                    (
                        "200",
                        OAS.response(
                            "Today's entry.", OAS.ref("Whereabouts"), example: OpenAPIExamples.whereabouts)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/cadres/{id}/diary", "POST",
            OAS.operation(
                id: "addDiaryEntry", "Add a visit diary entry (the cadre itself or an admin); never public",
                tag: "people",
                parameters: [code, id],
                body: OAS.body(
                    OAS.ref("DiaryInput"),
                    example: [
                        "date": "2026-05-12", "village": "石桥村", "households": 3, "summary": "走访三户，了解灌溉用水困难",
                        "issues": ["渠道淤塞"],
                    ]),
                responses: [
                    ("201", OAS.response("The entry.", OAS.ref("DiaryEntry"), example: OpenAPIExamples.diaryEntry))
                ])
        ),
        (
            "/v1/townships/{code}/cadres/{id}/diary", "GET",
            OAS.operation(
                id: "listDiaryEntries", "The cadre's diary (the cadre itself or an admin)", tag: "people",
                parameters: [
                    code, id, OAS.queryParameter("from", OAS.date, description: "First date, inclusive."),
                    OAS.queryParameter("to", OAS.date, description: "Last date, inclusive."),
                ],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "Oldest first.", page(OAS.ref("DiaryEntry")),
                            example: OpenAPIExamples.page(OpenAPIExamples.diaryEntry))
                    )
                ])
        ),
        (
            "/v1/public/townships/{code}/whereabouts", "GET",
            OAS.operation(
                id: "getPublicWhereabouts", "Today's whereabouts board (今日去向牌, no credential)", tag: "public",
                parameters: [code],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "Every active cadre.", OAS.ref("WhereaboutsBoard"),
                            example: OpenAPIExamples.whereaboutsBoard)
                    )
                ], public: true)
        ),
    ]

    static var peopleSchemas: [(String, JSONValue)] {
        let place = OAS.enumeration(Place.allCases.map(\.rawValue))
        let text = OAS.nullable(OAS.string())
        return [
            (
                "WhereaboutsInput",
                OAS.object(
                    [
                        ("place", place), ("village", OAS.string(minLength: 1, maxLength: 100)),
                        ("note", OAS.string(maxLength: Whereabouts.noteLimit)),
                    ], required: ["place"], additional: false)
            ),
            (
                "Whereabouts",
                OAS.object(
                    [
                        ("date", OAS.date), ("place", place), ("village", text), ("note", text),
                        ("updated_at", OAS.timestamp),
                    ], required: ["date", "place", "village", "note", "updated_at"])
            ),
            (
                "DiaryInput",
                OAS.object(
                    [
                        ("date", OAS.date), ("village", OAS.string(minLength: 1, maxLength: 100)),
                        ("households", OAS.integer(minimum: 0, maximum: 10_000)),
                        ("summary", OAS.string(minLength: 1, maxLength: DiaryEntry.summaryLimit)),
                        (
                            "issues",
                            OAS.array(OAS.string(minLength: 1, maxLength: DiaryEntry.issueLimit)).adding(
                                "maxItems", .int(Int64(DiaryEntry.issuesLimit)))
                        ),
                    ], required: ["date", "village", "summary"], additional: false)
            ),
            (
                "DiaryEntry",
                OAS.object(
                    [
                        ("id", OAS.id), ("cadre_id", OAS.id), ("date", OAS.date), ("village", OAS.string()),
                        ("households", OAS.nullable(OAS.integer(minimum: 0))), ("summary", OAS.string()),
                        ("issues", OAS.array(OAS.string())), ("created_at", OAS.timestamp),
                    ], required: ["id", "cadre_id", "date", "village", "households", "summary", "issues", "created_at"])
            ),
            (
                "WhereaboutsBoard",
                OAS.object(
                    [
                        ("date", OAS.date),
                        ("township", OAS.object([("code", OAS.string()), ("name", OAS.string())])),
                        (
                            "items",
                            OAS.array(
                                OAS.object(
                                    [
                                        ("cadre_id", OAS.id), ("name", OAS.string()), ("department", text),
                                        ("post", text), ("place", OAS.nullable(place)), ("village", text),
                                        ("note", text), ("updated_at", OAS.nullable(OAS.timestamp)),
                                    ], required: ["cadre_id", "name", "place"]))
                        ), ("next", ["type": "null"]),
                    ], required: ["date", "items"])
            ),
        ]
    }
}
