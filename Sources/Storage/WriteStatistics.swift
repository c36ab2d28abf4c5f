import Glibc
import Primitives

/// How long write transactions take on the writer connection, from `BEGIN IMMEDIATE` to the end
/// of `COMMIT` (the fsync included), as a cumulative histogram, and how many failed by a fault
/// of the database. Kept by `Database` so operators can see disk latency and faults in
/// `/metrics` without Storage knowing about HTTP or Prometheus.
public final class WriteStatistics: @unchecked Sendable {
    // Safe: `state` is only touched while holding `lock` (a pthread mutex, which ThreadSanitizer
    // understands, unlike Synchronization.Mutex on Linux).
    /// Upper bounds of the buckets, in seconds: an fsync is typically 0.1–20 ms.
    public static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    /// A copy of the counters at one moment.
    public struct Snapshot: Sendable, Equatable {
        /// Transactions per bucket (not cumulative), same order as `buckets`; slower ones only count.
        public var bucketCounts: [Int]
        public var count: Int
        public var sum: Double
        /// Transactions rolled back by a fault of the database (`StoreError.isDatabaseFault`), not
        /// those a rule or a constraint refused.
        public var failures: Int
    }

    private let lock = Lock()
    private var state = Snapshot(
        bucketCounts: Array(repeating: 0, count: WriteStatistics.buckets.count), count: 0, sum: 0, failures: 0)

    public init() {}

    public func record(seconds: Double, fault: Bool) {
        lock.withLock {
            if let index = Self.buckets.firstIndex(where: { seconds <= $0 }) { state.bucketCounts[index] += 1 }
            state.count += 1
            state.sum += seconds
            if fault { state.failures += 1 }
        }
    }

    public func snapshot() -> Snapshot { lock.withLock { state } }

    /// Seconds on the monotonic clock.
    public static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
