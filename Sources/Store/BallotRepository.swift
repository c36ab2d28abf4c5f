import Domain

/// What a transaction can read of a round's ballots (contract §4–§6): never who cast what.
public protocol BallotRepository {
    /// The subjects a round was opened with (empty for a draft).
    func subjects(roundID: Int64) throws -> FrozenSubjects
    func turnout(roundID: Int64) throws -> Turnout
    /// Every counted receipt of the round, sorted, as displayed.
    func receipts(roundID: Int64) throws -> [String]
    /// Ballots per evaluator category.
    func ballotsByCategory(roundID: Int64) throws -> [EvaluatorCategory: Int]
    /// The running aggregates, updated with every ballot.
    func tally(roundID: Int64) throws -> Tally
    /// The tally rebuilt from the stored ballots themselves.
    func recount(roundID: Int64) throws -> Tally
}

/// Ballot codes and casting. A cast spends the code, stores the ballot and updates the
/// aggregates in one durable transaction, shared with other ballots arriving together.
public protocol BallotBox: Sendable {
    /// The holder of the code with this hash, or nil for an unknown (or replaced) code.
    func session(tokenHash: [UInt8]) throws -> BallotSession?
    /// The panel member `evaluatorID` of a round (paper ballots), as a session.
    func session(round: Round, evaluatorID: Int64) throws -> BallotSession?
    /// The round's frozen subjects (cached once the round has opened).
    func subjects(roundID: Int64) throws -> FrozenSubjects
    /// Stores one valid ballot; `completion` gets the receipt once it is durable, or
    /// `RoundError.alreadyVoted` / `.wrongState` / `.codeReplaced`.
    func cast(
        _ ballot: ValidBallot, session: BallotSession,
        completion: @escaping @Sendable (Result<String, any Error>) -> Void)
    /// `cast` waiting for the result.
    func cast(_ ballot: ValidBallot, session: BallotSession) throws -> String
}
