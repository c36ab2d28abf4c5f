import Domain
import Primitives
import Store

/// Rounds and their lifecycle in PostgreSQL (contract §4): create and edit drafts, open (freeze
/// subjects and panel, issue codes), reissue a code, close (rewriting the ballots in receipt
/// order, see `PostgresSchema.evaluation`) and publish.
/// Whether a step is allowed is the round's own rule (`Round.transition(to:at:)`).
struct PGRoundRepository: RoundRepository {
    let connection: PGConnection
    let clock: any TimeSource

    func create(_ round: Round) throws -> Round {
        try checkReferences(round)
        let id = try connection.queryOne(
            """
            INSERT INTO rounds (township_id, title, kind, period, rules, evaluator_ids, cadre_ids, department_ids,
                                project_ids, state, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', $10) RETURNING id
            """,
            [
                round.townshipID, round.title, round.kind.rawValue, round.period,
                JSONWriter.encodeString(.object(round.rules.jsonObject)), Self.idList(round.evaluatorIDs),
                round.cadreIDs.map(Self.idList), round.departmentIDs.map(Self.idList),
                round.projectIDs.map(Self.idList), clock.timestamp(),
            ]
        ) { $0.int64(0) }
        return try Self.fetch(townshipID: round.townshipID, id: id ?? 0, connection)!
    }

    func get(townshipID: Int64, id: Int64) throws -> Round? {
        try Self.fetch(townshipID: townshipID, id: id, connection)
    }

    func list(townshipID: Int64, after: Int64?, limit: Int) throws -> (items: [Round], next: Int64?) {
        let rows = try connection.query(
            "SELECT \(Self.columns) FROM rounds WHERE township_id = $1 AND id > $2 ORDER BY id LIMIT $3",
            [townshipID, after ?? 0, limit + 1], Self.decode)
        let page = Array(rows.prefix(limit))
        return (page, rows.count > limit ? page.last?.id : nil)
    }

    func update(_ round: Round) throws -> Round {
        try existing(townshipID: round.townshipID, id: round.id).requireEditable()
        try checkReferences(round)
        try connection.run(
            """
            UPDATE rounds SET title = $1, kind = $2, period = $3, rules = $4, evaluator_ids = $5, cadre_ids = $6,
                              department_ids = $7, project_ids = $8 WHERE id = $9
            """,
            [
                round.title, round.kind.rawValue, round.period,
                JSONWriter.encodeString(.object(round.rules.jsonObject)),
                Self.idList(round.evaluatorIDs), round.cadreIDs.map(Self.idList), round.departmentIDs.map(Self.idList),
                round.projectIDs.map(Self.idList), round.id,
            ])
        return try Self.fetch(townshipID: round.townshipID, id: round.id, connection)!
    }

    func open(townshipID: Int64, id: Int64, subjectLimit: Int, newCode: () -> (code: String, hash: [UInt8]))
        throws -> [IssuedCode]
    {
        var round = try existing(townshipID: townshipID, id: id)
        let openedAt = clock.timestamp()
        try round.transition(to: .open, at: openedAt)
        let panel = try connection.query(
            "SELECT id, name, category FROM evaluators WHERE township_id = $1 AND id IN \(Self.idsIn("$2")) ORDER BY id",
            [townshipID, Self.idList(round.evaluatorIDs)]
        ) { (id: $0.int64(0), name: $0.string(1), category: $0.string(2)) }
        var counts: [EvaluatorCategory: Int] = [:]
        for member in panel { counts[EvaluatorCategory(rawValue: member.category) ?? .deputy, default: 0] += 1 }
        let problems = round.rules.openingErrors(panel: counts)
        guard problems.isEmpty else { throw RoundError.invalid(problems) }
        try PGSubjectFreezer.freeze(round, connection)
        let subjects = try PGFrozenSubjects.load(roundID: id, connection)
        try Round.checkFrozenSubjects(count: subjects.count, limit: subjectLimit)
        var issued: [IssuedCode] = []
        for member in panel {
            let (code, hash) = newCode()
            try connection.run(
                "INSERT INTO round_panel (round_id, evaluator_id, name, category, token_hash) VALUES ($1, $2, $3, $4, $5)",
                [id, member.id, member.name, member.category, hash])
            issued.append(IssuedCode(evaluatorID: member.id, name: member.name, code: code))
        }
        try connection.run("UPDATE rounds SET state = 'open', opened_at = $1 WHERE id = $2", [openedAt, id])
        return issued
    }

