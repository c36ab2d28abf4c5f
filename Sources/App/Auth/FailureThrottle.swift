import Primitives

/// Counts events per address (unknown ballot or request codes, accepted objections): after
/// `limit` of them within `window` seconds, that address gets 429 until the window has passed.
/// (Behind a reverse proxy every client shares its address; configure the limit accordingly.)
final class FailureThrottle: Sendable {
    private struct Record {
        var failures: Int
        var windowStart: Double
    }

    let limit: Int
    let window: Double
    let clock: any TimeSource
    private let records = Locked<[String: Record]>([:])

    init(limit: Int, window: Double, clock: any TimeSource) {
        self.limit = limit
        self.window = window
        self.clock = clock
    }

    /// Seconds the address must wait, or nil when it may try.
    func retryAfter(_ address: String) -> Int? {
        let now = clock.monotonicSeconds()
        return
            records.withLock { records in
                guard let record = records[address], now - record.windowStart < window, record.failures >= limit else {
                    return nil
                }
                return max(1, Int((record.windowStart + window - now).rounded(.up)))
            }
    }

    /// 429 with `Retry-After` while the address is over its limit; `what` says what it did too
    /// often ("unknown ballot codes").
    func check(_ address: String, tooMany what: String) throws {
        guard let wait = retryAfter(address) else { return }
        var error = APIError(429, "Too many \(what) from this address; try again in \(wait) s.")
        error.headers.set("Retry-After", String(wait))
        throw error
    }

    func record(_ address: String) {
        let now = clock.monotonicSeconds()
        records.withLock { records in
            if records.count > 100_000 { records = records.filter { now - $0.value.windowStart < window } }
            var record = records[address] ?? Record(failures: 0, windowStart: now)
            if now - record.windowStart >= window { record = Record(failures: 0, windowStart: now) }
            record.failures += 1
            records[address] = record
        }
    }
}
