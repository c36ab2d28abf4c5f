import Domain

/// The ballot code's side of a round: who holds it, and whether it has been used. A session
/// found by its code carries the round without its id lists (`round.evaluatorIDs` is empty,
/// the subject lists nil: `BallotStore.subjects` has what was frozen).
public struct BallotSession: Sendable {
    public var round: Round
    public var evaluatorID: Int64
    public var category: EvaluatorCategory
    public var voted: Bool
    /// The hash of the code this session was found by; nil for a paper ballot, which a township
    /// admin enters for the evaluator. Casting spends the slot only while it still holds this
    /// code, so a reissue racing the ballot cannot leave both the ballot and a new code standing.
    public var tokenHash: [UInt8]?

    public init(
        round: Round, evaluatorID: Int64, category: EvaluatorCategory, voted: Bool, tokenHash: [UInt8]? = nil
    ) {
        self.round = round
        self.evaluatorID = evaluatorID
        self.category = category
        self.voted = voted
        self.tokenHash = tokenHash
    }
}

/// Turnout of a round (contract §4): counts only, never a tally before close.
public struct Turnout: Sendable {
    public var panel: [(evaluatorID: Int64, category: EvaluatorCategory, voted: Bool)]
    public var voted: Int { panel.filter(\.voted).count }
}

/// Casting ballots and reading a round's tallies. Casting goes through the group committer:
/// the code is spent, the ballot stored and the aggregates updated in one durable transaction.
public struct BallotStore: Sendable {
    let database: Database
    let committer: GroupCommitter
    /// Frozen subject lists never change once a round is open, so each is read once.
    private let frozen = FrozenSubjectsCache()

    public init(database: Database, committer: GroupCommitter) {
        self.database = database
        self.committer = committer
    }

    /// The holder of the code with this hash, or nil for an unknown (or replaced) code.
    public func session(tokenHash: [UInt8]) throws -> BallotSession? {
        try database.read { connection in
            guard
                let member = try connection.queryOne(
                    """
                    SELECT p.round_id, r.township_id, p.evaluator_id, p.category, p.voted
                    FROM round_panel p JOIN rounds r ON r.id = p.round_id WHERE p.token_hash = ?
                    """, [tokenHash],
                    {
                        (
                            round: $0.int64(0), township: $0.int64(1), evaluator: $0.int64(2), category: $0.string(3),
                            voted: $0.bool(4)
                        )
                    })
            else { return nil }
            // Every ballot passes here: skip the panel and subject id lists, O(panel) to decode.
            let round = try RoundStore.fetch(townshipID: member.township, id: member.round, lists: false, connection)!
            return BallotSession(
                round: round, evaluatorID: member.evaluator,
                category: EvaluatorCategory(rawValue: member.category) ?? .deputy,
                voted: member.voted, tokenHash: tokenHash)
        }
    }

    /// The panel member `evaluatorID` of a round (paper ballots), as a session.
    public func session(round: Round, evaluatorID: Int64) throws -> BallotSession? {
        try database.read { connection in
            try connection.queryOne(
                "SELECT category, voted FROM round_panel WHERE round_id = ? AND evaluator_id = ?",
                [round.id, evaluatorID]
            ) {
                BallotSession(
                    round: round, evaluatorID: evaluatorID,
                    category: EvaluatorCategory(rawValue: $0.string(0)) ?? .deputy, voted: $0.bool(1))
            }
        }
    }

    /// The subjects a round was opened with (empty for a draft, which has none yet).
    public func subjects(roundID: Int64) throws -> FrozenSubjects {
        if let cached = frozen.get(roundID) { return cached }
        let (subjects, opened) = try database.read { connection in
            let state = try connection.queryOne("SELECT state FROM rounds WHERE id = ?", [roundID]) { $0.string(0) }
            return (try FrozenSubjects.load(roundID: roundID, connection), state != nil && state != "draft")
        }
        if opened { frozen.set(roundID, subjects) }
        return subjects
    }

    /// Stores one valid ballot for the session's evaluator and returns its receipt once it is
    /// durable. Exactly one ballot per code, decided inside the write transaction: a second →
    /// `alreadyVoted`, a round that is no longer open → `wrongState`, a code reissued since the
    /// session was looked up → `codeReplaced`.
    public func cast(_ ballot: ValidBallot, session: BallotSession) throws -> String {
        try committer.submit(castJob(ballot, session: session))
    }

    /// `cast` without waiting: `completion` gets the receipt or the error once the ballot's
    /// group commit is durable (on the writer thread; keep it short).
    public func cast(
        _ ballot: ValidBallot, session: BallotSession,
        completion: @escaping @Sendable (Result<String, any Error>) -> Void
    ) {
        committer.enqueue(castJob(ballot, session: session), completion: completion)
    }

