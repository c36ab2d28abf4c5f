import Glibc
import Primitives

/// A fixed pool of threads running jobs that may block, first come first served.
final class WorkerPool: @unchecked Sendable {
    // Safe: `jobs` and `stopped` are only touched while holding `lock`.
    private let lock = Lock()
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0
    private var stopped = false

    init(threads: Int) {
        for _ in 0..<max(1, threads) {
            startThread { [self] in run() }
        }
    }

    func submit(_ job: @escaping @Sendable () -> Void) {
        lock.withLock {
            jobs.append(job)
            lock.signal()
        }
    }

    func stop() {
        lock.withLock {
            stopped = true
            lock.signalAll()
        }
    }

    private func run() {
        while let job = next() { job() }
    }

    private func next() -> (@Sendable () -> Void)? {
        lock.withLock {
            while head == jobs.count && !stopped { lock.wait() }
            guard head < jobs.count else { return nil }
            let job = jobs[head]
            head += 1
            if head > 1024 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            return job
        }
    }
}

/// Lets one thread wait until a number of others have finished.
final class Countdown: @unchecked Sendable {
    // Safe: `remaining` is only touched while holding `lock`.
    private let lock = Lock()
    private var remaining: Int

    init(_ count: Int) { remaining = count }

    func countDown() {
        lock.withLock {
            remaining -= 1
            lock.signalAll()
        }
    }

    func wait() {
        lock.withLock {
            while remaining > 0 { lock.wait() }
        }
    }
}
