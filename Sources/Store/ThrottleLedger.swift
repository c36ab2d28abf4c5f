import Primitives

/// Events counted per key in fixed windows: unknown ballot or request codes and objections per
/// client address (contract §5, §11). Kept by the backend, so that every instance on one
/// database counts against the same limit (contract §14). Keys are digests, never addresses.
public protocol ThrottleLedger: Sendable {
    /// Counts one event for `key` in `scope` and returns its window: a new one of `window`
    /// seconds when none is running.
    func add(scope: String, key: String, window: Double) throws -> ThrottleWindow
    /// The running window of `key` in `scope`, or nil when it has none.
    func current(scope: String, key: String) throws -> ThrottleWindow?
}

/// One key's running window.
public struct ThrottleWindow: Sendable, Equatable {
    /// Events counted in the window.
    public var count: Int
    /// Seconds until the window ends.
    public var remaining: Double

    public init(count: Int, remaining: Double) {
        self.count = count
        self.remaining = remaining
    }
}

/// The ledger of one process, in memory, on the monotonic clock: enough when one instance owns
/// its database (SQLite).
public final class MemoryThrottleLedger: ThrottleLedger {
    private struct Entry {
        var count: Int
        var ends: Double
    }

    private let clock: any TimeSource
    private let entries = Locked<[String: Entry]>([:])
    /// Above this many keys, ended windows are dropped before a new one is added.
    static let sweepThreshold = 100_000

    public init(clock: any TimeSource) {
        self.clock = clock
    }

    public func add(scope: String, key: String, window: Double) -> ThrottleWindow {
        let now = clock.monotonicSeconds()
        return entries.withLock { entries in
            if entries.count > Self.sweepThreshold { entries = entries.filter { $0.value.ends > now } }
            var entry = entries[scope + "\n" + key] ?? Entry(count: 0, ends: now + window)
            if entry.ends <= now { entry = Entry(count: 0, ends: now + window) }
            entry.count += 1
            entries[scope + "\n" + key] = entry
            return ThrottleWindow(count: entry.count, remaining: entry.ends - now)
        }
    }

    public func current(scope: String, key: String) -> ThrottleWindow? {
        let now = clock.monotonicSeconds()
        return entries.withLock { entries in
            guard let entry = entries[scope + "\n" + key], entry.ends > now else { return nil }
            return ThrottleWindow(count: entry.count, remaining: entry.ends - now)
        }
    }
}
