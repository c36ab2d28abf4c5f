import Domain

extension RoundError: ProblemConvertible {
    var problem: APIError {
        switch self {
        case .notFound:
            .notFound("No such round in this township.")
        case .wrongState(let state, let why):
            APIError.conflict("The round is \(state.rawValue): \(why).").typed("round-state")
        case .invalid(let errors):
            .invalid(errors)
        case .alreadyVoted:
            APIError.conflict("This ballot code has already been used to vote.").typed("already-voted")
        case .codeReplaced:
            .unauthorized("The ballot code is unknown or has been replaced.")
        case .notOnPanel(let evaluatorID):
            .notFound("Evaluator \(evaluatorID) is not on this round's panel.")
        }
    }
}
