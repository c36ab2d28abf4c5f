/// The ballot code's side of a round: who holds it, and whether it has been used. A session
/// found by its code carries the round without its id lists (`round.evaluatorIDs` is empty,
/// the subject lists nil: `BallotBox.subjects` has what was frozen).
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

    public init(panel: [(evaluatorID: Int64, category: EvaluatorCategory, voted: Bool)]) {
        self.panel = panel
    }

    public var voted: Int { panel.filter(\.voted).count }
}
