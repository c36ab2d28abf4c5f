import Glibc

/// A value behind a pthread mutex. Used instead of `Synchronization.Mutex`, whose futex-based
/// lock ThreadSanitizer cannot see on Linux (it reports every guarded access as a race), so the
/// suites can run under TSan and mean something.
public final class Locked<Value>: @unchecked Sendable {
    // Safe: `value` is only read or written inside `withLock`, while holding `mutex`; the mutex
    // lives at a stable heap address for the object's lifetime.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var value: Value

    public init(_ value: Value) {
        self.value = value
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
