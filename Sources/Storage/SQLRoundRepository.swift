import Domain
import Primitives
import Store

/// Rounds and their lifecycle (contract §4), on either backend: create and edit drafts, open
/// (freeze subjects and panel, issue codes), reissue a code, close and publish. What opening and
/// closing do to the ballots is the backend's own (`ballotStorage`). Whether a step is allowed is
/// the round's own rule (`Round.transition(to:at:)`).
struct SQLRoundRepository: RoundRepository {
    let session: any SQLSession
    let clock: any TimeSource
    let ballotStorage: any RoundBallotStorage

    func create(_ round: Round) throws -> Round {
        try checkReferences(round)
        let id = try session.queryOne(
            """
            INSERT INTO rounds (township_id, title, kind, period, rules, evaluator_ids, cadre_ids, department_ids,
                                project_ids, state, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?) RETURNING id
            """,
            [
                round.townshipID, round.title, round.kind.rawValue, round.period,
                JSONWriter.encodeString(.object(round.rules.jsonObject)), Self.idList(round.evaluatorIDs),
                round.cadreIDs.map(Self.idList), round.departmentIDs.map(Self.idList),
                round.projectIDs.map(Self.idList), clock.timestamp(),
            ]
        ) { $0.int64(0) }
        return try Self.fetch(townshipID: round.townshipID, id: id ?? 0, session)!
    }

    func get(townshipID: Int64, id: Int64) throws -> Round? {
        try Self.fetch(townshipID: townshipID, id: id, session)
    }

    func list(townshipID: Int64, after: Int64?, limit: Int) throws -> (items: [Round], next: Int64?) {
        let rows = try session.query(
            "SELECT \(Self.columns) FROM rounds WHERE township_id = ? AND id > ? ORDER BY id LIMIT ?",
            [townshipID, after ?? 0, limit + 1], Self.decode)
        let page = Array(rows.prefix(limit))
        return (page, rows.count > limit ? page.last?.id : nil)
    }

    func update(_ round: Round) throws -> Round {
        try existing(townshipID: round.townshipID, id: round.id).requireEditable()
        try checkReferences(round)
        try session.run(
            """
            UPDATE rounds SET title = ?, kind = ?, period = ?, rules = ?, evaluator_ids = ?, cadre_ids = ?,
                              department_ids = ?, project_ids = ? WHERE id = ?
            """,
            [
                round.title, round.kind.rawValue, round.period,
                JSONWriter.encodeString(.object(round.rules.jsonObject)),
                Self.idList(round.evaluatorIDs), round.cadreIDs.map(Self.idList), round.departmentIDs.map(Self.idList),
                round.projectIDs.map(Self.idList), round.id,
            ])
        return try Self.fetch(townshipID: round.townshipID, id: round.id, session)!
    }

    func open(townshipID: Int64, id: Int64, subjectLimit: Int, newCode: () -> (code: String, hash: [UInt8]))
        throws -> [IssuedCode]
    {
        var round = try existing(townshipID: townshipID, id: id)
        let openedAt = clock.timestamp()
        try round.transition(to: .open, at: openedAt)
        let panel = try session.query(
            """
            SELECT id, name, category FROM evaluators
            WHERE township_id = ? AND id IN \(session.dialect.idsInJSONArray) ORDER BY id
            """,
            [townshipID, Self.idList(round.evaluatorIDs)]
        ) { (id: $0.int64(0), name: $0.string(1), category: $0.string(2)) }
        var counts: [EvaluatorCategory: Int] = [:]
        for member in panel { counts[EvaluatorCategory(rawValue: member.category) ?? .deputy, default: 0] += 1 }
        let problems = round.rules.openingErrors(panel: counts)
        guard problems.isEmpty else { throw RoundError.invalid(problems) }
        try SubjectFreezer.freeze(round, session)
        let subjects = try FrozenSubjects.load(roundID: id, session)
        try Round.checkFrozenSubjects(count: subjects.count, limit: subjectLimit)
        try ballotStorage.roundOpened(roundID: id, panelSize: panel.count, subjects: subjects, scale: round.rules.scale)
        var issued: [IssuedCode] = []
        var rows: [[any SQLBindable]] = []
        for member in panel {
            let (code, hash) = newCode()
            rows.append([id, member.id, member.name, member.category, hash])
            issued.append(IssuedCode(evaluatorID: member.id, name: member.name, code: code))
        }
        try session.insert(
            into: "round_panel", columns: ["round_id", "evaluator_id", "name", "category", "token_hash"], rows: rows)
        try session.run("UPDATE rounds SET state = 'open', opened_at = ? WHERE id = ?", [openedAt, id])
        return issued
    }

