import Glibc
import HTTPCore
import Locking

/// Slows down guessing of ballot codes: after `limit` unknown codes from one address within
/// `window` seconds, that address gets 429 on ballot routes until the window has passed.
/// (Behind a reverse proxy every client shares its address; configure the limit accordingly.)
final class FailureThrottle: Sendable {
    private struct Record {
        var failures: Int
        var windowStart: Double
    }

    let limit: Int
    let window: Double
    private let records = Locked<[String: Record]>([:])

    init(limit: Int, window: Double) {
        self.limit = limit
        self.window = window
    }

    /// Seconds the address must wait, or nil when it may try.
    func retryAfter(_ address: String, now: Double = FailureThrottle.now()) -> Int? {
        records.withLock { records in
            guard let record = records[address], now - record.windowStart < window, record.failures >= limit else {
                return nil
            }
            return max(1, Int((record.windowStart + window - now).rounded(.up)))
        }
    }

    func recordFailure(_ address: String, now: Double = FailureThrottle.now()) {
        records.withLock { records in
            if records.count > 100_000 { records = records.filter { now - $0.value.windowStart < window } }
            var record = records[address] ?? Record(failures: 0, windowStart: now)
            if now - record.windowStart >= window { record = Record(failures: 0, windowStart: now) }
            record.failures += 1
            records[address] = record
        }
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
