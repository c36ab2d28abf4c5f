import Glibc

/// Wall-clock timestamps as the contract writes them (RFC 3339 UTC, seconds).
public enum Clock {
    public static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// Today's date (UTC), the only time a ballot carries.
    public static func today() -> String { String(timestamp().prefix(10)) }
}
