import Glibc

/// Starts a detached POSIX thread running `body`. Used for event loops and workers, which must
/// be real threads: handlers block, and blocking a Swift concurrency thread would starve it.
func startThread(_ body: @escaping @Sendable () -> Void) {
    final class Box: Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    let box = Unmanaged.passRetained(Box(body)).toOpaque()
    var thread = pthread_t()
    let result = pthread_create(
        &thread, nil,
        { raw in
            let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
            box.body()
            return nil
        }, box)
    precondition(result == 0, "pthread_create failed: \(result)")
    pthread_detach(thread)
}

/// A mutex with a condition variable: the one primitive the worker queue and shutdown need.
final class ConditionLock: @unchecked Sendable {
    // Safe: the pthread objects are only used through lock/wait/signal, which are thread-safe.
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()

    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
    }

    deinit {
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }

    /// Waits for a signal; call only while holding the lock (inside `withLock`).
    func wait() { pthread_cond_wait(&condition, &mutex) }

    /// Waits at most `seconds`; call only while holding the lock.
    func wait(seconds: Double) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let nanos = Int(now.tv_nsec) + Int((seconds - seconds.rounded(.down)) * 1e9)
        var deadline = timespec(
            tv_sec: now.tv_sec + Int(seconds) + nanos / 1_000_000_000, tv_nsec: nanos % 1_000_000_000)
        pthread_cond_timedwait(&condition, &mutex, &deadline)
    }

    func broadcast() { pthread_cond_broadcast(&condition) }
    func signal() { pthread_cond_signal(&condition) }
}

/// A fixed pool of threads running jobs that may block, first come first served.
final class WorkerPool: @unchecked Sendable {
    // Safe: `jobs` and `stopped` are only touched while holding `lock`.
    private let lock = ConditionLock()
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
            lock.broadcast()
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
    private let lock = ConditionLock()
    private var remaining: Int

    init(_ count: Int) { remaining = count }

    func countDown() {
        lock.withLock {
            remaining -= 1
            lock.broadcast()
        }
    }

    func wait() {
        lock.withLock {
            while remaining > 0 { lock.wait() }
        }
    }
}
