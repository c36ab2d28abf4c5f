import Domain

/// Township settings, cadre tokens, monthly checks, timelines and the responsibility boards
/// (contract §2, §9).
extension OpenAPIDocument {
    static let month = OAS.pathParameter("month", OAS.month, example: "2026-05")
    static let boardQuery = [
        OAS.queryParameter("year", OAS.integer(minimum: 2000, maximum: 2100), description: "Default: as_of's year."),
        OAS.queryParameter(
            "as_of", OAS.date.adding("pattern", "^(20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$"),
            description: "The date the lights are for, 2000–2100; default today (UTC+8)."),
    ]

    static let responsibilityPaths: Operations = [
        (
            "/v1/townships/{code}", "PATCH",
            OAS.operation(
                id: "updateTownshipSettings", "Change the township's settings (root or its admin)", tag: "townships",
                parameters: [code],
                body: OAS.body(
                    OAS.object(
                        [("settings", OAS.ref("TownshipSettingsPatch"))], required: ["settings"], additional: false),
                    example: ["settings": ["yearly_service_projects": 5, "cadre_village_projects": 2]]),
                responses: [
                    ("200", OAS.response("The township.", OAS.ref("Township"), example: OpenAPIExamples.township))
                ])
        ),
        (
            "/v1/townships/{code}/cadres/{id}/token", "POST",
            OAS.operation(
                id: "createCadreToken", "Make the cadre's token (replaces its earlier one); shown only here",
                tag: "registry",
                parameters: [code, id],
                responses: [
                    (
                        "201",
                        OAS.response(
                            "The token.",
                            OAS.object(
                                [("cadre_id", OAS.id), ("token", OAS.string())], required: ["cadre_id", "token"]),
                            example: OpenAPIExamples.cadreToken)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/cadres/{id}/token", "DELETE",
            OAS.operation(
                id: "revokeCadreToken", "Revoke the cadre's token", tag: "registry", parameters: [code, id],
                responses: [("204", OAS.response("Revoked.", nil))])
        ),
        (
            "/v1/townships/{code}/projects/{id}/checks/{month}", "PUT",
            OAS.operation(
                id: "recordMonthlyCheck", "Record the month's check (the project's supervisor or an admin)",
                tag: "responsibility",
                parameters: [code, id, month],
                body: OAS.body(
                    OAS.ref("CheckInput"), example: ["progress": 60, "assessment": "on_track", "note": "路基完成"]),
                responses: [
                    ("201", OAS.response("The month's first check.", OAS.ref("Check"), example: OpenAPIExamples.check)),
                    (
                        "200",
                        OAS.response(
                            "Replaced the month's check (the earlier one stays in the timeline).", OAS.ref("Check"),
                            example: OpenAPIExamples.check)
                    ),
                ])
        ),
        (
            "/v1/townships/{code}/projects/{id}/checks/{month}", "GET",
            OAS.operation(
                id: "getMonthlyCheck", "The month's current check", tag: "responsibility",
                parameters: [code, id, month],
                responses: [("200", OAS.response("The check.", OAS.ref("Check"), example: OpenAPIExamples.check))])
        ),
        (
            "/v1/townships/{code}/projects/{id}/checks", "GET",
            OAS.operation(
                id: "listMonthlyChecks", "The current check of each month", tag: "responsibility",
                parameters: [code, id],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "Oldest month first.", page(OAS.ref("Check")), example: OpenAPIExamples.checks)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/projects/{id}/timeline", "GET",
            OAS.operation(
                id: "getProjectTimeline", "Everything that happened to the project, oldest first",
                tag: "responsibility",
                parameters: [code, id],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "Creation, checks, due changes, state changes.", page(OAS.ref("TimelineEntry")),
                            example: OpenAPIExamples.timeline)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/responsibility", "GET",
            OAS.operation(
                id: "getResponsibilityBoard",
                "The three responsibility boards with lights and quotas (admin, root, the township's cadres)",
                tag: "responsibility", parameters: [code] + boardQuery,
                responses: [
                    (
                        "200",
                        OAS.response(
                            "The board.", OAS.ref("ResponsibilityBoard"), example: OpenAPIExamples.responsibilityBoard)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/responsibility.csv", "GET",
            OAS.operation(
                id: "getResponsibilityBoardCSV", "The board as CSV (UTF-8 with BOM, Chinese headers)",
                tag: "responsibility",
                parameters: [code] + boardQuery,
                responses: [
                    (
                        "200",
                        OAS.response(
                            "CSV.", OAS.string(), mediaType: "text/csv", example: OpenAPIExamples.responsibilityCSV)
                    )
                ])
        ),
        (
            "/v1/public/townships/{code}/responsibility", "GET",
            OAS.operation(
                id: "getPublicResponsibilityBoard", "The public responsibility board (no credential)", tag: "public",
                parameters: [code] + boardQuery,
                responses: [
                    (
                        "200",
                        OAS.response(
                            "The board.", OAS.ref("ResponsibilityBoard"), example: OpenAPIExamples.responsibilityBoard)
                    )
                ], public: true)
        ),
    ]

    static var responsibilitySchemas: [(String, JSONValue)] {
        let quota = OAS.integer(minimum: TownshipSettings.range.lowerBound, maximum: TownshipSettings.range.upperBound)
        let settings = TownshipSettings.keys.map { ($0, quota) }
        let check: [(String, JSONValue)] = [
            ("progress", OAS.integer(minimum: 0, maximum: 100)),
            ("assessment", OAS.enumeration(CheckAssessment.allCases.map(\.rawValue))),
            ("note", OAS.nullable(OAS.string(maxLength: MonthlyCheck.noteLimit))),
        ]
        let text = OAS.nullable(OAS.string())
        let item = OAS.object(
            [
                ("project_id", OAS.id), ("title", OAS.string()), ("target", text), ("department", text),
                ("cadre", text), ("supervisor", text), ("village", text), ("start", OAS.nullable(OAS.date)),
                ("due", OAS.nullable(OAS.date)), ("original_due", OAS.nullable(OAS.date)),
                ("due_changes", OAS.integer(minimum: 0)),
                ("progress", OAS.nullable(OAS.integer(minimum: 0, maximum: 100))),
                ("planned", OAS.nullable(OAS.integer(minimum: 0, maximum: 100))),
                ("light", OAS.nullable(OAS.enumeration(StatusLight.allCases.map(\.rawValue)))),
                (
                    "last_check",
                    OAS.nullable(
                        OAS.object(
                            [("month", OAS.month), check[1], check[2]], required: ["month", "assessment", "note"]))
                ),
            ], required: ["project_id", "title", "light", "progress", "planned", "last_check"])
        let counts = OAS.object(StatusLight.allCases.map { ($0.rawValue, OAS.integer(minimum: 0)) })
        let quotas = OAS.object(
            [
                (
                    "township",
                    OAS.object([
                        ("service_projects", OAS.integer(minimum: 0)), ("required", OAS.integer(minimum: 0)),
                        ("met", OAS.boolean),
                    ])
                ),
                (
                    "cadres",
                    OAS.array(
                        OAS.object([
                            ("cadre_id", OAS.id), ("name", OAS.string()), ("village", OAS.string()),
                            ("projects", OAS.integer(minimum: 0)), ("required", OAS.integer(minimum: 0)),
                            ("met", OAS.boolean),
                        ]))
                ),
            ])
        return [
            ("TownshipSettings", OAS.object(settings, required: TownshipSettings.keys)),
            ("TownshipSettingsPatch", OAS.object(settings, additional: false)),
            ("CheckInput", OAS.object(check, required: ["progress", "assessment"], additional: false)),
            (
                "Check",
                OAS.object(
                    [("project_id", OAS.id), ("month", OAS.month)] + check + [("at", OAS.timestamp)],
                    required: ["month", "progress", "assessment", "note", "at"])
            ),
            (
                "TimelineEntry",
                OAS.object(
                    [
                        ("at", OAS.timestamp), ("event", OAS.enumeration(ProjectEvent.allCases.map(\.rawValue))),
                        ("data", ["type": "object"]),
                    ], required: ["at", "event", "data"])
            ),
            (
                "ResponsibilityBoard",
                OAS.object(
                    [
                        ("year", OAS.integer()), ("as_of", OAS.date),
                        ("boards", OAS.object(ProjectBoard.allCases.map { ($0.rawValue, OAS.array(item)) })),
                        ("lights", counts), ("quotas", quotas),
                    ], required: ["year", "as_of", "boards", "lights", "quotas"])
            ),
        ]
    }
}
