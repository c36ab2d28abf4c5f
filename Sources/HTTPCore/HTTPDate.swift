import Primitives

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// IMF-fixdate (RFC 9110 §5.6.7), the only date format a server may generate, e.g.
/// `Sun, 06 Nov 1994 08:49:37 GMT`.
///
/// Formatting is done by hand on the proleptic Gregorian calendar rather than through a
/// `DateFormatter`: it needs no locale or time-zone database and costs a few hundred nanoseconds,
/// which matters because every response carries a `Date` field.
public enum HTTPDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// The IMF-fixdate for a POSIX timestamp (seconds since 1970-01-01T00:00:00Z, leap seconds
    /// ignored as POSIX does). Negative timestamps are formatted too, for completeness.
    public static func format(_ secondsSince1970: Int) -> String {
        let (days, secondOfDay) = floorDivide(secondsSince1970, 86_400)
        let (year, month, day) = civilDate(daysSince1970: days)
        // 1970-01-01 was a Thursday (index 4 with Sunday = 0).
        let weekday = floorDivide(days + 4, 7).remainder
        var text = weekdays[weekday]
        text += ", "
        text += twoDigits(day)
        text += " "
        text += months[month - 1]
        text += " "
        text += year >= 0 && year < 1000 ? String(repeating: "0", count: 4 - digitCount(year)) : ""
        text += String(year)
        text += " "
        text += twoDigits(secondOfDay / 3600)
        text += ":"
        text += twoDigits(secondOfDay / 60 % 60)
        text += ":"
        text += twoDigits(secondOfDay % 60)
        text += " GMT"
        return text
    }

    /// The clock's current time as an IMF-fixdate. The string is rebuilt at most once per second
    /// and shared between threads, so calling this for every response is cheap.
    public static func now(_ clock: any TimeSource) -> String {
        let second = Int(clock.wallSeconds())
        return cache.withLock { cached in
            if cached.second != second {
                cached = (second, format(second))
            }
            return cached.text
        }
    }

    private static let cache = Locked<(second: Int, text: String)>((Int.min, ""))

    /// Year, month (1–12) and day (1–31) for a day count since 1970-01-01 (`CivilDate`).
    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        CivilDate.from(daysSince1970: days)
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> (quotient: Int, remainder: Int) {
        let q = a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0)
        return (q, a - q * b)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }

    private static func digitCount(_ value: Int) -> Int {
        value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : 4
    }
}
