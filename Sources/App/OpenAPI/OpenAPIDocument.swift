import Domain
import HTTPCore

/// The OpenAPI 3.1 description of every route, served at `GET /v1/openapi.json`. It is built
/// from Swift (the registry schemas straight from `Registry`'s field specs, so they cannot drift
/// from the validator) and encoded once. `OpenAPIRouteTests` checks its paths and methods against
/// the router's table, so a route cannot be added without documenting it.
enum OpenAPIDocument {
    /// (path, method, operation) for every documented route, in document order.
    typealias Operations = [(path: String, method: String, operation: JSONValue)]

    static let operations: Operations =
        operationsPaths + townshipPaths + registryPaths + responsibilityPaths + roundPaths + ballotPaths + archivePaths
        + reviewPaths + assessmentPaths + peoplePaths + requestPaths + publicPaths + spreadsheetPaths

    /// The whole document.
    static let document: JSONValue = {
        var paths = JSONObject()
        for entry in operations {
            var item = paths[entry.path]?.objectValue ?? JSONObject()
            item[entry.method.lowercased()] = entry.operation
            paths[entry.path] = .object(item)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "DuPing (督评) API",
                "version": "1",
                "summary": "三督六评 and 季评排队: anonymous evaluation of township departments and cadres.",
                "description": .string(description),
            ],
            "servers": [["url": "/"]],
            "security": [["bearer": []]],
            "tags": .array(
                [
                    "operations", "townships", "registry", "responsibility", "rounds", "ballots", "archive", "reviews",
                    "people", "public",
                ].map {
                    ["name": .string($0)]
                }),
            "paths": .object(paths),
            "components": [
                "securitySchemes": [
                    "bearer": [
                        "type": "http", "scheme": "bearer",
                        "description":
                            "Root token, a township admin token (dpa_…), a cadre token (dpc_…) where contract §2 allows it, or a ballot code (测评码) for /v1/ballot.",
                    ]
                ],
                "responses": [
                    "Problem": OAS.response(
                        "An error (RFC 9457 problem details).", OAS.ref("Problem"),
                        mediaType: "application/problem+json")
                ],
                "schemas": .object(OpenAPISchemas.all),
            ],
        ]
    }()

    /// The encoded document, made once.
    static let bytes: [UInt8] = JSONWriter.encode(document)
    /// …and compressed once (it is ~100 KB: compressing it per request cost 0.7 ms of loop time).
    static let gzippedBytes: [UInt8]? = Gzip.compress(bytes)

    /// The route's response.
    static func response(_ request: HTTPRequest) -> HTTPResponse {
        var response = HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: bytes)
        response.gzippedBody = gzippedBytes
        return response
    }

    private static let description = """
        JSON in and out (UTF-8). Errors are application/problem+json with `errors: [{field, message, row?, line?}]` \
        on 422 (`line`: a CSV row's spreadsheet line); `title`, `detail` and messages are Chinese when \
        `Accept-Language` prefers `zh`, English otherwise. Lists are `{"items": […], "next": null | cursor}` with `?limit=` (default 100, at most 1000) \
        and `?after=<next>`. Ballots are anonymous: nothing stored, logged or returned links a ballot to its \
        evaluator or code. The full contract is shared/CONTRACT.md; README.md documents the choices made \
        where it is silent.
        """

    // Shared parameters.
    static let code = OAS.pathParameter("code", OAS.string(pattern: "^[a-z0-9-]{2,32}$"), example: "niumasi")
    static let id = OAS.pathParameter("id", OAS.id, example: 1)
    static let pageParameters = [
        OAS.queryParameter(
            "limit", OAS.integer(minimum: 1), description: "Page size (default 100, values above 1000 are clamped)."),
        OAS.queryParameter(
            "after", OAS.string(pattern: "^[0-9]+$"), description: "The `next` cursor of the previous page."),
    ]

    /// `{"items": [schema], "next": null | cursor}`.
    static func page(_ schema: JSONValue) -> JSONValue {
        OAS.object([("items", OAS.array(schema)), ("next", OAS.nullable(OAS.string()))], required: ["items", "next"])
    }
}
