import Glibc

/// The clock: what time it is, injected into every layer instead of read from globals, so that a date rule
/// can be tested on a chosen day and a timeout without waiting for it (`ManualClock`).
public protocol TimeSource: Sendable {
    /// Wall time: whole seconds since 1970-01-01T00:00:00Z.
    func wallSeconds() -> Int64
    /// Seconds on a clock that never goes backwards, for timeouts and durations.
    func monotonicSeconds() -> Double
}

/// The system's clocks (`time`, `CLOCK_MONOTONIC`).
public struct SystemClock: TimeSource {
    public init() {}

    public func wallSeconds() -> Int64 { Int64(time(nil)) }

    public func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

/// A clock that moves only when told to, for tests.
public final class ManualClock: TimeSource {
    private let state: Locked<(wall: Double, monotonic: Double)>

    /// Starts at `wallSeconds` since 1970 (UTC).
    public init(wallSeconds: Int64) {
        state = Locked((Double(wallSeconds), 1_000))
    }

    public func wallSeconds() -> Int64 { Int64(state.withLock { $0.wall }.rounded(.down)) }
    public func monotonicSeconds() -> Double { state.withLock { $0.monotonic } }

    /// Moves both clocks forward.
    public func advance(by seconds: Double) {
        state.withLock {
            $0.wall += seconds
            $0.monotonic += seconds
        }
    }
}

extension TimeSource {
    /// Now as RFC 3339 UTC with whole seconds (`2026-12-06T08:30:00Z`), as every stored time.
    public func timestamp() -> String {
        let seconds = wallSeconds()
        let (days, secondOfDay) = CivilDate.split(seconds)
        return CivilDate.text(daysSince1970: days) + "T" + CivilDate.two(Int(secondOfDay / 3600)) + ":"
            + CivilDate.two(Int(secondOfDay / 60 % 60)) + ":" + CivilDate.two(Int(secondOfDay % 60)) + "Z"
    }

    /// Today in China Standard Time (UTC+8), `YYYY-MM-DD`: the contract's "today", whatever the
    /// server's time zone.
    public func today() -> String {
        CivilDate.text(daysSince1970: CivilDate.split(wallSeconds() + CivilDate.chinaOffset).days)
    }
}

/// Calendar dates from day counts, without Foundation.
public enum CivilDate {
    /// China Standard Time is UTC+8 all year.
    public static let chinaOffset: Int64 = 8 * 3600

    /// Whole days since 1970-01-01 and the second of that day (floor division: before 1970 too).
    static func split(_ seconds: Int64) -> (days: Int64, secondOfDay: Int64) {
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        return (days, seconds - days * 86_400)
    }

    /// Year, month (1–12) and day (1–31) for a day count since 1970-01-01.
    ///
    /// Howard Hinnant's `civil_from_days`: shifting the year to start in March puts the leap day
    /// last, so month lengths follow a fixed 153-day pattern and no table is needed.
    public static func from(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468  // days from 0000-03-01 to 1970-01-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// `YYYY-MM-DD` of a day count since 1970-01-01.
    static func text(daysSince1970 days: Int64) -> String {
        let (year, month, day) = from(daysSince1970: Int(days))
        return "\(year)-\(two(month))-\(two(day))"
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
