import Domain

/// Cadre archives (contract §7) and the public board, which needs no credential.
extension OpenAPIDocument {
    static let archivePaths: Operations = {
        let base = "/v1/townships/{code}/cadres/{id}/archive"
        let seq = OAS.pathParameter("seq", OAS.id, example: 1)
        return [
            (
                base, "GET",
                OAS.operation(
                    id: "listArchiveRecords", "The cadre's archive, oldest first", tag: "archive",
                    parameters: [code, id],
                    responses: [
                        (
                            "200",
                            OAS.response(
                                "Every record.",
                                OAS.object(
                                    [("items", OAS.array(OAS.ref("ArchiveRecord")))], required: ["items"]),
                                example: OpenAPIExamples.archive)
                        )
                    ])
            ),
            (
                base, "POST",
                OAS.operation(
                    id: "appendArchiveRecord",
                    "Append a manual record (the automatic kinds are written by publication)", tag: "archive",
                    parameters: [code, id],
                    body: OAS.body(
                        OAS.object(
                            [
                                ("kind", OAS.enumeration(ArchiveKind.manualKinds.map(\.rawValue))),
                                ("title", OAS.string(minLength: 1, maxLength: 200)),
                                ("detail", OAS.nullable(OAS.string(maxLength: 5_000))),
                            ], required: ["kind", "title"], additional: false),
                        example: ["kind": "award", "title": "县级优秀公务员"]),
                    responses: [
                        (
                            "201",
                            OAS.response(
                                "Appended, with `Location`.", OAS.ref("ArchiveRecord"),
                                example: OpenAPIExamples.manualArchiveRecord)
                        )
                    ])
            ),
            (
                base + "/verify", "GET",
                OAS.operation(
                    id: "verifyArchive", "Re-check the hash chain", tag: "archive", parameters: [code, id],
                    responses: [
                        (
                            "200",
                            OAS.response(
                                "`valid: false` names the first bad record.",
                                OAS.object(
                                    [
                                        ("valid", OAS.boolean), ("records", OAS.integer(minimum: 0)),
                                        ("first_bad_seq", OAS.integer()),
                                    ],
                                    required: ["valid", "records"]),
                                example: OpenAPIExamples.archiveVerified)
                        )
                    ])
            ),
            (
                base + "/{seq}", "GET",
                OAS.operation(
                    id: "getArchiveRecord", "One record", tag: "archive", parameters: [code, id, seq],
                    responses: [
                        (
                            "200",
                            OAS.response(
                                "The record.", OAS.ref("ArchiveRecord"), example: OpenAPIExamples.archiveRecord)
                        )
                    ])
            ),
        ]
    }()

    static let publicPaths: Operations = [
        (
            "/v1/public/townships/{code}/rounds", "GET",
            OAS.operation(
                id: "listPublishedRounds", "Published rounds of a township (张榜)", tag: "public", parameters: [code],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "Newest first.",
                            OAS.object(
                                [
                                    (
                                        "items",
                                        OAS.array(
                                            OAS.object(
                                                [
                                                    ("id", OAS.id), ("title", OAS.string()), ("period", OAS.string()),
                                                    ("published_at", OAS.timestamp),
                                                ],
                                                required: ["id", "title", "period", "published_at"]))
                                    ),
                                    ("next", ["type": "null"]), ("township", OAS.ref("Township")),
                                ], required: ["items"]),
                            example: OpenAPIExamples.publishedRounds)
                    )
                ],
                public: true)
        ),
        (
            "/v1/public/townships/{code}/rounds/{id}", "GET",
            OAS.operation(
                id: "getPublicRoundBoard", "A published round's board: results, commentary and every counted receipt",
                tag: "public",
                parameters: [code, id],
                responses: [
                    (
                        "200",
                        OAS.response(
                            "With a strong ETag; gzipped when accepted.", OAS.ref("PublicBoard"),
                            example: OpenAPIExamples.publicBoard)
                    ),
                    ("304", OAS.response("If-None-Match matched.", nil)),
                ],
                public: true)
        ),
    ]
}
