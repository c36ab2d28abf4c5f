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

    public init(evaluatorID: Int64, name: String, code: String) {
        self.evaluatorID = evaluatorID
        self.name = name
        self.code = code
    }
}
