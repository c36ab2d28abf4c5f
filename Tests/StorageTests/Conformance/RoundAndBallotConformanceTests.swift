import Domain
import Store
import Testing

/// `RoundRepository`, `BallotRepository` and `BallotBox` behaviour every backend must have: the
/// lifecycle, one vote per code, and tallies that equal a recount.
@Suite struct RoundAndBallotConformanceTests {
    @Test(arguments: StoreBackend.all)
    func theLifecycleOnlyMovesForward(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        var round = try f.draft()
        round.title = "改过的标题"
        #expect(try f.store.write { try $0.rounds.update(round) }.title == "改过的标题")
        _ = try f.open(round)
        #expect(throws: RoundError.wrongState(.open, "the round has already been opened")) { try f.open(round) }
        #expect(throws: RoundError.wrongState(.open, "only a draft round can be edited")) {
            try f.store.write { try $0.rounds.update(round) }
        }
        #expect(throws: RoundError.wrongState(.open, "only a closed round can be published")) {
            try f.store.write { try $0.rounds.publish(townshipID: f.township.id, id: round.id, commentary: "") }
        }
        f.clock.advance(by: 60)
        let closed = try f.store.write { try $0.rounds.close(townshipID: f.township.id, id: round.id) }
        #expect(closed.state == .closed && closed.closedAt == "2026-12-06T12:27:40Z")
        try f.store.write { try $0.rounds.saveDocument([1, 2, 3], kind: .results, roundID: round.id) }
        #expect(try f.store.read { try $0.rounds.document(.results, roundID: round.id) } == [1, 2, 3])
        let published = try f.store.write {
            try $0.rounds.publish(townshipID: f.township.id, id: round.id, commentary: "讲评")
        }
        #expect(published.state == .published && published.commentary == "讲评")
        #expect(try f.store.read { try $0.rounds.published(townshipID: f.township.id) }.map(\.id) == [round.id])
        #expect(try f.store.read { try $0.rounds.countByState() } == [.published: 1])
        #expect(throws: RoundError.notFound) {
            try f.store.write { try $0.rounds.close(townshipID: f.township.id, id: 999) }
        }
    }

    @Test(arguments: StoreBackend.all)
    func aCodeVotesOnceAndTheTallyEqualsARecount(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let round = try f.draft()
        let hashes = try f.open(round)
        let box = f.store.ballotBox
        var receipts: [String] = []
        for (index, evaluator) in f.evaluators.prefix(3).enumerated() {
            let session = try #require(try box.session(tokenHash: hashes[evaluator]!))
            #expect(session.evaluatorID == evaluator && !session.voted)
            receipts.append(try box.cast(f.ballot(score: 60 + index), session: session))
        }
        let again = try #require(try box.session(tokenHash: hashes[f.evaluators[0]]!))
        #expect(again.voted)
        #expect(throws: RoundError.alreadyVoted) { try box.cast(f.ballot(score: 1), session: again) }
        #expect(try box.session(tokenHash: [0, 0, 0]) == nil)
        let read = try f.store.read { transaction in
            (
                receipts: try transaction.ballots.receipts(roundID: round.id),
                byCategory: try transaction.ballots.ballotsByCategory(roundID: round.id),
                tally: try transaction.ballots.tally(roundID: round.id),
                recount: try transaction.ballots.recount(roundID: round.id),
                voted: try transaction.ballots.turnout(roundID: round.id).voted,
                cadres: try transaction.ballots.subjects(roundID: round.id).cadres.map(\.name)
            )
        }
        #expect(read.receipts == receipts.sorted())
        #expect(read.byCategory == [.deputy: 3])
        #expect(read.tally == read.recount && read.tally != Tally())
        #expect(read.voted == 3)
        #expect(read.cadres == ["张三", "李四"])
        _ = try f.store.write { try $0.rounds.close(townshipID: f.township.id, id: round.id) }
        let late = try #require(try box.session(tokenHash: hashes[f.evaluators[3]]!))
        #expect(throws: RoundError.wrongState(.closed, "the round is not open for ballots")) {
            try box.cast(f.ballot(score: 1), session: late)
        }
        #expect(try f.store.read { try $0.ballots.receipts(roundID: round.id) }.count == 3)
    }

    /// A panel of 250 is stored in several multi-row inserts (100 rows each): every member gets
    /// their own code, and the last member's code votes as the first's does.
    @Test(arguments: StoreBackend.all)
    func aPanelLargerThanOneInsertGetsEveryCode(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend, evaluators: 250)
        let hashes = try f.open(try f.draft())
        #expect(hashes.count == 250)
        let box = f.store.ballotBox
        for evaluator in [f.evaluators[0], f.evaluators[99], f.evaluators[100], f.evaluators[249]] {
            let session = try #require(try box.session(tokenHash: hashes[evaluator]!))
            #expect(session.evaluatorID == evaluator && !session.voted)
        }
        let last = try #require(try box.session(tokenHash: hashes[f.evaluators[249]]!))
        _ = try box.cast(f.ballot(score: 80), session: last)
        #expect(try box.session(tokenHash: hashes[f.evaluators[249]]!)?.voted == true)
    }

    @Test(arguments: StoreBackend.all)
    func aReissuedCodeReplacesTheOldOneUntilUsed(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let round = try f.draft()
        let hashes = try f.open(round)
        let evaluator = f.evaluators[0]
        let issued = try f.store.write {
            try $0.rounds.reissue(
                townshipID: f.township.id, roundID: round.id, evaluatorID: evaluator, code: "new", hash: [9, 9])
        }
        #expect(issued.evaluatorID == evaluator)
        #expect(try f.store.ballotBox.session(tokenHash: hashes[evaluator]!) == nil)
        let session = try #require(try f.store.ballotBox.session(tokenHash: [9, 9]))
        _ = try f.store.ballotBox.cast(f.ballot(score: 50), session: session)
        #expect(throws: RoundError.alreadyVoted) {
            try f.store.write {
                try $0.rounds.reissue(
                    townshipID: f.township.id, roundID: round.id, evaluatorID: evaluator, code: "x", hash: [8])
            }
        }
        #expect(throws: RoundError.notOnPanel(evaluatorID: 999)) {
            try f.store.write {
                try $0.rounds.reissue(
                    townshipID: f.township.id, roundID: round.id, evaluatorID: 999, code: "x", hash: [7])
            }
        }
    }
}
