import Domain

/// The `components.schemas` of the OpenAPI document: request and response shapes of contract
/// §2–§7, written to match what the handlers read and write.
enum OpenAPISchemas {
    static let categories = EvaluatorCategory.allCases.map(\.rawValue)

    static let townshipCreate = OAS.object(
        [
            ("code", OAS.string(pattern: "^[a-z0-9-]{2,32}$", example: "niumasi")),
            ("name", OAS.string(minLength: 1, maxLength: 100)),
        ],
        required: ["code", "name"], additional: false)

    static let tokenCreated = OAS.object(
        [("id", OAS.id), ("label", OAS.string()), ("token", OAS.string(pattern: "^dpa_"))],
        required: ["id", "label", "token"])

    /// The `line` of a CSV upload's error: the spreadsheet line, as Excel, WPS or LibreOffice number it.
    static let csvLine: JSONValue = {
        var schema = OAS.integer(minimum: 1).objectValue ?? [:]
        schema["description"] = .string(
            "CSV uploads only: the spreadsheet line (header = line 1, a quoted cell with line breaks is one line, "
                + "blank lines count), beside `row`, the data row (header and blank lines excluded).")
        return .object(schema)
    }()

    /// Every schema, by name.
    static var all: JSONObject {
        var schemas: [(String, JSONValue)] = [
            (
                "Problem",
                OAS.object(
                    [
                        ("type", OAS.string()), ("title", OAS.string()),
                        ("status", OAS.integer(minimum: 400, maximum: 599)),
                        ("detail", OAS.string()),
                        (
                            "errors",
                            OAS.array(
                                OAS.object(
                                    [
                                        ("field", OAS.string()), ("message", OAS.string()),
                                        ("row", OAS.integer(minimum: 1)),
                                        ("line", csvLine),
                                    ],
                                    required: ["field", "message"]))
                        ),
                        // Set when more than the 100 listed errors were found: their number.
                        ("error_count", OAS.integer(minimum: 101)),
                        // A malformed CSV upload (400): where it breaks.
                        ("line", csvLine), ("row", OAS.integer(minimum: 1)),
                    ], required: ["type", "title", "status", "detail"])
            ),
            (
                "Township",
                OAS.object(
                    [
                        ("code", OAS.string()), ("name", OAS.string()), ("created_at", OAS.timestamp),
                        ("settings", OAS.ref("TownshipSettings")),
                    ],
                    required: ["code", "name", "created_at", "settings"])
            ),
            (
                "AdminToken",
                OAS.object(
                    [
                        ("id", OAS.id), ("label", OAS.string()), ("created_at", OAS.timestamp),
                        ("revoked_at", OAS.nullable(OAS.timestamp)),
                    ],
                    required: ["id", "label", "created_at", "revoked_at"])
            ),
        ]
        schemas +=
            OpenAPIDocument.registrySchemas + OpenAPIDocument.responsibilitySchemas + OpenAPIDocument.reviewSchemas
            + OpenAPIDocument.assessmentSchemas + OpenAPIDocument.peopleSchemas
            + OpenAPIDocument.requestSchemas
        schemas += roundSchemas + ballotSchemas
        schemas.append(("Results", results(board: false)))
        schemas.append(("PublicBoard", results(board: true)))
        schemas.append(
            (
                "ArchiveRecord",
                OAS.object(
                    [
                        ("seq", OAS.id), ("kind", OAS.enumeration(ArchiveKind.allCases.map(\.rawValue))),
                        ("round_id", OAS.nullable(OAS.id)),
                        ("period", OAS.nullable(OAS.string())), ("data", ["type": "object"]),
                        ("created_at", OAS.timestamp),
                        ("prev_hash", OAS.string(pattern: "^[0-9a-f]{64}$")),
                        ("hash", OAS.string(pattern: "^[0-9a-f]{64}$")), ("cadre_id", OAS.id),
                    ],
                    required: [
                        "seq", "kind", "round_id", "period", "data", "created_at", "prev_hash", "hash", "cadre_id",
                    ])
            ))
        return JSONObject(schemas.map { ($0.0, $0.1) })
    }

    private static let idList = OAS.array(OAS.id)
    private static let scale = OAS.object(
        [
            ("min", OAS.integer(minimum: -1_000_000, maximum: 1_000_000)),
            ("max", OAS.integer(minimum: -1_000_000, maximum: 1_000_000)),
        ],
        required: ["min", "max"], additional: false)
    private static let weights = OAS.object(
        Supervision.allCases.map { ($0.rawValue, OAS.number) }, required: Supervision.allCases.map(\.rawValue),
        additional: false)
    private static let categoryWeights = OAS.nullable(
        OAS.object(categories.map { ($0, OAS.number) }, required: categories, additional: false))

    /// Members shared by the create and patch bodies of a round.
    private static var roundFields: [(String, JSONValue)] {
        [
            ("title", OAS.string(minLength: 1, maxLength: 200)),
            ("kind", OAS.enumeration(RoundKind.allCases.map(\.rawValue))),
            ("period", OAS.string(pattern: "^[0-9]{4}-(H[12]|Q[1-4])$")), ("scale", scale), ("weights", weights),
            ("category_weights", categoryWeights), ("least_threshold", ["type": "number", "minimum": 0, "maximum": 1]),
            ("min_group", OAS.integer(minimum: 1, maximum: 1_000_000)),
            ("evaluator_ids", OAS.array(OAS.id, minItems: 1)),
            ("cadre_ids", OAS.nullable(idList)), ("department_ids", OAS.nullable(idList)),
            ("project_ids", OAS.nullable(idList)),
        ]
    }

    private static var roundSchemas: [(String, JSONValue)] {
        let issued = OAS.object(
            [
                ("evaluator_id", OAS.id), ("name", OAS.string()),
                ("token", OAS.string(pattern: "^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$")),
            ],
            required: ["evaluator_id", "name", "token"])
        let groupTurnout = OAS.object(
            [("panel", OAS.integer(minimum: 0)), ("voted", OAS.integer(minimum: 0))], required: ["panel", "voted"])
        let stored: [(String, JSONValue)] =
            [("id", OAS.id)] + roundFields + [
                ("state", OAS.enumeration(RoundState.allCases.map(\.rawValue))),
                ("created_at", OAS.timestamp), ("opened_at", OAS.nullable(OAS.timestamp)),
                ("closed_at", OAS.nullable(OAS.timestamp)),
                ("published_at", OAS.nullable(OAS.timestamp)),
            ]
        return [
            (
                "RoundCreate",
                OAS.object(roundFields, required: ["title", "kind", "period", "evaluator_ids"], additional: false)
            ),
            ("RoundPatch", OAS.object(roundFields, additional: false).adding("minProperties", 1)),
            ("Round", OAS.object(stored, required: stored.map(\.0))),
            ("IssuedCode", issued),
            ("IssuedCodes", OAS.object([("tokens", OAS.array(issued))], required: ["tokens"])),
            (
                "Turnout",
                OAS.object(
                    [
                        ("panel", OAS.integer(minimum: 0)), ("voted", OAS.integer(minimum: 0)),
                        ("by_category", OAS.object(categories.map { ($0, groupTurnout) }, required: categories)),
                        (
                            "evaluators",
                            OAS.array(
                                OAS.object(
                                    [("evaluator_id", OAS.id), ("voted", OAS.boolean)],
                                    required: ["evaluator_id", "voted"]))
                        ),
                    ], required: ["panel", "voted", "by_category", "evaluators"])
            ),
        ]
    }
}
