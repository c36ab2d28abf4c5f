import Domain

/// Ballot, ballot form and result shapes (contract §5–§6).
extension OpenAPISchemas {
    static var ballotSchemas: [(String, JSONValue)] {
        let score = OAS.integer()
        let entry = OAS.object(
            [
                ("cadre_id", OAS.nullable(OAS.id)), ("department_id", OAS.nullable(OAS.id)), ("village_time", score),
                ("attitude", score), ("completion", score),
            ],
            required: ["village_time", "attitude", "completion"], additional: false)
        let picks = OAS.object(
            [
                ("cadre_id", OAS.nullable(OAS.id)), ("department_id", OAS.nullable(OAS.id)),
                ("project_id", OAS.nullable(OAS.id)),
            ],
            additional: false)
        return [
            (
                "Ballot",
                OAS.object(
                    [
                        ("supervision", OAS.array(entry)), ("most_satisfied", OAS.nullable(picks)),
                        ("least_satisfied", OAS.nullable(picks)),
                        ("comment", OAS.nullable(OAS.string(maxLength: 500))),
                    ], additional: false)
            ),
            ("Receipt", OAS.object([("receipt", OAS.string())], required: ["receipt"])),
            (
                "BallotForm",
                OAS.object(
                    [
                        // The form carries the round's state so the page can say "voting is over" at once.
                        (
                            "round",
                            roundSummary.adding("required", ["id", "title", "kind", "period", "state"]).withProperty(
                                "state", OAS.enumeration(RoundState.allCases.map(\.rawValue))
                            ).withProperty("township", OAS.string()).withProperty("township_name", OAS.string())
                        ),
                        (
                            "scale",
                            OAS.object([("min", OAS.integer()), ("max", OAS.integer())], required: ["min", "max"])
                        ),
                        (
                            "cadres",
                            OAS.array(
                                OAS.object(
                                    [
                                        ("cadre_id", OAS.id), ("name", OAS.string()), ("department_id", OAS.id),
                                        ("department", OAS.string()),
                                    ],
                                    required: ["cadre_id", "name", "department_id", "department"]))
                        ),
                        (
                            "departments",
                            OAS.array(
                                OAS.object(
                                    [("department_id", OAS.id), ("name", OAS.string())],
                                    required: ["department_id", "name"]))
                        ),
                        (
                            "projects",
                            OAS.array(
                                OAS.object(
                                    [("project_id", OAS.id), ("title", OAS.string()), ("board", OAS.string())],
                                    required: ["project_id", "title", "board"]))
                        ),
                        ("voted", OAS.boolean),
                    ], required: ["round", "scale", "cadres", "departments", "projects", "voted"])
            ),
        ]
    }

    static let roundSummary = OAS.object(
        [("id", OAS.id), ("title", OAS.string()), ("kind", OAS.string()), ("period", OAS.string())],
        required: ["id", "title", "kind", "period"])

    /// The results of §6; the public board adds commentary, publication time and receipts.
    static func results(board: Bool) -> JSONValue {
        let number = OAS.nullable(OAS.number)
        let scores = OAS.object(
            (Supervision.allCases.map(\.rawValue) + ["composite"]).map { ($0, number) },
            required: Supervision.allCases.map(\.rawValue) + ["composite"])
        let breakdown = OAS.object(
            categories.map {
                ($0, OAS.object([("n", OAS.integer(minimum: 0)), ("scores", scores)], required: ["n", "scores"]))
            })
        let counts: [(String, JSONValue)] = [
            ("most", OAS.integer(minimum: 0)), ("least", OAS.integer(minimum: 0)), ("net", OAS.integer()),
        ]
        let scored: [(String, JSONValue)] =
            counts + [
                ("n", OAS.integer(minimum: 0)), ("scores", scores), ("rank", OAS.nullable(OAS.id)),
                ("by_category", breakdown),
            ]
        let cadre = OAS.object(
            [("cadre_id", OAS.id), ("name", OAS.string()), ("department_id", OAS.id), ("department", OAS.string())]
                + scored + [("village_days", OAS.integer(minimum: 0))],
            required: ["cadre_id", "name", "most", "least", "net", "n", "scores", "rank"])
        let department = OAS.object(
            [("department_id", OAS.id), ("name", OAS.string())] + scored,
            required: ["department_id", "name", "most", "least", "net", "n", "scores", "rank"])
        let project = OAS.object(
            [("project_id", OAS.id), ("title", OAS.string())] + counts + [("rank", OAS.id)],
            required: ["project_id", "title", "most", "least", "net", "rank"])
        let designated = OAS.object(
            [("cadres", OAS.array(OAS.id)), ("departments", OAS.array(OAS.id)), ("projects", OAS.array(OAS.id))],
            required: ["cadres", "departments", "projects"])
        var members: [(String, JSONValue)] = [
            ("round", roundSummary),
            (
                "turnout",
                OAS.object(
                    [("panel", OAS.integer(minimum: 0)), ("ballots", OAS.integer(minimum: 0))],
                    required: ["panel", "ballots"])
            ),
            ("cadres", OAS.array(cadre)), ("departments", OAS.array(department)), ("projects", OAS.array(project)),
            (
                "designations",
                OAS.object(
                    [("most_satisfied", designated), ("least_satisfied", designated)],
                    required: ["most_satisfied", "least_satisfied"])
            ),
        ]
        var required = ["round", "turnout", "cadres", "departments", "projects", "designations"]
        if board {
            members += [
                ("commentary", OAS.string()), ("published_at", OAS.timestamp), ("receipts", OAS.array(OAS.string())),
            ]
            required += ["commentary", "published_at", "receipts"]
        }
        return OAS.object(members, required: required)
    }
}
