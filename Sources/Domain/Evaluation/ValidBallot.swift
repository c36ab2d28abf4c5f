/// A ballot that passed every rule of §5, in the shape the tally counts: each scored subject
/// with all three scores, and the picks with abstentions as nil. Only `BallotValidator` makes
/// one from user input; the memberwise initializer is for the store and for tests.
public struct ValidBallot: Sendable, Hashable {
    public var entries: [ScoreEntry]
    public var mostSatisfied: Picks
    public var leastSatisfied: Picks
    public var comment: String?

    public init(
        entries: [ScoreEntry], mostSatisfied: Picks = Picks(), leastSatisfied: Picks = Picks(),
        comment: String? = nil
    ) {
        self.entries = entries
        self.mostSatisfied = mostSatisfied
        self.leastSatisfied = leastSatisfied
        self.comment = comment
    }
}

/// The three scores one ballot gave one cadre or department.
public struct ScoreEntry: Sendable, Hashable {
    public var subject: SubjectKey
    public var villageTime: Int
    public var attitude: Int
    public var completion: Int

    public init(subject: SubjectKey, villageTime: Int, attitude: Int, completion: Int) {
        self.subject = subject
        self.villageTime = villageTime
        self.attitude = attitude
        self.completion = completion
    }

    public subscript(supervision: Supervision) -> Int {
        switch supervision {
        case .villageTime: villageTime
        case .attitude: attitude
        case .completion: completion
        }
    }
}
