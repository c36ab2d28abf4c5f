import Domain

/// Rounds and their lifecycle (contract §4), results (§6) and publication (§7).
extension OpenAPIDocument {
    static let roundPaths: Operations = {
        let base = "/v1/townships/{code}/rounds"
        let round = base + "/{id}"
        let evaluator = OAS.pathParameter("evaluator_id", OAS.id, example: 1)
        func response(_ text: String, _ schema: String, example: JSONValue) -> [(String, JSONValue)] {
            [("200", OAS.response(text, OAS.ref(schema), example: example))]
        }
        /// The codes as JSON, or with `Accept: text/html` the printable A4 page of slips (§13).
        func codes(_ text: String, _ schema: String, example: JSONValue) -> [(String, JSONValue)] {
            let slips: JSONValue = [
                "schema": ["type": "string"],
                "example": .string(
                    #"<!doctype html><html lang="zh-CN">…<article class="slip">…<p class="slip-code">7K3M-Q9TX-4WBN-R2DP</p>…</article>…</html>"#
                ),
            ]
            guard case .object(var answer) = OAS.response(text, OAS.ref(schema), example: example),
                case .object(var content)? = answer["content"]
            else { preconditionFailure("OAS.response with a schema has content") }
            content["text/html"] = slips
            answer["content"] = .object(content)
            return [("200", .object(answer))]
        }
        return [
            (
                base, "POST",
                OAS.operation(
                    id: "createRound", "Create a round (draft)", tag: "rounds", parameters: [code],
                    body: OAS.body(
                        OAS.ref("RoundCreate"),
                        example: [
                            "title": "2026年第一季度季评排队", "kind": "quarterly", "period": "2026-Q1",
                            "evaluator_ids": [1, 2, 3],
                        ]),
                    responses: [
                        (
                            "201",
                            OAS.response(
                                "Created, with `Location`.", OAS.ref("Round"), example: OpenAPIExamples.draftRound)
                        )
                    ])
            ),
            (
                base, "GET",
                OAS.operation(
                    id: "listRounds", "List rounds", tag: "rounds", parameters: [code] + pageParameters,
                    responses: [
                        (
                            "200",
                            OAS.response(
                                "A page.", page(OAS.ref("Round")),
                                example: OpenAPIExamples.page(OpenAPIExamples.publishedRound, OpenAPIExamples.openRound)
                            )
                        )
                    ])
            ),
            (
                round, "GET",
                OAS.operation(
                    id: "getRound", "One round", tag: "rounds", parameters: [code, id],
                    responses: response("The round.", "Round", example: OpenAPIExamples.openRound))
            ),
            (
                round, "PATCH",
                OAS.operation(
                    id: "updateRound", "Edit a draft round (409 once opened)", tag: "rounds", parameters: [code, id],
                    body: OAS.body(OAS.ref("RoundPatch")),
                    responses: response("The edited round.", "Round", example: OpenAPIExamples.draftRound))
            ),
            (
                round + "/open", "POST",
                OAS.operation(
                    id: "openRound",
                    "Open: freezes the subjects and issues one ballot code per evaluator, shown only here",
                    tag: "rounds",
                    parameters: [code, id],
                    responses: codes(
                        "The codes; with `Accept: text/html`, the printable slips (8 to an A4 sheet, QR codes).",
                        "IssuedCodes", example: OpenAPIExamples.issuedCodes))
            ),
            (
                round + "/tokens/{evaluator_id}/reissue", "POST",
                OAS.operation(
                    id: "reissueBallotCode", "A new code for a lost slip; the old one stops working (409 once voted)",
                    tag: "rounds",
                    parameters: [code, id, evaluator],
                    responses: codes(
                        "The new code; with `Accept: text/html`, its printable slip.", "IssuedCode",
                        example: OpenAPIExamples.issuedCode))
            ),
            (
                round + "/turnout", "GET",
                OAS.operation(
                    id: "getRoundTurnout", "Who has voted (never how)", tag: "rounds", parameters: [code, id],
                    responses: response("Turnout.", "Turnout", example: OpenAPIExamples.turnout))
            ),
            (
                round + "/close", "POST",
                OAS.operation(
                    id: "closeRound", "Close: no ballot is accepted after this; the results are frozen", tag: "rounds",
                    parameters: [code, id],
                    responses: response("The closed round.", "Round", example: OpenAPIExamples.closedRound))
            ),
            (
                round + "/results", "GET",
                OAS.operation(
                    id: "getRoundResults", "Results (409 before the round is closed)", tag: "rounds",
                    parameters: [code, id],
                    responses: response("Contract §6.", "Results", example: OpenAPIExamples.results))
            ),
            (
                round + "/results.csv", "GET",
                OAS.operation(
                    id: "getRoundResultsCSV", "The cadre table as CSV (UTF-8 with BOM, for Excel)", tag: "rounds",
                    parameters: [code, id],
                    responses: [
                        (
                            "200",
                            OAS.response(
                                "排名,姓名,部门,下村时间,下村天数,工作态度,任务完成,综合得分,最满意票,最不满意票,净票", OAS.string(),
                                mediaType: "text/csv", example: OpenAPIExamples.resultsCSV)
                        )
                    ])
            ),
            (
                round + "/recount", "GET",
                OAS.operation(
                    id: "recountRound",
                    "Recompute the tally from the stored ballots and compare it with the running aggregates",
                    tag: "rounds",
                    parameters: [code, id],
                    responses: [
                        (
                            "200",
                            OAS.response(
                                "The comparison.",
                                OAS.object(
                                    [
                                        ("round_id", OAS.id), ("ballots", OAS.integer(minimum: 0)),
                                        ("aggregates_match", OAS.boolean),
                                    ],
                                    required: ["round_id", "ballots", "aggregates_match"]),
                                example: OpenAPIExamples.recount)
                        )
                    ])
            ),
            (
                round + "/publish", "POST",
                OAS.operation(
                    id: "publishRound", "Publish: the public board and every cadre's archive records, once (409 again)",
                    tag: "rounds",
                    parameters: [code, id],
                    body: OAS.body(
                        OAS.object([("commentary", OAS.string(maxLength: 10_000))], additional: false),
                        example: ["commentary": "镇党委讲评…"], required: false),
                    responses: response("The public board.", "PublicBoard", example: OpenAPIExamples.publicBoard))
            ),
        ]
    }()