    func reissue(townshipID: Int64, roundID: Int64, evaluatorID: Int64, code: String, hash: [UInt8]) throws
        -> IssuedCode
    {
        try existing(townshipID: townshipID, id: roundID).requireOpenForReissue()
        guard
            let member = try connection.queryOne(
                "SELECT name, voted FROM round_panel WHERE round_id = $1 AND evaluator_id = $2",
                [roundID, evaluatorID],
                { (name: $0.string(0), voted: $0.bool(1)) })
        else { throw RoundError.notOnPanel(evaluatorID: evaluatorID) }
        guard !member.voted else { throw RoundError.alreadyVoted }
        try connection.run(
            "UPDATE round_panel SET token_hash = $1 WHERE round_id = $2 AND evaluator_id = $3",
            [hash, roundID, evaluatorID])
        return IssuedCode(evaluatorID: evaluatorID, name: member.name, code: code)
    }

    /// Also rewrites the round's ballots in receipt order (contract §14): the heap keeps rows in
    /// the order they were written, which during the round was the order of group commits.
    /// Copied out, deleted and inserted again sorted by their random receipt, in this
    /// transaction, they leave no order of voting in the live table; the dead versions are
    /// reclaimed by (auto)vacuum. (PostgreSQL may put a short row into room on an earlier page,
    /// so the physical order is receipt order within each page, placed by size, not by voting
    /// order.) Nothing is written before the close is known to be allowed.
    func close(townshipID: Int64, id: Int64) throws -> Round {
        var round = try existing(townshipID: townshipID, id: id)
        try round.transition(to: .closed, at: clock.timestamp())
        try connection.run("UPDATE rounds SET state = 'closed', closed_at = $1 WHERE id = $2", [round.closedAt, id])
        // A literal id (an Int64, nothing from a request): the script runs unprepared, as a
        // prepared statement naming a temporary table would outlive the table.
        try connection.execute(
            """
            CREATE TEMPORARY TABLE closing_ballots ON COMMIT DROP AS SELECT * FROM ballots WHERE round_id = \(id);
            DELETE FROM ballots WHERE round_id = \(id);
            INSERT INTO ballots SELECT * FROM closing_ballots ORDER BY receipt;
            DROP TABLE closing_ballots;
            """)
        return round
    }

    func publish(townshipID: Int64, id: Int64, commentary: String) throws -> Round {
        var round = try existing(townshipID: townshipID, id: id)
        try round.transition(to: .published, at: clock.timestamp())
        round.commentary = commentary
        try connection.run(
            "UPDATE rounds SET state = 'published', published_at = $1, commentary = $2 WHERE id = $3",
            [round.publishedAt, commentary, id])
        return round
    }

    func saveDocument(_ body: [UInt8], kind: RoundDocumentKind, roundID: Int64) throws {
        try connection.run(
            "INSERT INTO round_documents (round_id, kind, body) VALUES ($1, $2, $3)", [roundID, kind.rawValue, body])
    }

    func document(_ kind: RoundDocumentKind, roundID: Int64) throws -> [UInt8]? {
        try connection.queryOne(
            "SELECT body FROM round_documents WHERE round_id = $1 AND kind = $2", [roundID, kind.rawValue]
        ) { $0.blob(0) }
    }

    func countByState() throws -> [RoundState: Int] {
        var counts: [RoundState: Int] = [:]
        try connection.forEachRow("SELECT state, count(*) FROM rounds GROUP BY state") { row in
            if let state = RoundState(rawValue: row.string(0)) { counts[state, default: 0] += row.int(1) }
        }
        return counts
    }

