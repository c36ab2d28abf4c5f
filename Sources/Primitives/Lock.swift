#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// DuPing's one lock: a pthread mutex with a condition variable, for code on plain threads
/// (event loops, workers, the ballot writer, the reader pool). `Locked` guards a value with it.
///
/// Not `Synchronization.Mutex`: ThreadSanitizer cannot see its futex on Linux and reports every
/// guarded access as a race, so the suites could not run under TSan; and it has no condition.
/// Not `NSLock`: that would pull Foundation into the lowest layers.
public final class Lock: @unchecked Sendable {
    // @unchecked: the pthread objects live at stable heap addresses (never moved as Swift
    // values would be) and pthreads makes every operation on them thread-safe.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    public init() {
        mutex.initialize(to: pthread_mutex_t())
        condition.initialize(to: pthread_cond_t())
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` while holding the mutex.
    public func withLock<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Releases the mutex until `signalAll` is called, then takes it again. Call only inside
    /// `withLock`, in a loop that rechecks the awaited state (wake-ups may be spurious).
    public func wait() {
        pthread_cond_wait(condition, mutex)
    }

    /// Like `wait`, but gives up after `seconds`.
    public func wait(seconds: Double) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let nanos = Int(now.tv_nsec) + Int(seconds * 1e9)
        var deadline = timespec(tv_sec: now.tv_sec + nanos / 1_000_000_000, tv_nsec: nanos % 1_000_000_000)
        pthread_cond_timedwait(condition, mutex, &deadline)
    }

    /// Wakes every thread blocked in `wait`.
    public func signalAll() {
        pthread_cond_broadcast(condition)
    }

    /// Wakes one thread blocked in `wait`.
    public func signal() {
        pthread_cond_signal(condition)
    }
}