    static let ballotPaths: Operations = [
        (
            "/v1/ballot", "GET",
            OAS.operation(
                id: "getBallotForm", "The ballot form of the round the code belongs to", tag: "ballots",
                responses: [
                    (
                        "200",
                        OAS.response(
                            "The form (any state of the round, with `voted`).", OAS.ref("BallotForm"),
                            example: OpenAPIExamples.ballotForm)
                    )
                ],
                description:
                    "Authorization: Bearer with the ballot code (测评码), `XXXX-XXXX-XXXX-XXXX`, case and hyphens free. "
                    + "Too many unknown codes from one address → 429 with Retry-After.")
        ),
        (
            "/v1/ballot", "POST",
            OAS.operation(
                id: "castBallot", "Cast the ballot (once per code)", tag: "ballots",
                body: OAS.body(
                    OAS.ref("Ballot"),
                    example: [
                        "supervision": [["cadre_id": 1, "village_time": 80, "attitude": 90, "completion": 85]],
                        "most_satisfied": ["cadre_id": 1, "department_id": 1, "project_id": 1],
                        "least_satisfied": ["cadre_id": 2, "department_id": nil, "project_id": nil], "comment": "希望多下村",
                    ]),
                responses: [
                    (
                        "201",
                        OAS.response(
                            "Stored durably; keep the receipt.", OAS.ref("Receipt"), example: OpenAPIExamples.receipt)
                    )
                ])
        ),
        (
            "/v1/townships/{code}/rounds/{id}/paper-ballots", "POST",
            OAS.operation(
                id: "enterPaperBallot", "Type in a paper ballot for an evaluator; uses up that evaluator's code",
                tag: "ballots",
                parameters: [code, id],
                body: OAS.body(
                    OAS.object(
                        [("evaluator_id", OAS.id), ("ballot", OAS.ref("Ballot"))],
                        required: ["evaluator_id", "ballot"], additional: false)),
                responses: [("201", OAS.response("Stored.", OAS.ref("Receipt"), example: OpenAPIExamples.receipt))])
        ),
    ]
}
