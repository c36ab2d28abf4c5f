import Domain
import Primitives
import Store

/// Ballot codes and casting in SQLite. Casting goes through the group committer: the code is
/// spent, the ballot stored in its slot (`BallotSlot`) and the aggregates updated in one durable
/// transaction shared with the ballots arriving together.
final class SQLiteBallotBox: BallotBox {
    let database: Database
    let committer: GroupCommitter
    let clock: any TimeSource
    /// Frozen subject lists never change once a round is open, so each is read once.
    private let frozen = FrozenSubjectsCache()

    init(database: Database, committer: GroupCommitter, clock: any TimeSource) {
        self.database = database
        self.committer = committer
        self.clock = clock
    }

    func session(tokenHash: [UInt8]) throws -> BallotSession? {
        try SQLiteStore.translating { try lookUp(tokenHash: tokenHash) }
    }

    private func lookUp(tokenHash: [UInt8]) throws -> BallotSession? {
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
            let round = try SQLRoundRepository.fetch(
                townshipID: member.township, id: member.round, lists: false, SQLiteSession(connection: connection))!
            return BallotSession(
                round: round, evaluatorID: member.evaluator,
                category: EvaluatorCategory(rawValue: member.category) ?? .deputy,
                voted: member.voted, tokenHash: tokenHash)
        }
    }

    func session(round: Round, evaluatorID: Int64) throws -> BallotSession? {
        try SQLiteStore.translating { try lookUp(round: round, evaluatorID: evaluatorID) }
    }

    private func lookUp(round: Round, evaluatorID: Int64) throws -> BallotSession? {
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

    func subjects(roundID: Int64) throws -> FrozenSubjects {
        if let cached = frozen.get(roundID) { return cached }
        let (subjects, opened) = try SQLiteStore.translating {
            try database.read { connection in
                let state = try connection.queryOne("SELECT state FROM rounds WHERE id = ?", [roundID]) { $0.string(0) }
                return (try FrozenSubjects.load(roundID: roundID, connection), state != nil && state != "draft")
            }
        }
        if opened { frozen.set(roundID, subjects) }
        return subjects
    }

    func cast(_ ballot: ValidBallot, session: BallotSession) throws -> String {
        try SQLiteStore.translating { try committer.submit(Self.castJob(ballot, session: session, day: clock.today())) }
    }

    func cast(
        _ ballot: ValidBallot, session: BallotSession,
        completion: @escaping @Sendable (Result<String, any Error>) -> Void
    ) {
        committer.enqueue(Self.castJob(ballot, session: session, day: clock.today())) { result in
            completion(result.mapError(SQLiteStore.translate))
        }
    }

    private static func castJob(
        _ ballot: ValidBallot, session: BallotSession, day: String
    ) -> (Connection, inout PendingTallies) throws -> String {
        let roundID = session.round.id
        let evaluatorID = session.evaluatorID
        let tokenHash = session.tokenHash
        return { connection, tallies in
            let state = try connection.queryOne("SELECT state FROM rounds WHERE id = ?", [roundID]) { $0.string(0) }
            var stored = session.round
            stored.state = RoundState(rawValue: state ?? "") ?? .closed
            try stored.requireOpenForBallots()
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
            let slot = try SQLiteBallotRepository.drawEmptySlot(roundID: roundID, connection)
            guard let body = BallotSlot.body(ballot, category: session.category, day: day, size: slot.size)
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
}
