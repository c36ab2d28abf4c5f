import Domain

/// First-asked requests (contract §12).
extension OpenAPIDocument {
    static let requestPaths: Operations = [
        (
            "/v1/townships/{code}/requests", "POST",
            OAS.operation(
                id: "fileRequest",
                "File a matter (a cadre token, or an admin naming first_cadre_id); the code is shown only here",
                tag: "people", parameters: [code],
                body: OAS.body(
                    OAS.object(
                        [
                            ("summary", OAS.string(minLength: 1, maxLength: 2000)),
                            ("contact", OAS.string(maxLength: 200)),
                            ("first_cadre_id", OAS.id), ("due", OAS.date),
                        ], required: ["summary"], additional: false),
                    example: ["summary": "反映村道路灯不亮", "contact": "电话在村委会登记"]),
                responses: [
                    (
                        "201",
                        OAS.response(
                            "Filed, with its code.", OAS.ref("FiledRequest"), example: OpenAPIExamples.filedRequest)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/requests", "GET",
            OAS.operation(
                id: "listRequests", "Requests (an admin: all; a cadre: those it filed or holds)", tag: "people",
                parameters: [
                    code,
                    OAS.queryParameter(
                        "state", OAS.enumeration(FirstAskedRequest.State.allCases.map(\.rawValue)),
                        description: "Only this state."),
                    OAS.queryParameter("overdue", OAS.boolean, description: "Only overdue (or not) ones."),
                ],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "By id.", page(OAS.ref("Request")), example: OpenAPIExamples.page(OpenAPIExamples.request))
                    )
                ])
        ),
        (
            "/v1/townships/{code}/requests/summary", "GET",
            OAS.operation(
                id: "getRequestSummary", "The year's counts per cadre and department (admin)", tag: "people",
                parameters: [
                    code,
                    OAS.queryParameter(
                        "year", OAS.integer(minimum: 2000, maximum: 2100), description: "Default: this year."),
                ],
                responses: [
                    ("200", OAS.response("Counts.", OAS.ref("RequestSummary"), example: OpenAPIExamples.requestSummary))
                ])
        ),
        (
            "/v1/townships/{code}/requests/{id}", "GET",
            OAS.operation(
                id: "getRequest", "One request with its steps", tag: "people", parameters: [code, id],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "The request.", OAS.ref("Request"), example: OpenAPIExamples.requestWithEvents)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/requests/{id}/handoffs", "POST",
            OAS.operation(
                id: "handOffRequest", "Pass it on (the holder or an admin)", tag: "people", parameters: [code, id],
                body: OAS.body(
                    OAS.object(
                        [("department_id", OAS.id), ("cadre_id", OAS.id), ("note", OAS.string(maxLength: 500))],
                        required: ["department_id"], additional: false), example: ["department_id": 4]),
                responses: [
                    (
                        "200",
                        OAS.response(
                            "The request.", OAS.ref("Request"), example: OpenAPIExamples.handedOffRequest)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/requests/{id}/accept", "POST",
            OAS.operation(
                id: "acceptRequest",
                "Accept a passed request (the named cadre, else one of the department, or an admin)", tag: "people",
                parameters: [code, id],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "The request.", OAS.ref("Request"), example: OpenAPIExamples.acceptedRequest)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/requests/{id}/resolve", "POST",
            OAS.operation(
                id: "resolveRequest", "Resolve it (the holder or an admin)", tag: "people", parameters: [code, id],
                body: OAS.body(
                    OAS.object(
                        [("outcome", OAS.string(minLength: 1, maxLength: 2000))], required: ["outcome"],
                        additional: false),
                    example: ["outcome": "已修复路灯"]),
                responses: [
                    (
                        "200",
                        OAS.response(
                            "The request.", OAS.ref("Request"), example: OpenAPIExamples.resolvedRequest)
                    )
                ])
        ),
        (
            "/v1/public/requests/{code}", "GET",
            OAS.operation(
                id: "getPublicRequest", "Where a matter stands, by its code (no credential; no names, no summary)",
                tag: "public",
                parameters: [OAS.pathParameter("code", OAS.string(), example: "ABCD-EFGH")],
                responses: [
                    (
                        "200",
                        OAS.response("Its state.", OAS.ref("PublicRequest"), example: OpenAPIExamples.publicRequest)
                    )
                ], public: true)
        ),
    ]

    static var requestSchemas: [(String, JSONValue)] {
        let id = OAS.nullable(OAS.id)
        let fields: [(String, JSONValue)] = [
            ("id", OAS.id), ("summary", OAS.string()), ("contact", OAS.nullable(OAS.string())),
            ("first_cadre_id", OAS.id),
            ("state", OAS.enumeration(FirstAskedRequest.State.allCases.map(\.rawValue))), ("holder_cadre_id", id),
            ("department_id", id), ("passed_to_cadre_id", id), ("filed_on", OAS.date), ("due", OAS.date),
            ("resolved_on", OAS.nullable(OAS.date)), ("outcome", OAS.nullable(OAS.string())),
            ("resolved_by_cadre_id", id), ("overdue", OAS.boolean),
        ]
        let counts = ["filed", "resolved", "resolved_on_time", "overdue"].map { ($0, OAS.integer(minimum: 0)) }
        return [
            ("Request", OAS.object(fields + [("events", OAS.array(["type": "object"]))], required: fields.map(\.0))),
            ("FiledRequest", OAS.object(fields + [("code", OAS.string())], required: fields.map(\.0) + ["code"])),
            (
                "RequestSummary",
                OAS.object(
                    [
                        ("year", OAS.integer()),
                        ("cadres", OAS.array(OAS.object([("cadre_id", OAS.id), ("name", OAS.string())] + counts))),
                        (
                            "departments",
                            OAS.array(OAS.object([("department_id", OAS.id), ("name", OAS.string())] + counts))
                        ),
                    ], required: ["cadres", "departments"])
            ),
            (
                "PublicRequest",
                OAS.object(
                    [
                        ("state", OAS.enumeration(FirstAskedRequest.State.allCases.map(\.rawValue))),
                        ("department", OAS.nullable(OAS.string())), ("filed", OAS.date), ("due", OAS.date),
                        ("resolved", OAS.nullable(OAS.date)), ("outcome", OAS.nullable(OAS.string())),
                        ("overdue", OAS.boolean),
                    ], required: ["state", "department", "filed", "due", "resolved", "outcome", "overdue"],
                    additional: false)
            ),
        ]
    }
}
