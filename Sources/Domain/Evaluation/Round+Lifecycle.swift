/// The round's lifecycle rules (contract §4), in one place: every layer asks the round itself
/// whether a step is allowed, so the storage backends and the routes cannot disagree.
extension RoundState {
    /// The one state this state may move to; nil once published.
    public var next: RoundState? {
        switch self {
        case .draft: .open
        case .open: .closed
        case .closed: .published
        case .published: nil
        }
    }
}

extension Round {
    /// Moves the round one step forward to `target`, stamping `time` (RFC 3339) on the step.
    /// - Throws: `RoundError.wrongState` (409) for any other step, with the reason shown to the client.
    public mutating func transition(to target: RoundState, at time: String) throws(RoundError) {
        guard state.next == target else { throw RoundError.wrongState(state, Self.refusal(from: state, to: target)) }
        state = target
        switch target {
        case .draft: break
        case .open: openedAt = time
        case .closed: closedAt = time
        case .published: publishedAt = time
        }
    }

    /// Only a draft may be edited.
    public func requireEditable() throws(RoundError) {
        guard state == .draft else { throw RoundError.wrongState(state, "only a draft round can be edited") }
    }

    /// Codes are reissued only while the round is open.
    public func requireOpenForReissue() throws(RoundError) {
        guard state == .open else {
            throw RoundError.wrongState(state, "codes can only be reissued while the round is open")
        }
    }

    /// Ballots are accepted only while the round is open.
    public func requireOpenForBallots() throws(RoundError) {
        guard state == .open else { throw RoundError.wrongState(state, "the round is not open for ballots") }
    }

    static func refusal(from state: RoundState, to target: RoundState) -> String {
        switch target {
        case .draft: "a round never returns to draft"
        case .open: "the round has already been opened"
        case .closed: "only an open round can be closed"
        case .published: state == .published ? "the round is already published" : "only a closed round can be published"
        }
    }
}