    private func castJob(
        _ ballot: ValidBallot, session: BallotSession
    ) -> (Connection, inout PendingTallies) throws -> String {
        let roundID = session.round.id
        let evaluatorID = session.evaluatorID
        let tokenHash = session.tokenHash
        return { connection, tallies in
            let state = try connection.queryOne("SELECT state FROM rounds WHERE id = ?", [roundID]) { $0.string(0) }
            guard state == RoundState.open.rawValue else {
                throw RoundError.wrongState(
                    RoundState(rawValue: state ?? "") ?? .closed, "the round is not open for ballots")
            }
            let spent =
                if let tokenHash {
                    try connection.run(
                        """
                        UPDATE round_panel SET voted = 1
                        WHERE round_id = ? AND evaluator_id = ? AND voted = 0 AND token_hash = ?
                        """, [roundID, evaluatorID, tokenHash])
                } else {
                    try connection.run(
                        "UPDATE round_panel SET voted = 1 WHERE round_id = ? AND evaluator_id = ? AND voted = 0",
                        [roundID, evaluatorID])
                }
            guard spent == 1 else {
                let voted = try connection.queryOne(
                    "SELECT voted FROM round_panel WHERE round_id = ? AND evaluator_id = ?", [roundID, evaluatorID]
                ) { $0.bool(0) }
                throw voted == false ? RoundError.codeReplaced : RoundError.alreadyVoted
            }
            let slot = try Self.drawEmptySlot(roundID: roundID, connection)
            guard let body = BallotSlot.body(ballot, category: session.category, day: Clock.today(), size: slot.size)
            else { throw StoreError.misuse("a ballot larger than its round's slots", sql: nil) }
            guard
                try connection.run(
                    "UPDATE ballots SET filled = 1, body = ? WHERE slot = ? AND filled = 0", [body, slot.id]) == 1
            else { throw StoreError.misuse("a drawn slot was already filled", sql: nil) }
            let receipt = slot.receipt
            tallies.add(ballot, roundID: roundID, category: session.category)
            return Receipt(receipt)?.display ?? receipt
        }
    }

    /// An empty slot of the round drawn uniformly at random (see `BallotSlot`). A round's slots
    /// were made in one transaction, so their ids mostly form one range: ids drawn from it are
    /// tried first, and a scan of the round's slots settles the rare run of misses.
    static func drawEmptySlot(roundID: Int64, _ connection: Connection) throws -> (
        id: Int64, size: Int, receipt: String
    ) {
        var random = SystemRandomNumberGenerator()
        let range = try connection.queryOne(
            "SELECT min(slot), max(slot) FROM ballots WHERE round_id = ?", [roundID]
        ) { $0.isNull(0) ? nil : $0.int64(0)...$0.int64(1) }
        guard let range = range ?? nil else { throw StoreError.misuse("an open round without slots", sql: nil) }
        for _ in 0..<64 {
            let id = Int64.random(in: range, using: &random)
            if let slot = try connection.queryOne(
                "SELECT length(body), receipt FROM ballots WHERE slot = ? AND round_id = ? AND filled = 0",
                [id, roundID],
                { (id: id, size: $0.int(0), receipt: $0.string(1)) })
            {
                return slot
            }
        }
        let empty = try connection.query(
            "SELECT slot, length(body), receipt FROM ballots WHERE round_id = ? AND filled = 0", [roundID]
        ) { (id: $0.int64(0), size: $0.int(1), receipt: $0.string(2)) }
        guard let slot = empty.randomElement(using: &random) else {
            throw StoreError.misuse("an open round without an empty slot", sql: nil)
        }
        return slot
    }

    public func turnout(roundID: Int64) throws -> Turnout {
        try database.read { connection in
            Turnout(
                panel: try connection.query(
                    "SELECT evaluator_id, category, voted FROM round_panel WHERE round_id = ? ORDER BY evaluator_id",
                    [roundID]
                ) {
                    (
                        evaluatorID: $0.int64(0), category: EvaluatorCategory(rawValue: $0.string(1)) ?? .deputy,
                        voted: $0.bool(2)
                    )
                })
        }
    }

    /// Every counted receipt of a round, sorted (the board lists them).
    public static func receipts(roundID: Int64, _ connection: Connection) throws -> [String] {
        try connection.query(
            "SELECT receipt FROM ballots WHERE round_id = ? AND filled = 1 ORDER BY receipt", [roundID]
        ) {
            Receipt($0.string(0))?.display ?? $0.string(0)
        }
    }

    /// Ballots per evaluator category.
    public static func ballotsByCategory(roundID: Int64, _ connection: Connection) throws -> [EvaluatorCategory: Int] {
        var counts: [EvaluatorCategory: Int] = [:]
        try connection.forEachRow(
            "SELECT substr(body, 1, 1) FROM ballots WHERE round_id = ? AND filled = 1", [roundID]
        ) {
            if let category = BallotSlot.category(of: $0.blob(0)) { counts[category, default: 0] += 1 }
        }
        return counts
    }

    /// The tally rebuilt from the stored ballots themselves, to check the running aggregates.
    public static func recount(roundID: Int64, _ connection: Connection) throws -> Tally {
        var tally = Tally()
        try connection.forEachRow("SELECT body FROM ballots WHERE round_id = ? AND filled = 1", [roundID]) { row in
            guard let (category, ballot) = BallotSlot.decode(row.blob(0)) else { return }
            tally.record(ballot: ballot, category: category)
        }
        return tally
    }
}

extension BallotStore {
    /// Whether the running aggregates equal a full recount from the stored ballots, and how many
    /// ballots there are (one consistent snapshot).
    public func recountMatches(roundID: Int64) throws -> (matches: Bool, ballots: Int) {
        try database.read { connection in
            let recounted = try Self.recount(roundID: roundID, connection)
            let running = try Self.tally(roundID: roundID, connection)
            let ballots =
                try connection.queryOne("SELECT count(*) FROM ballots WHERE round_id = ? AND filled = 1", [roundID]) {
                    $0.int(0)
                } ?? 0
            return (recounted == running, ballots)
        }
    }
}
