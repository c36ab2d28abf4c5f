import Domain

/// Health, metrics, this document, townships and their admin tokens (contract §3, §8).
extension OpenAPIDocument {
    static let operationsPaths: Operations = [
        (
            "/healthz", "GET",
            OAS.operation(
                id: "getHealth", "Liveness", tag: "operations",
                responses: [
                    (
                        "200",
                        OAS.response(
                            "Serving.", OAS.object([("status", OAS.enumeration(["ok"]))], required: ["status"]),
                            example: OpenAPIExamples.health)
                    )
                ],
                public: true)
        ),
        (
            "/metrics", "GET",
            OAS.operation(
                id: "getMetrics", "Prometheus metrics", tag: "operations",
                responses: [
                    (
                        "200",
                        OAS.response(
                            "Prometheus text format 0.0.4.", OAS.string(), mediaType: "text/plain",
                            example: OpenAPIExamples.metrics)
                    )
                ],
                public: true)
        ),
        (
            "/v1/openapi.json", "GET",
            OAS.operation(
                id: "getOpenAPIDocument", "This document", tag: "operations",
                responses: [
                    ("200", OAS.response("OpenAPI 3.1.", ["type": "object"], example: OpenAPIExamples.document))
                ], public: true)
        ),
    ]

    static let townshipPaths: Operations = [
        (
            "/v1/townships", "POST",
            OAS.operation(
                id: "createTownship", "Create a township (root)", tag: "townships",
                body: OAS.body(OpenAPISchemas.townshipCreate, example: ["code": "niumasi", "name": "牛马司镇"]),
                responses: [
                    (
                        "201",
                        OAS.response(
                            "Created; `Location` names it.", OAS.ref("Township"), example: OpenAPIExamples.township)
                    )
                ])
        ),
        (
            "/v1/townships", "GET",
            OAS.operation(
                id: "listTownships", "List townships (root: all; admin: its own)", tag: "townships",
                parameters: pageParameters,
                responses: [
                    (
                        "200",
                        OAS.response(
                            "A page.", page(OAS.ref("Township")),
                            example: OpenAPIExamples.page(OpenAPIExamples.township))
                    )
                ])
        ),
        (
            "/v1/townships/{code}", "GET",
            OAS.operation(
                id: "getTownship", "One township", tag: "townships", parameters: [code],
                responses: [
                    ("200", OAS.response("The township.", OAS.ref("Township"), example: OpenAPIExamples.township))
                ])
        ),
        (
            "/v1/townships/{code}/tokens", "POST",
            OAS.operation(
                id: "createAdminToken", "Make a township admin token (root); the token is shown only here",
                tag: "townships",
                parameters: [code],
                body: OAS.body(
                    OAS.object(
                        [("label", OAS.string(minLength: 1, maxLength: 100))], required: ["label"], additional: false),
                    example: ["label": "镇组织办"]),
                responses: [
                    (
                        "201",
                        OAS.response(
                            "Created.", OpenAPISchemas.tokenCreated, example: OpenAPIExamples.adminTokenCreated)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/tokens", "GET",
            OAS.operation(
                id: "listAdminTokens",
                "List the township's admin tokens, revoked ones included (root); never the tokens themselves",
                tag: "townships", parameters: [code] + pageParameters,
                responses: [
                    (
                        "200",
                        OAS.response(
                            "A page.", page(OAS.ref("AdminToken")),
                            example: OpenAPIExamples.page(OpenAPIExamples.adminToken))
                    )
                ])
        ),
        (
            "/v1/townships/{code}/tokens/{id}", "GET",
            OAS.operation(
                id: "getAdminToken", "One admin token (root): label and dates, never the token", tag: "townships",
                parameters: [code, id],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "The token's record.", OAS.ref("AdminToken"), example: OpenAPIExamples.adminToken)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/tokens/{id}", "DELETE",
            OAS.operation(
                id: "revokeAdminToken", "Revoke an admin token (root)", tag: "townships", parameters: [code, id],
                responses: [("204", OAS.response("Revoked; it stops working at once.", nil))])
        ),
    ]
}
