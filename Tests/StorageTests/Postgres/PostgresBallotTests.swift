import Dispatch
import Domain
import PostgresStorage
import Primitives
import Store
import Testing

/// The ballot rules of contract §14 on PostgreSQL: one vote per code across instances, and no
/// order of voting left in the table once a round closes.
@Suite(.requiresPostgres)
struct PostgresBallotTests {
    /// A PostgreSQL backend whose every store opens the same database, as several instances do.
    static func sharedDatabase() throws -> (backend: StoreBackend, conninfo: String) {
        let conninfo = try PGFixture.database()
        let backend = StoreBackend(name: "PostgreSQL") { _, clock in
            try PostgresStore(conninfo: conninfo, clock: clock, poolSize: 4)
        }
        return (backend, conninfo)
    }

    @Test func fiftySimultaneousBallotsForOneCode_OverThreeInstances_CountOnce() throws {
        let (backend, conninfo) = try Self.sharedDatabase()
        let f = try StoreFixture(backend)
        let round = try f.draft()
        let hashes = try f.open(round)
        let instances: [any DataStore] = [f.store] + (try (0..<2).map { _ in try PostgresStore(conninfo: conninfo) })
        let hash = hashes[f.evaluators[0]]!
        let outcomes = Locked<[Result<String, RoundError>]>([])
        let others = Locked<[String]>([])
        let ballot = f.ballot(score: 70)
        DispatchQueue.concurrentPerform(iterations: 50) { attempt in
            let box = instances[attempt % 3].ballotBox
            do {
                guard let session = try box.session(tokenHash: hash) else {
                    return others.withLock { $0.append("no session") }
                }
                let receipt = try box.cast(ballot, session: session)
                outcomes.withLock { $0.append(.success(receipt)) }
            } catch let error as RoundError {
                outcomes.withLock { $0.append(.failure(error)) }
            } catch {
                others.withLock { $0.append("\(error)") }
            }
        }
        #expect(others.withLock { $0 } == [])
        let results = outcomes.withLock { $0 }
        #expect(results.count == 50)
        #expect(results.filter { (try? $0.get()) != nil }.count == 1)
        #expect(results.allSatisfy { result in (try? result.get()) != nil || result == .failure(.alreadyVoted) })
        let read = try instances[2].read { transaction in
            (
                receipts: try transaction.ballots.receipts(roundID: round.id),
                tally: try transaction.ballots.tally(roundID: round.id),
                recount: try transaction.ballots.recount(roundID: round.id)
            )
        }
        #expect(read.receipts.count == 1)
        #expect(read.tally == read.recount)
    }

    /// The ballot writer has a session of its own: a ballot is committed while every session of
    /// the store's pool is taken (it used to wait for one, and here time out after 5 s).
    @Test func aBallotIsWritten_WhileEveryPooledSessionIsBusy() throws {
        let conninfo = try PGFixture.database()
        let backend = StoreBackend(name: "PostgreSQL") { _, clock in
            try PostgresStore(conninfo: conninfo, clock: clock, poolSize: 1)
        }
        let f = try StoreFixture(backend)
        let store = try #require(f.store as? PostgresStore)
        let round = try f.draft()
        let hashes = try f.open(round)
        let box = f.store.ballotBox
        let session = try #require(try box.session(tokenHash: hashes[f.evaluators[0]]!))
        let receipt = try store.pool.withConnection { _ in try box.cast(f.ballot(score: 70), session: session) }
        #expect(try f.store.read { try $0.ballots.receipts(roundID: round.id) } == [receipt])
    }

    @Test func closing_RewritesTheRoundsBallotsInReceiptOrder() throws {
        let (backend, conninfo) = try Self.sharedDatabase()
        let f = try StoreFixture(backend, evaluators: 12)
        let round = try f.draft()
        let hashes = try f.open(round)
        for (index, evaluator) in f.evaluators.enumerated() {
            let session = try #require(try f.store.ballotBox.session(tokenHash: hashes[evaluator]!))
            _ = try f.store.ballotBox.cast(f.ballot(score: 50 + index), session: session)
        }
        _ = try f.store.write { try $0.rounds.close(townshipID: f.township.id, id: round.id) }
        let connection = try PGConnection(conninfo: conninfo)
        let physical = try connection.query(
            "SELECT receipt FROM ballots WHERE round_id = $1 ORDER BY ctid", [round.id]
        ) { $0.string(0) }
        #expect(physical.count == 12)
        #expect(physical == physical.sorted())
        let read = try f.store.read { transaction in
            (try transaction.ballots.tally(roundID: round.id), try transaction.ballots.recount(roundID: round.id))
        }
        #expect(read.0 == read.1)
    }
}