    func published(townshipID: Int64) throws -> [Round] {
        try connection.query(
            "SELECT \(Self.columnsWithoutLists) FROM rounds WHERE township_id = $1 AND state = 'published' ORDER BY id DESC",
            [townshipID], Self.decode)
    }

    /// The round, or `RoundError.notFound`.
    private func existing(townshipID: Int64, id: Int64) throws -> Round {
        guard let round = try Self.fetch(townshipID: townshipID, id: id, connection) else { throw RoundError.notFound }
        return round
    }

    // MARK: Rows

    static let columns = """
        id, township_id, title, kind, period, rules, evaluator_ids, cadre_ids, department_ids, project_ids, state,
        created_at, opened_at, closed_at, published_at, commentary
        """

    /// The same columns with an empty panel in place of `evaluator_ids`, for readers that never
    /// look at the panel: decoding it costs O(panel) and a round may have tens of thousands.
    static let columnsWithoutLists = """
        id, township_id, title, kind, period, rules, '[]', NULL::text, NULL::text, NULL::text, state,
        created_at, opened_at, closed_at, published_at, commentary
        """

    /// The round, or nil; with `panel: false` its `evaluatorIDs` is left empty (see above).
    static func fetch(townshipID: Int64, id: Int64, lists: Bool = true, _ connection: PGConnection) throws -> Round? {
        try connection.queryOne(
            "SELECT \(lists ? columns : columnsWithoutLists) FROM rounds WHERE id = $1 AND township_id = $2",
            [id, townshipID], decode)
    }

    static func decode(_ row: PGRow) -> Round {
        var rulesReader = JSONObjectReader((try? JSONParser.parse(row.string(5)))?.objectValue ?? JSONObject())
        return Round(
            id: row.int64(0), townshipID: row.int64(1), title: row.string(2),
            kind: RoundKind(rawValue: row.string(3)) ?? .semiannual, period: row.string(4),
            rules: RoundRules.read(&rulesReader, over: RoundRules()),
            evaluatorIDs: ids(row.string(6)) ?? [], cadreIDs: row.optionalString(7).flatMap(ids),
            departmentIDs: row.optionalString(8).flatMap(ids), projectIDs: row.optionalString(9).flatMap(ids),
            state: RoundState(rawValue: row.string(10)) ?? .draft, createdAt: row.string(11),
            openedAt: row.optionalString(12), closedAt: row.optionalString(13), publishedAt: row.optionalString(14),
            commentary: row.optionalString(15))
    }

    static func idList(_ ids: [Int64]) -> String { JSONWriter.encodeString(.array(ids.map(JSONValue.int))) }

    /// `(SELECT …)` of the ids in the JSON array bound as `parameter`, for `id IN …`.
    static func idsIn(_ parameter: String) -> String {
        "(SELECT value::bigint FROM json_array_elements_text(\(parameter)::json))"
    }

    static func ids(_ text: String) -> [Int64]? {
        (try? JSONParser.parse(text))?.arrayValue?.compactMap(\.intValue)
    }

    /// Every id a round names must be of this township (422 naming the list and position).
    private func checkReferences(_ round: Round) throws {
        var errors: [FieldError] = []
        let lists: [(String, String, [Int64]?)] = [
            ("evaluator_ids", "evaluators", round.evaluatorIDs), ("cadre_ids", "cadres", round.cadreIDs),
            ("department_ids", "departments", round.departmentIDs), ("project_ids", "projects", round.projectIDs),
        ]
        for (field, table, ids) in lists {
            guard let ids else { continue }
            let known = Set(
                try connection.query(
                    "SELECT id FROM \(table) WHERE township_id = $1 AND id IN \(Self.idsIn("$2"))",
                    [round.townshipID, Self.idList(ids)]
                ) { $0.int64(0) })
            for (position, id) in ids.enumerated() where !known.contains(id) {
                errors.append(
                    FieldError(field: "\(field)[\(position)]", message: "names no \(table.dropLast()) of this township")
                )
            }
        }
        guard errors.isEmpty else { throw RoundError.invalid(errors) }
    }
}
