import Glibc
import Synchronization

/// The process's file descriptors, shared by every test running in it. Tests that open
/// thousands of sockets take turns through `exclusive`, so two of them never run the process
/// out of descriptors together (the server would then shed connections the other test counts),
/// and the soft limit is only ever raised, never lowered under a test that relies on it.
public enum DescriptorBudget {
    private static let turn = Mutex(())
    private static let limitLock = Mutex(())

    /// Runs `body` while no other descriptor-hungry test runs.
    public static func exclusive<T>(_ body: () throws -> T) rethrows -> T {
        try turn.withLock { _ in try body() }
    }

    /// Raises the soft `RLIMIT_NOFILE` to at least `count` (as far as the hard limit allows) and
    /// returns the soft limit now in force.
    @discardableResult
    public static func raiseLimit(to count: Int) -> Int {
        limitLock.withLock { _ in
            var limit = rlimit()
            getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            if limit.rlim_cur < rlim_t(count) {
                limit.rlim_cur = min(rlim_t(count), limit.rlim_max)
                setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
                getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            }
            return Int(limit.rlim_cur)
        }
    }
}
