import Domain
import Primitives

/// Spends the ballot codes of one group commit inside its write transaction (contract §5, §14):
/// one query for the rounds' states and one `UPDATE … RETURNING` for every code, rather than four
/// round trips per ballot (a savepoint, the round's state, the update, the release). Over a
/// socket each round trip costs both processes a wake-up, which is where a ballot's time went
/// (bench/RESULTS.md, "PostgreSQL (issue 18)"). A refused ballot writes nothing, so no savepoint
/// is needed.
enum PGCodeSpender {
    /// A receipt for each ballot of `batch` whose code it spent, the refusal for the others
    /// (round not open, code used, code replaced), in the order given.
    static func spend(_ batch: [BallotSession], _ connection: PGConnection) throws -> [Result<Receipt, any Error>] {
        let refusals = try refusalsOfRoundsNotOpen(batch, connection)
        let spent = try markVoted(batch.indices.filter { refusals[$0] == nil }.map { batch[$0] }, connection)
        // Answers as if the batch's ballots had come one after another in batch order: the first
        // ballot holding the stored token spends the row; one before it with another token found
        // the code replaced, one after it found it used.
        var results: [Result<Receipt, any Error>] = []
        var taken: Set<PanelKey> = []
        for (index, session) in batch.enumerated() {
            if let refusal = refusals[index] {
                results.append(.failure(refusal))
                continue
            }
            let key = PanelKey(round: session.round.id, evaluator: session.evaluatorID)
            if let stored = spent[key], !taken.contains(key) {
                if session.tokenHash == nil || session.tokenHash == stored {
                    taken.insert(key)
                    results.append(.success(Receipt.generate()))
                } else {
                    results.append(.failure(RoundError.codeReplaced))
                }
            } else if taken.contains(key) {
                results.append(.failure(RoundError.alreadyVoted))
            } else {
                results.append(.failure(try refusal(session, connection)))
            }
        }
        return results
    }

    /// Index in `batch` → the refusal of each ballot whose round is not open now.
    private static func refusalsOfRoundsNotOpen(_ batch: [BallotSession], _ connection: PGConnection) throws
        -> [Int: any Error]
    {
        var states: [Int64: RoundState] = [:]
        let roundIDs = arrayLiteral(Set(batch.map(\.round.id)).sorted())
        try connection.forEachRow("SELECT id, state FROM rounds WHERE id = ANY($1::bigint[])", [roundIDs]) {
            states[$0.int64(0)] = RoundState(rawValue: $0.string(1))
        }
        var refusals: [Int: any Error] = [:]
        for (index, session) in batch.enumerated() {
            var stored = session.round
            stored.state = states[stored.id] ?? .closed
            do { try stored.requireOpenForBallots() } catch { refusals[index] = error }
        }
        return refusals
    }

    /// Marks voted every panel row of `sessions` still unvoted whose token matches; (round,
    /// evaluator) → the token hash stored, for each row it marked.
    private static func markVoted(_ sessions: [BallotSession], _ connection: PGConnection) throws -> [PanelKey: [UInt8]]
    {
        guard !sessions.isEmpty else { return [:] }
        var spent: [PanelKey: [UInt8]] = [:]
        let sql = """
            UPDATE round_panel p SET voted = 1
            FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS u(round_id, evaluator_id, token_hash)
            WHERE p.round_id = u.round_id AND p.evaluator_id = u.evaluator_id AND p.voted = 0
              AND (u.token_hash IS NULL OR p.token_hash = decode(u.token_hash, 'hex'))
            RETURNING p.round_id, p.evaluator_id, p.token_hash
            """
        let hashes = "{" + sessions.map { $0.tokenHash.map(Hex.lowercase) ?? "NULL" }.joined(separator: ",") + "}"
        try connection.forEachRow(
            sql, [arrayLiteral(sessions.map(\.round.id)), arrayLiteral(sessions.map(\.evaluatorID)), hashes]
        ) { spent[PanelKey(round: $0.int64(0), evaluator: $0.int64(1))] = $0.isNull(2) ? [] : $0.blob(2) }
        return spent
    }

    /// Why the code of `session`, untouched by this batch, could not be spent: voted already, or
    /// the code was replaced by a new one.
    private static func refusal(_ session: BallotSession, _ connection: PGConnection) throws -> RoundError {
        let voted = try connection.queryOne(
            "SELECT voted FROM round_panel WHERE round_id = $1 AND evaluator_id = $2",
            [session.round.id, session.evaluatorID]
        ) { $0.bool(0) }
        return voted == false ? RoundError.codeReplaced : RoundError.alreadyVoted
    }

    private struct PanelKey: Hashable {
        var round: Int64
        var evaluator: Int64
    }

    /// `{1,2,3}`: PostgreSQL's text form of an array of integers.
    static func arrayLiteral(_ values: [Int64]) -> String {
        "{" + values.map(String.init).joined(separator: ",") + "}"
    }
}