    func reissue(townshipID: Int64, roundID: Int64, evaluatorID: Int64, code: String, hash: [UInt8]) throws
        -> IssuedCode
    {
        try existing(townshipID: townshipID, id: roundID).requireOpenForReissue()
        guard
            let member = try session.queryOne(
                "SELECT name, voted FROM round_panel WHERE round_id = ? AND evaluator_id = ?", [roundID, evaluatorID],
                { (name: $0.string(0), voted: $0.bool(1)) })
        else { throw RoundError.notOnPanel(evaluatorID: evaluatorID) }
        guard !member.voted else { throw RoundError.alreadyVoted }
        try session.run(
            "UPDATE round_panel SET token_hash = ? WHERE round_id = ? AND evaluator_id = ?",
            [hash, roundID, evaluatorID])
        return IssuedCode(evaluatorID: evaluatorID, name: member.name, code: code)
    }

    /// Also lets the backend settle the round's ballots (`RoundBallotStorage.roundClosed`), once
    /// the close is known to be allowed.
    func close(townshipID: Int64, id: Int64) throws -> Round {
        var round = try existing(townshipID: townshipID, id: id)
        try round.transition(to: .closed, at: clock.timestamp())
        try session.run("UPDATE rounds SET state = 'closed', closed_at = ? WHERE id = ?", [round.closedAt, id])
        try ballotStorage.roundClosed(roundID: id)
        return round
    }

    func publish(townshipID: Int64, id: Int64, commentary: String) throws -> Round {
        var round = try existing(townshipID: townshipID, id: id)
        try round.transition(to: .published, at: clock.timestamp())
        round.commentary = commentary
        try session.run(
            "UPDATE rounds SET state = 'published', published_at = ?, commentary = ? WHERE id = ?",
            [round.publishedAt, commentary, id])
        return round
    }

    func saveDocument(_ body: [UInt8], kind: RoundDocumentKind, roundID: Int64) throws {
        try session.run(
            "INSERT INTO round_documents (round_id, kind, body) VALUES (?, ?, ?)", [roundID, kind.rawValue, body])
    }

    func document(_ kind: RoundDocumentKind, roundID: Int64) throws -> [UInt8]? {
        try session.queryOne(
            "SELECT body FROM round_documents WHERE round_id = ? AND kind = ?", [roundID, kind.rawValue]
        ) { $0.blob(0) }
    }

    func countByState() throws -> [RoundState: Int] {
        var counts: [RoundState: Int] = [:]
        try session.forEachRow("SELECT state, count(*) FROM rounds GROUP BY state") { row in
            if let state = RoundState(rawValue: row.string(0)) { counts[state, default: 0] += row.int(1) }
        }
        return counts
    }

    func published(townshipID: Int64) throws -> [Round] {
        try session.query(
            "SELECT \(Self.columnsWithoutLists) FROM rounds WHERE township_id = ? AND state = 'published' ORDER BY id DESC",
            [townshipID], Self.decode)
    }

    /// The round, or `RoundError.notFound`.
    private func existing(townshipID: Int64, id: Int64) throws -> Round {
        guard let round = try Self.fetch(townshipID: townshipID, id: id, session) else { throw RoundError.notFound }
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
        id, township_id, title, kind, period, rules, '[]', CAST(NULL AS TEXT), CAST(NULL AS TEXT),
        CAST(NULL AS TEXT), state, created_at, opened_at, closed_at, published_at, commentary
        """

    /// The round, or nil; with `panel: false` its `evaluatorIDs` is left empty (see above).
    static func fetch(townshipID: Int64, id: Int64, lists: Bool = true, _ session: any SQLSession) throws
        -> Round?
    {
        try session.queryOne(
            "SELECT \(lists ? columns : columnsWithoutLists) FROM rounds WHERE id = ? AND township_id = ?",
            [id, townshipID], decode)
    }

    static func decode(_ row: any SQLRow) -> Round {
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
                try session.query(
                    "SELECT id FROM \(table) WHERE township_id = ? AND id IN \(session.dialect.idsInJSONArray)",
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

extension Round {
    /// A round from a row of `SQLRoundRepository.columns` (or `columnsWithoutLists`), in that
    /// order, for readers outside the repository (the ballot boxes).
    package init(row: any SQLRow) {
        self = SQLRoundRepository.decode(row)
    }
}
