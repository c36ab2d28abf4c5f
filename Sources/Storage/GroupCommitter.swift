import Glibc
import Primitives

/// Commits many small write jobs (ballots) in one durable transaction: a dedicated thread takes
/// every job waiting, runs each inside its own SAVEPOINT (so one failing job — a code already
/// used — undoes only itself), commits once, and only then wakes each caller with its own
/// result. Under load this pays one fsync for a batch instead of one per ballot; alone, a job
/// commits at once. A 201 is still only sent after the commit is on disk.
///
/// Jobs may also leave ballots to count in a `PendingTallies`: those of the jobs that succeeded
/// are counted into the committer's copy of each round's running aggregates (`RunningTallies`),
/// which is written once per round at the end of the batch, in the same transaction.
///
/// Once no job has arrived for `scrubDelay` after a commit (by default: as soon as no job is
/// waiting), the committer empties and truncates the WAL (`Database.truncateWAL`): the WAL keeps
/// page versions in commit order, and commits of one ballot each, kept there one after another,
/// would give away the order of voting to anyone copying the raw file (the audit read it back
/// exactly from votes 20 ms apart while the WAL waited for 0.1 s of quiet). Only while jobs keep
/// arriving faster than they commit does the WAL hold several commits, each then a batch of
/// ballots whose pages are written in page order, not arrival order.
public final class GroupCommitter: @unchecked Sendable {
    // Safe: `queue` and `stopped` are only touched while holding `lock`, `running` only by the
    // committer thread; each Job's result only while holding the job's own lock. Only the
    // committer thread waits on `lock`.
    private final class Job {
        let work: (Connection, inout PendingTallies) throws -> Any
        /// Guards `result`; the caller waits on it alone, so finishing a batch wakes exactly the
        /// callers of its jobs and a new job wakes only the committer.
        let done = Lock()
        var result: Result<Any, any Error>?
        /// Set for `enqueue`: called with the result instead of waking a waiting caller.
        let completion: ((Result<Any, any Error>) -> Void)?

        init(
            _ work: @escaping (Connection, inout PendingTallies) throws -> Any,
            completion: ((Result<Any, any Error>) -> Void)? = nil
        ) {
            self.work = work
            self.completion = completion
        }

        func finish(_ outcome: Result<Any, any Error>) {
            if let completion { return completion(outcome) }
            done.withLock {
                result = outcome
                done.signalAll()
            }
        }

        func wait() -> Result<Any, any Error> {
            done.withLock {
                while result == nil { done.wait() }
                return result!
            }
        }
    }

    private let database: Database
    private let lock = Lock()
    private var queue: [Job] = []
    private var stopped = false
    /// Only touched by the committer thread.
    private let running = RunningTallies()
    /// Jobs in the previous batch: when ballots arrive together, the next batch waits a moment
    /// for more, since every ballot of a batch shares its commit and its write of the aggregates.
    private var lastBatchSize = 0
    /// Most jobs in one transaction, so that one batch cannot hold the writer for long.
    private let maxBatch: Int
    /// How long the committer waits without a job before it truncates the WAL.
    private let scrubDelay: Double
    /// Whether commits may be in the WAL since it was last truncated (a WAL left by a crash
    /// included, hence true at start). Only touched by the committer thread.
    private var walNeedsScrub = true
    /// Whether the last truncation was refused because a reader still used old frames.
    private var scrubBlocked = false

    /// What the committer thread does next.
    private enum Step {
        case commit([Job])
        case scrubWAL
        case stop
    }

    public init(database: Database, maxBatch: Int = 256, scrubDelay: Double = 0) {
        self.database = database
        self.maxBatch = maxBatch
        self.scrubDelay = scrubDelay
        startThread { [self] in run() }
    }

    /// Runs `work` in the next group transaction and returns its result once that transaction is
    /// durably committed. Errors thrown by `work` (or by the commit) are rethrown to the caller.
    public func submit<T>(_ work: @escaping (Connection, inout PendingTallies) throws -> T) throws -> T {
        let job = Job { try work($0, &$1) }
        try append(job)
        return try job.wait().get() as! T
    }

    /// Runs `work` in the next group transaction and calls `completion` with its result once
    /// that transaction is durably committed (or has failed), on the committer thread: keep it
    /// short. The caller does not wait, so many callers can share one commit without holding a
    /// thread each. A stopped writer calls `completion` at once with the error.
    public func enqueue<T>(
        _ work: @escaping (Connection, inout PendingTallies) throws -> T,
        completion: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        let job = Job({ try work($0, &$1) }, completion: { outcome in completion(outcome.map { $0 as! T }) })
        do {
            try append(job)
        } catch {
            completion(.failure(error))
        }
    }

    private func append(_ job: Job) throws(StoreError) {
        try lock.withLock { () throws(StoreError) in
            guard !stopped else { throw StoreError.misuse("the ballot writer is stopped", sql: nil) }
            queue.append(job)
            lock.signalAll()
        }
    }

    /// Finishes the jobs queued so far and stops the thread.
    public func stop() {
        lock.withLock {
            stopped = true
            lock.signalAll()
        }
    }

    private func run() {
        while true {
            switch nextStep() {
            case .commit(let batch): commit(batch)
            case .scrubWAL: scrubWAL()
            case .stop: return
            }
        }
    }

    private func commit(_ batch: [Job]) {
        var results: [Result<Any, any Error>] = []
        do {
            try database.write { connection in
                var tallies = PendingTallies()
                results = batch.map { job in Self.runInSavepoint(job, connection, into: &tallies) }
                try running.write(tallies, connection)
            }
        } catch {
            running.forget()
            results = batch.map { _ in .failure(error) }
        }
        walNeedsScrub = true
        for (job, result) in zip(batch, results) { job.finish(result) }
    }

    /// Truncates the WAL; kept pending while a reader holds old frames, so the next idle moment
    /// tries again. Any other failure (a closed database) ends the attempts: it is best effort.
    private func scrubWAL() {
        do {
            walNeedsScrub = try !database.truncateWAL()
        } catch {
            walNeedsScrub = false
        }
        scrubBlocked = walNeedsScrub
    }

    private func nextStep() -> Step {
        lock.withLock {
            if queue.isEmpty && !stopped && walNeedsScrub {
                // After an attempt a reader blocked, wait a little instead of spinning.
                let delay = scrubBlocked ? max(scrubDelay, 0.05) : scrubDelay
                if delay > 0 { lock.wait(seconds: delay) }
                if queue.isEmpty && !stopped { return .scrubWAL }
            }
            while queue.isEmpty && !stopped { lock.wait() }
            if lastBatchSize > 1 && queue.count < lastBatchSize && !stopped { lock.wait(seconds: 0.002) }
            if queue.isEmpty { return .stop }
            let batch = Array(queue.prefix(maxBatch))
            queue.removeFirst(batch.count)
            lastBatchSize = batch.count
            return .commit(batch)
        }
    }

    /// Runs one job; its tally increments join the batch's only if it succeeded.
    private static func runInSavepoint(
        _ job: Job, _ connection: Connection, into tallies: inout PendingTallies
    ) -> Result<Any, any Error> {
        do {
            try connection.execute("SAVEPOINT job")
            do {
                var own = PendingTallies()
                let value = try job.work(connection, &own)
                try connection.execute("RELEASE job")
                tallies.merge(own)
                return .success(value)
            } catch {
                try connection.execute("ROLLBACK TO job")
                try connection.execute("RELEASE job")
                return .failure(error)
            }
        } catch {
            return .failure(error)
        }
    }
}
