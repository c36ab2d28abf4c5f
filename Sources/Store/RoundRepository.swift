import Domain

/// Rounds and their lifecycle (contract §4, §7). State changes follow `Round.transition(to:at:)`.
public protocol RoundRepository {
    func create(_ round: Round) throws -> Round
    func get(townshipID: Int64, id: Int64) throws -> Round?
    func list(townshipID: Int64, after: Int64?, limit: Int) throws -> (items: [Round], next: Int64?)
    /// Replaces a draft's editable fields; `RoundError.wrongState` once it has opened.
    func update(_ round: Round) throws -> Round
    /// Opens a draft: freezes the subject lists (at most `subjectLimit`) and the panel, lays out
    /// the ballot places, and gives every panel member a code from `newCode` (shown, stored hash).
    func open(townshipID: Int64, id: Int64, subjectLimit: Int, newCode: () -> (code: String, hash: [UInt8]))
        throws -> [IssuedCode]
    /// A new code for a lost slip; the old one stops working. `alreadyVoted` once used.
    func reissue(townshipID: Int64, roundID: Int64, evaluatorID: Int64, code: String, hash: [UInt8]) throws
        -> IssuedCode
    /// Moves an open round to closed: no ballot is accepted afterwards.
    func close(townshipID: Int64, id: Int64) throws -> Round
    /// Moves a closed round to published with the committee's commentary.
    func publish(townshipID: Int64, id: Int64, commentary: String) throws -> Round
    /// Stores a round's frozen document (once per kind).
    func saveDocument(_ body: [UInt8], kind: RoundDocumentKind, roundID: Int64) throws
    func document(_ kind: RoundDocumentKind, roundID: Int64) throws -> [UInt8]?
    /// Rounds of every township by state (for `/metrics`).
    func countByState() throws -> [RoundState: Int]
    /// The township's published rounds, newest first.
    func published(townshipID: Int64) throws -> [Round]
}

/// The two documents a round keeps: results frozen at close, the public board at publish.
public enum RoundDocumentKind: String, Sendable {
    case results
    case `public`
}
