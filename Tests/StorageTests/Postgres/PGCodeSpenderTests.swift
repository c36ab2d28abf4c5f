import Domain
import Store
import Testing

@testable import PostgresStorage

/// One group commit's codes spent with one statement (`PGCodeSpender`) answer as if the batch's
/// ballots had come one after another.
@Suite(.requiresPostgres)
struct PGCodeSpenderTests {
    @Test func oneBatch_AnswersEachBallotAsIfTheyCameInTurn() throws {
        let f = try StoreFixture(.postgres)
        let store = try #require(f.store as? PostgresStore)
        let round = try f.draft()
        let hashes = try f.open(round)
        let draft = try f.draft()
        let box = f.store.ballotBox
        let first = try #require(try box.session(tokenHash: hashes[f.evaluators[0]]!))
        let second = try #require(try box.session(tokenHash: hashes[f.evaluators[1]]!))
        var stale = second
        stale.tokenHash = Array(repeating: 7, count: 32)
        var paper = try #require(try box.session(round: round, evaluatorID: f.evaluators[2]))
        paper.tokenHash = nil
        let unopened = BallotSession(round: draft, evaluatorID: f.evaluators[3], category: .deputy, voted: false)

        let batch = [first, first, stale, second, stale, paper, unopened]
        let results = try store.pool.withConnection { connection in
            try connection.inTransaction(.write) { try PGCodeSpender.spend(batch, $0) }
        }
        #expect(
            Self.refusals(results) == [
                nil, .alreadyVoted, .codeReplaced, nil, .alreadyVoted, nil,
                .wrongState(.draft, "the round is not open for ballots"),
            ])
        let voted = try f.store.read { try $0.ballots.turnout(roundID: round.id) }.panel.filter(\.voted)
        #expect(voted.map(\.evaluatorID) == Array(f.evaluators.prefix(3)))

        let again = try store.pool.withConnection { connection in
            try connection.inTransaction(.write) { try PGCodeSpender.spend([first, stale], $0) }
        }
        #expect(Self.refusals(again) == [.alreadyVoted, .alreadyVoted])
    }

    /// nil for a receipt, else the refusal.
    static func refusals(_ results: [Result<Receipt, any Error>]) -> [RoundError?] {
        results.map { result in
            guard case .failure(let error) = result else { return nil }
            return error as? RoundError ?? .invalid([])
        }
    }
}
