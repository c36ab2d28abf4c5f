import Domain
import Primitives
import Storage

#if canImport(Glibc)
    import Glibc
#endif

/// One durable write transaction for all the ballots waiting together (contract §5, §14), on a
/// thread of its own, as SQLite's `GroupCommitter`.
///
/// A batch spends each ballot's code in a savepoint (a refused ballot — already voted, round
/// closed — rolls back alone), then inserts every accepted ballot with one statement in random
/// order, so the heap order inside a commit says nothing about who voted first, then updates
/// each touched round's running aggregates. Results reach each caller only after COMMIT.
final class PGGroupCommitter: @unchecked Sendable {
    // @unchecked: `queue` and `stopped` are only touched while holding `lock`; everything else
    // is immutable or used only by the committer thread.
    struct Job {
        var ballot: ValidBallot
        var session: BallotSession
        var day: String
        var completion: @Sendable (Result<String, any Error>) -> Void
    }

    private let pool: PGPool
    private let lock = Lock()
    private var queue: [Job] = []
    private var stopped = false
    private let maxBatch: Int

    init(pool: PGPool, maxBatch: Int = 256) {
        self.pool = pool
        self.maxBatch = maxBatch
        startThread { [self] in run() }
    }

    func enqueue(_ job: Job) {
        let accepted = lock.withLock {
            guard !stopped else { return false }
            queue.append(job)
            lock.signalAll()
            return true
        }
        if !accepted { job.completion(.failure(PGError.misuse("the ballot writer is stopped", sql: nil))) }
    }

    /// Lets queued ballots finish, then ends the thread.
    func stop() {
        lock.withLock {
            stopped = true
            lock.signalAll()
        }
    }

    private func run() {
        while let batch = nextBatch() { commit(batch) }
    }

    private func nextBatch() -> [Job]? {
        lock.withLock {
            while queue.isEmpty && !stopped { lock.wait() }
            if queue.isEmpty { return nil }
            let batch = Array(queue.prefix(maxBatch))
            queue.removeFirst(batch.count)
            return batch
        }
    }

    private func commit(_ batch: [Job]) {
        var results: [Result<String, any Error>] = []
        do {
            try pool.withTransaction(.write) { connection in
                var accepted: [(receipt: Receipt, job: Job)] = []
                results = batch.map { job in
                    Result { try connection.withSavepoint { try Self.spendCode(job, $0) } }.map { receipt in
                        accepted.append((receipt, job))
                        return receipt.display
                    }
                }
                try Self.insert(accepted.shuffled(), connection)
                try Self.count(accepted.map(\.job), connection)
            }
        } catch {
            results = batch.map { _ in .failure(error) }
        }
        for (job, result) in zip(batch, results) { job.completion(result.mapError(PostgresStore.translate)) }
    }

    /// Checks the round is open and spends the code; the ballot's receipt.
    private static func spendCode(_ job: Job, _ connection: PGConnection) throws -> Receipt {
        let roundID = job.session.round.id
        let evaluatorID = job.session.evaluatorID
        let state = try connection.queryOne("SELECT state FROM rounds WHERE id = $1", [roundID]) { $0.string(0) }
        var stored = job.session.round
        stored.state = RoundState(rawValue: state ?? "") ?? .closed
        try stored.requireOpenForBallots()
        let spent =
            if let tokenHash = job.session.tokenHash {
                try connection.run(
                    """
                    UPDATE round_panel SET voted = 1
                    WHERE round_id = $1 AND evaluator_id = $2 AND voted = 0 AND token_hash = $3
                    """, [roundID, evaluatorID, tokenHash])
            } else {
                try connection.run(
                    "UPDATE round_panel SET voted = 1 WHERE round_id = $1 AND evaluator_id = $2 AND voted = 0",
                    [roundID, evaluatorID])
            }
        guard spent == 1 else {
            let voted = try connection.queryOne(
                "SELECT voted FROM round_panel WHERE round_id = $1 AND evaluator_id = $2", [roundID, evaluatorID]
            ) { $0.bool(0) }
            throw voted == false ? RoundError.codeReplaced : RoundError.alreadyVoted
        }
        return Receipt.generate()
    }

    /// One multi-row INSERT in the order given (the caller shuffles).
    private static func insert(_ ballots: [(receipt: Receipt, job: Job)], _ connection: PGConnection) throws {
        guard !ballots.isEmpty else { return }
        var rows: [String] = []
        var values: [any SQLBindable] = []
        for (receipt, job) in ballots {
            let first = values.count
            rows.append("($\(first + 1), $\(first + 2), $\(first + 3), $\(first + 4), $\(first + 5))")
            values += [
                receipt.value, job.session.round.id, job.session.category.rawValue, job.day,
                BallotCoding.bytes(job.ballot),
            ]
        }
        try connection.run(
            "INSERT INTO ballots (receipt, round_id, category, cast_on, content) VALUES \(rows.joined(separator: ", "))",
            values)
    }

    /// Counts the accepted ballots into their rounds' running aggregates.
    private static func count(_ jobs: [Job], _ connection: PGConnection) throws {
        var rounds: [Int64: RoundTallies] = [:]
        for job in jobs {
            let roundID = job.session.round.id
            if rounds[roundID] == nil { rounds[roundID] = try PGTallyTable.load(roundID: roundID, connection) }
            rounds[roundID]!.record(job.ballot, category: job.session.category)
        }
        for roundID in rounds.keys.sorted() { try PGTallyTable.save(&rounds[roundID]!, roundID: roundID, connection) }
    }
}
