import Domain

/// Why a round operation was refused.
public enum RoundError: Error, Equatable, Sendable {
    case notFound
    /// The round is not in a state that allows this (409).
    case wrongState(RoundState, String)
    /// Well-formed but invalid (422), e.g. an id of another township, a too-small weighted group.
    case invalid([FieldError])
    /// The evaluator has already voted (409).
    case alreadyVoted
    /// The ballot code was replaced (reissued) after it was looked up (401, as for any dead code).
    case codeReplaced
    /// The evaluator is not on the round's panel (404).
    case notOnPanel(evaluatorID: Int64)
}

/// A panel member's new ballot code, shown once.
public struct IssuedCode: Sendable {
    public var evaluatorID: Int64
    public var name: String
    public var code: String
}

/// Rounds and their lifecycle (contract §4): create and edit drafts, open (freeze subjects and
/// panel, issue codes), reissue a code, close and publish.
public struct RoundStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func create(_ round: Round) throws -> Round {
        try database.write { connection in
            try checkReferences(round, connection)
            try connection.run(
                """
                INSERT INTO rounds (township_id, title, kind, period, rules, evaluator_ids, cadre_ids, department_ids,
                                    project_ids, state, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?)
                """,
                [
                    round.townshipID, round.title, round.kind.rawValue, round.period,
                    JSONWriter.encodeString(.object(round.rules.jsonObject)), Self.idList(round.evaluatorIDs),
                    round.cadreIDs.map(Self.idList), round.departmentIDs.map(Self.idList),
                    round.projectIDs.map(Self.idList),
                    Clock.timestamp(),
                ])
            return try Self.fetch(townshipID: round.townshipID, id: connection.lastInsertRowID, connection)!
        }
    }

    public func get(townshipID: Int64, id: Int64) throws -> Round? {
        try database.read { try Self.fetch(townshipID: townshipID, id: id, $0) }
    }

    public func list(townshipID: Int64, after: Int64?, limit: Int) throws -> (items: [Round], next: Int64?) {
        let rows = try database.read { connection in
            try connection.query(
                "SELECT \(Self.columns) FROM rounds WHERE township_id = ? AND id > ? ORDER BY id LIMIT ?",
                [townshipID, after ?? 0, limit + 1], Self.decode)
        }
        let page = Array(rows.prefix(limit))
        return (page, rows.count > limit ? page.last?.id : nil)
    }

    /// Replaces a draft's editable fields; 409 once it has opened.
    public func update(_ round: Round) throws -> Round {
        try database.write { connection in
            guard let current = try Self.fetch(townshipID: round.townshipID, id: round.id, connection) else {
                throw RoundError.notFound
            }
            guard current.state == .draft else {
                throw RoundError.wrongState(current.state, "only a draft round can be edited")
            }
            try checkReferences(round, connection)
            try connection.run(
                """
                UPDATE rounds SET title = ?, kind = ?, period = ?, rules = ?, evaluator_ids = ?, cadre_ids = ?,
                                  department_ids = ?, project_ids = ? WHERE id = ?
                """,
                [
                    round.title, round.kind.rawValue, round.period,
                    JSONWriter.encodeString(.object(round.rules.jsonObject)),
                    Self.idList(round.evaluatorIDs), round.cadreIDs.map(Self.idList),
                    round.departmentIDs.map(Self.idList),
                    round.projectIDs.map(Self.idList), round.id,
                ])
            return try Self.fetch(townshipID: round.townshipID, id: round.id, connection)!
        }
    }

    /// Opens a draft: freezes the subject lists and the panel, and gives every panel member a
    /// fresh code (`newCode` returns the code to show and its hash to store).
    /// A round may hold at most `subjectLimit` subjects (fair use, §8); more → `invalid`.
    public func open(
        townshipID: Int64, id: Int64, subjectLimit: Int = .max, newCode: () -> (code: String, hash: [UInt8])
    ) throws -> [IssuedCode] {
        try database.write { connection in
            guard let round = try Self.fetch(townshipID: townshipID, id: id, connection) else {
                throw RoundError.notFound
            }
            guard round.state == .draft else {
                throw RoundError.wrongState(round.state, "the round has already been opened")
            }
            let panel = try connection.query(
                "SELECT id, name, category FROM evaluators WHERE township_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY id",
                [townshipID, Self.idList(round.evaluatorIDs)]
            ) { (id: $0.int64(0), name: $0.string(1), category: $0.string(2)) }
            var counts: [EvaluatorCategory: Int] = [:]
            for member in panel { counts[EvaluatorCategory(rawValue: member.category) ?? .deputy, default: 0] += 1 }
            let problems = round.rules.openingErrors(panel: counts)
            guard problems.isEmpty else { throw RoundError.invalid(problems) }
            try SubjectFreezer.freeze(round, connection)
            let subjects = try FrozenSubjects.load(roundID: id, connection)
            let subjectCount = subjects.cadres.count + subjects.departments.count + subjects.projects.count
            guard subjectCount <= subjectLimit else {
                throw RoundError.invalid([
                    FieldError(
                        field: "subjects",
                        message:
                            "a round holds at most \(subjectLimit) cadres, departments and projects; this one would hold \(subjectCount)"
                    )
                ])
            }
            try Self.layOutSlots(
                roundID: id, count: panel.count, subjects: subjects, scale: round.rules.scale, connection)
            var issued: [IssuedCode] = []
            for member in panel {
                let (code, hash) = newCode()
                try connection.run(
                    "INSERT INTO round_panel (round_id, evaluator_id, name, category, token_hash) VALUES (?, ?, ?, ?, ?)",
                    [id, member.id, member.name, member.category, hash])
                issued.append(IssuedCode(evaluatorID: member.id, name: member.name, code: code))
            }
            try connection.run("UPDATE rounds SET state = 'open', opened_at = ? WHERE id = ?", [Clock.timestamp(), id])
            return issued
        }
    }

    /// One empty ballot slot per panel member, all of the size that fits any ballot of the round,
    /// each with a fresh random receipt (see `BallotSlot`).
    static func layOutSlots(
        roundID: Int64, count: Int, subjects: FrozenSubjects, scale: Scale, _ connection: Connection
    ) throws {
        let size = BallotSlot.size(
            cadreIDs: subjects.cadres.map(\.id), departmentIDs: subjects.departments.map(\.id),
            projectIDs: subjects.projects.map(\.id), scale: scale)
        var made = 0
        var misses = 0
        while made < count {
            guard misses < 8 else { throw StoreError.misuse("could not lay out ballot slots", sql: nil) }
            // INSERT OR IGNORE: a receipt drawn twice (60 random bits) adds nothing; draw again.
            let inserted = try connection.run(
                "INSERT OR IGNORE INTO ballots (round_id, receipt, filled, body) VALUES (?, ?, 0, zeroblob(?))",
                [roundID, Receipt.generate().value, size])
            made += inserted
            misses += 1 - inserted
        }
    }

    /// A new code for a lost slip; the old one stops working. 409 once that evaluator has voted.
    public func reissue(townshipID: Int64, roundID: Int64, evaluatorID: Int64, code: String, hash: [UInt8]) throws
        -> IssuedCode
    {
        try database.write { connection in
            guard let round = try Self.fetch(townshipID: townshipID, id: roundID, connection) else {
                throw RoundError.notFound
            }
            guard round.state == .open else {
                throw RoundError.wrongState(round.state, "codes can only be reissued while the round is open")
            }
            guard
                let member = try connection.queryOne(
                    "SELECT name, voted FROM round_panel WHERE round_id = ? AND evaluator_id = ?",
                    [roundID, evaluatorID],
                    { (name: $0.string(0), voted: $0.bool(1)) })
            else { throw RoundError.notOnPanel(evaluatorID: evaluatorID) }
            guard !member.voted else { throw RoundError.alreadyVoted }
            try connection.run(
                "UPDATE round_panel SET token_hash = ? WHERE round_id = ? AND evaluator_id = ?",
                [hash, roundID, evaluatorID])
            return IssuedCode(evaluatorID: evaluatorID, name: member.name, code: code)
        }
    }

    /// Moves an open round to closed and stores `results(connection)` as its frozen results, in
    /// one transaction, so that no ballot can slip in between.
    public func close(townshipID: Int64, id: Int64, results: (Round, Connection) throws -> [UInt8]) throws -> [UInt8] {
        try database.write { connection in
            guard var round = try Self.fetch(townshipID: townshipID, id: id, connection) else {
                throw RoundError.notFound
            }
            guard round.state == .open else {
                throw RoundError.wrongState(round.state, "only an open round can be closed")
            }
            round.state = .closed
            round.closedAt = Clock.timestamp()
            try connection.run("UPDATE rounds SET state = 'closed', closed_at = ? WHERE id = ?", [round.closedAt, id])
            try connection.run("DELETE FROM ballots WHERE round_id = ? AND filled = 0", [id])
            let body = try results(round, connection)
            try connection.run(
                "INSERT INTO round_documents (round_id, kind, body) VALUES (?, 'results', ?)", [id, body])
            return body
        }
    }

    /// The frozen results of a closed or published round.
    public func results(roundID: Int64) throws -> [UInt8]? {
        try database.read { connection in
            try connection.queryOne(
                "SELECT body FROM round_documents WHERE round_id = ? AND kind = 'results'", [roundID]
            ) { $0.blob(0) }
        }
    }

    /// Publishes a closed round: `document` builds the public document and writes the archive in
    /// the same transaction; the round is then frozen for good.
    public func publish(
        townshipID: Int64, id: Int64, commentary: String,
        document: (Round, Connection) throws -> [UInt8]
    ) throws -> [UInt8] {
        try database.write { connection in
            guard var round = try Self.fetch(townshipID: townshipID, id: id, connection) else {
                throw RoundError.notFound
            }
            guard round.state == .closed else {
                let why =
                    round.state == .published
                    ? "the round is already published" : "only a closed round can be published"
                throw RoundError.wrongState(round.state, why)
            }
            round.state = .published
            round.publishedAt = Clock.timestamp()
            round.commentary = commentary
            try connection.run(
                "UPDATE rounds SET state = 'published', published_at = ?, commentary = ? WHERE id = ?",
                [round.publishedAt, commentary, id])
            let body = try document(round, connection)
            try connection.run(
                "INSERT INTO round_documents (round_id, kind, body) VALUES (?, 'public', ?)", [id, body])
            return body
        }
    }

    // MARK: Rows

    static let columns = """
        id, township_id, title, kind, period, rules, evaluator_ids, cadre_ids, department_ids, project_ids, state,
        created_at, opened_at, closed_at, published_at, commentary
        """

    /// The same columns with an empty panel in place of `evaluator_ids`, for readers that never
    /// look at the panel: decoding it costs O(panel) and a round may have tens of thousands.
    static let columnsWithoutLists = """
        id, township_id, title, kind, period, rules, '[]', NULL, NULL, NULL, state,
        created_at, opened_at, closed_at, published_at, commentary
        """

    /// The round, or nil; with `panel: false` its `evaluatorIDs` is left empty (see above).
    static func fetch(townshipID: Int64, id: Int64, lists: Bool = true, _ connection: Connection) throws -> Round? {
        try connection.queryOne(
            "SELECT \(lists ? columns : columnsWithoutLists) FROM rounds WHERE id = ? AND township_id = ?",
            [id, townshipID], decode)
    }

    static func decode(_ row: Row) -> Round {
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
    private func checkReferences(_ round: Round, _ connection: Connection) throws {
        var errors: [FieldError] = []
        let lists: [(String, String, [Int64]?)] = [
            ("evaluator_ids", "evaluators", round.evaluatorIDs), ("cadre_ids", "cadres", round.cadreIDs),
            ("department_ids", "departments", round.departmentIDs), ("project_ids", "projects", round.projectIDs),
        ]
        for (field, table, ids) in lists {
            guard let ids else { continue }
            let known = Set(
                try connection.query(
                    "SELECT id FROM \(table) WHERE township_id = ? AND id IN (SELECT value FROM json_each(?))",
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
