import Domain

/// The year-end assessment (contract §11).
extension OpenAPIDocument {
    static let cadreID = OAS.pathParameter("cadre_id", OAS.id, example: 3)
    static let objectionID = OAS.pathParameter("oid", OAS.id, example: 1)

    static let assessmentPaths: Operations = [
        (
            "/v1/townships/{code}/assessments", "POST",
            OAS.operation(
                id: "createAssessment", "Create the year's assessment (one per year)", tag: "reviews",
                parameters: [code],
                body: OAS.body(
                    OAS.ref("AssessmentCreate"),
                    example: [
                        "year": 2026, "weights": ["supervision": 40, "quarterly": 30, "tasks": 30],
                        "excellent_quota": 0.2,
                    ]),
                responses: [
                    (
                        "201",
                        OAS.response(
                            "The draft with its live figures.", OAS.ref("Assessment"),
                            example: OpenAPIExamples.assessment)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/assessments", "GET",
            OAS.operation(
                id: "listAssessments", "The township's assessments by year", tag: "reviews", parameters: [code],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "All of them.", page(OAS.ref("AssessmentSummary")),
                            example: OpenAPIExamples.assessmentSummaries)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/assessments/{id}", "GET",
            OAS.operation(
                id: "getAssessment", "One assessment: live in draft, frozen figures from the notice on", tag: "reviews",
                parameters: [code, id],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "The assessment.", OAS.ref("Assessment"), example: OpenAPIExamples.assessmentInNotice)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/assessments/{id}/grades/{cadre_id}", "PUT",
            OAS.operation(
                id: "setAssessmentGrade", "The committee's grade for a cadre, with a reason (the proposal is kept)",
                tag: "reviews",
                parameters: [code, id, cadreID],
                body: OAS.body(OAS.ref("GradeOverride"), example: ["grade": "称职", "reason": "全年表现稳定"]),
                responses: [
                    (
                        "200",
                        OAS.response("The cadre's row.", OAS.ref("AssessmentRow"), example: OpenAPIExamples.gradedRow)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/assessments/{id}/notice", "POST",
            OAS.operation(
                id: "startAssessmentNotice", "Start the public notice (公示); the figures freeze", tag: "reviews",
                parameters: [code, id],
                body: OAS.body(
                    OAS.object([("days", OAS.integer(minimum: 1, maximum: 30))], required: ["days"], additional: false),
                    example: ["days": 5]),
                responses: [
                    (
                        "200",
                        OAS.response(
                            "The assessment.", OAS.ref("Assessment"), example: OpenAPIExamples.assessmentInNotice)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/assessments/{id}/objections", "GET",
            OAS.operation(
                id: "listAssessmentObjections", "Objections received (no sender is stored)", tag: "reviews",
                parameters: [code, id],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "Oldest first.", page(OAS.ref("Objection")),
                            example: OpenAPIExamples.page(OpenAPIExamples.objection))
                    )
                ])
        ),
        (
            "/v1/townships/{code}/assessments/{id}/objections/{oid}", "PUT",
            OAS.operation(
                id: "answerAssessmentObjection", "Answer an objection", tag: "reviews",
                parameters: [code, id, objectionID],
                body: OAS.body(
                    OAS.object(
                        [("response", OAS.string(minLength: 1, maxLength: 2000))], required: ["response"],
                        additional: false), example: ["response": "经核实，情况属实，已调整。"]),
                responses: [
                    (
                        "200",
                        OAS.response(
                            "The objection.", OAS.ref("Objection"), example: OpenAPIExamples.answeredObjection)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/assessments/{id}/finalize", "POST",
            OAS.operation(
                id: "finalizeAssessment", "Finalize into each graded cadre's archive", tag: "reviews",
                parameters: [code, id],
                body: OAS.body(
                    OAS.object(
                        [
                            ("commentary", OAS.string(maxLength: 10_000)),
                            ("notice_cut_short", OAS.string(minLength: 1, maxLength: 500)),
                        ], additional: false), example: ["commentary": "镇党委讲评…"]),
                responses: [
                    (
                        "200",
                        OAS.response(
                            "The final assessment.", OAS.ref("Assessment"), example: OpenAPIExamples.finalAssessment)
                    )
                ])
        ),
        (
            "/v1/public/townships/{code}/assessments", "GET",
            OAS.operation(
                id: "listPublicAssessments", "The township's posted assessments (in notice or final; no credential)",
                tag: "public",
                parameters: [code],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "By year.",
                            OAS.object(
                                [
                                    (
                                        "items",
                                        OAS.array(
                                            OAS.object([
                                                ("id", OAS.id), ("year", OAS.integer()),
                                                ("state", OAS.enumeration(["notice", "final"])),
                                                ("notice_ends", OAS.date),
                                            ]))
                                    ), ("next", ["type": "null"]),
                                ], required: ["items"]),
                            example: OpenAPIExamples.publicAssessments)
                    )
                ], public: true)
        ),
        (
            "/v1/public/townships/{code}/assessments/{id}", "GET",
            OAS.operation(
                id: "getPublicAssessment", "The public notice: 拟评优秀 and the count per grade (no credential)",
                tag: "public",
                parameters: [code, id],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "The notice.", OAS.ref("AssessmentNotice"), example: OpenAPIExamples.assessmentNotice)
                    )
                ], public: true)
        ),
        (
            "/v1/public/townships/{code}/assessments/{id}/objections", "POST",
            OAS.operation(
                id: "fileAssessmentObjection", "Object during the notice (no credential; 5 an hour per address)",
                tag: "public",
                parameters: [code, id],
                body: OAS.body(
                    OAS.object(
                        [("cadre_id", OAS.id), ("text", OAS.string(minLength: 1, maxLength: 1000))],
                        required: ["cadre_id", "text"], additional: false),
                    example: ["cadre_id": 3, "text": "该同志全年多次未按时到岗。"]),
                responses: [
                    (
                        "201",
                        OAS.response(
                            "Received.", OAS.object([("id", OAS.id)], required: ["id"]),
                            example: OpenAPIExamples.objectionReceived)
                    )
                ], public: true)
        ),
    ]

    static var assessmentSchemas: [(String, JSONValue)] {
        let weights = OAS.object(
            ["supervision", "quarterly", "tasks"].map { ($0, OAS.number.adding("minimum", 0)) }, additional: false)
        let quota = OAS.number.adding("minimum", 0).adding("maximum", 1)
        let grade = OAS.enumeration(AnnualGrade.allCases.map(\.rawValue))
        let number = OAS.nullable(OAS.number)
        let summary: [(String, JSONValue)] = [
            ("id", OAS.id), ("year", OAS.integer()), ("weights", weights), ("excellent_quota", quota),
            ("state", OAS.enumeration(["draft", "notice", "final"])), ("notice_ends", OAS.nullable(OAS.date)),
            ("notice_cut_short", OAS.nullable(OAS.string())), ("commentary", OAS.nullable(OAS.string())),
            ("created_at", OAS.timestamp), ("finalized_at", OAS.nullable(OAS.timestamp)),
        ]
        let row = OAS.object(
            [
                ("cadre_id", OAS.id), ("name", OAS.string()), ("department", OAS.nullable(OAS.string())),
                ("supervision", number), ("quarterly", number), ("tasks", number), ("score", number),
                ("rank", OAS.nullable(OAS.integer(minimum: 1))), ("eligible", OAS.boolean),
                ("proposed", OAS.nullable(grade)), ("grade", OAS.nullable(grade)),
                ("reason", OAS.nullable(OAS.string())),
            ], required: ["cadre_id", "name", "score", "rank", "eligible", "proposed", "grade", "reason"])
        return [
            (
                "AssessmentCreate",
                OAS.object(
                    [
                        ("year", OAS.integer(minimum: 2000, maximum: 2100)), ("weights", weights),
                        ("excellent_quota", quota),
                    ], required: ["year"], additional: false)
            ),
            ("AssessmentSummary", OAS.object(summary, required: summary.map(\.0))),
            ("AssessmentRow", row),
            ("Assessment", OAS.object(summary + [("cadres", OAS.array(row))], required: summary.map(\.0) + ["cadres"])),
            (
                "GradeOverride",
                OAS.object(
                    [("grade", grade), ("reason", OAS.string(minLength: 1, maxLength: 500))],
                    required: ["grade", "reason"], additional: false)
            ),
            (
                "Objection",
                OAS.object(
                    [
                        ("id", OAS.id), ("cadre_id", OAS.id), ("text", OAS.string()), ("received_on", OAS.date),
                        ("response", OAS.nullable(OAS.string())), ("responded_at", OAS.nullable(OAS.timestamp)),
                    ], required: ["id", "cadre_id", "text", "received_on", "response", "responded_at"])
            ),
            (
                "AssessmentNotice",
                OAS.object(
                    [
                        ("id", OAS.id), ("year", OAS.integer()), ("state", OAS.enumeration(["notice", "final"])),
                        ("notice_ends", OAS.date),
                        (
                            "excellent",
                            OAS.array(
                                OAS.object([
                                    ("cadre_id", OAS.id), ("name", OAS.string()),
                                    ("department", OAS.nullable(OAS.string())),
                                ]))
                        ),
                        ("counts", OAS.object(AnnualGrade.allCases.map { ($0.rawValue, OAS.integer(minimum: 0)) })),
                        ("cadres", OAS.array(OAS.object([("cadre_id", OAS.id), ("name", OAS.string())]))),
                    ], required: ["id", "year", "state", "notice_ends", "excellent", "counts", "cadres"])
            ),
        ]
    }
}
