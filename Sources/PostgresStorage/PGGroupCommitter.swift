import Domain
import Primitives
import Storage

#if canImport(Glibc)
    import Glibc
#endif

/// One durable write transaction for all the ballots waiting together (contract §5, §14), on a
/// thread of its own, as SQLite's `GroupCommitter`.
///
/// A batch checks its rounds are open and spends every ballot's code with one statement (a
/// refused ballot — already voted, code replaced, round closed — is left out, the others go on),
/// then inserts every accepted ballot with one statement in random order, so the heap order
/// inside a commit says nothing about who voted first, then updates each touched round's running
/// aggregates. Results reach each caller only after COMMIT.
final class PGGroupCommitter: @unchecked Sendable {
    // @unchecked: `queue` and `stopped` are only touched while holding `lock`; everything else
    // is immutable or used only by the committer thread.
    struct Job {
        var ballot: ValidBallot
        var session: BallotSession
        var day: String
        var completion: @Sendable (Result<String, any Error>) -> Void
    }

    /// The committer's own session (a pool of one, which replaces it when it breaks); closed
    /// when the thread ends.
    private let pool: PGPool
    private let lock = Lock()
    private var queue: [Job] = []
    private var stopped = false
    private let maxBatch: Int
    /// Touched only by the committer thread.
    private var tallies = PGTallyCache()

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

    /// Lets queued ballots finish, then ends the thread and closes its session.
    func stop() {
        lock.withLock {
            stopped = true
            lock.signalAll()
        }
    }

    private func run() {
        while let batch = nextBatch() { commit(batch) }
        pool.close()
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
        var counted: [(roundID: Int64, version: String, tallies: RoundTallies)] = []
        do {
            try pool.withTransaction(.write) { connection in
                let receipts = try PGCodeSpender.spend(batch.map(\.session), connection)
                var accepted: [(receipt: Receipt, job: Job)] = []
                results = zip(batch, receipts).map { job, receipt in
                    receipt.map { receipt in
                        accepted.append((receipt, job))
                        return receipt.display
                    }
                }
                try Self.insert(accepted.shuffled(), connection)
                counted = try count(accepted.map(\.job), connection)
            }
            for round in counted {
                tallies.remember(roundID: round.roundID, version: round.version, tallies: round.tallies)
            }
        } catch {
            tallies.forget(roundIDs: batch.map(\.session.round.id))
            results = batch.map { _ in .failure(error) }
        }
        for (job, result) in zip(batch, results) { job.completion(result.mapError(PostgresStore.translate)) }
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
    /// Returns what was written, for `tallies` to remember once the transaction has committed.
    private func count(_ jobs: [Job], _ connection: PGConnection) throws -> [(
        roundID: Int64, version: String, tallies: RoundTallies
    )] {
        var rounds: [Int64: RoundTallies] = [:]
        for job in jobs {
            let roundID = job.session.round.id
            if rounds[roundID] == nil { rounds[roundID] = try tallies.load(roundID: roundID, connection) }
            rounds[roundID]!.record(job.ballot, category: job.session.category)
        }
        return try rounds.keys.sorted().map { roundID in
            (roundID, try tallies.save(&rounds[roundID]!, roundID: roundID, connection), rounds[roundID]!)
        }
    }
}
