import Primitives

/// A calendar date (`YYYY-MM-DD`, contract Part two), kept as a day count since 1970-01-01 so
/// dates compare and subtract as integers.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let daysSince1970: Int

    public init(daysSince1970: Int) { self.daysSince1970 = daysSince1970 }

    /// Nil unless the three numbers make a real date (no 2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarMonth.length(year: year, month: month) else {
            return nil
        }
        daysSince1970 = Self.days(year: year, month: month, day: day)
    }

    /// Parses exactly `YYYY-MM-DD` (four, two and two digits, year 0001 or later); nil for
    /// anything else.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Self.number(bytes[0..<4]), year >= 1, let month = Self.number(bytes[5..<7]),
            let day = Self.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var components: (year: Int, month: Int, day: Int) { CivilDate.from(daysSince1970: daysSince1970) }
    public var calendarMonth: CalendarMonth {
        let (year, month, _) = components
        return CalendarMonth(index: year * 12 + month - 1)
    }

    public var text: String {
        let (year, month, day) = components
        return "\(Self.four(year))-\(Self.two(month))-\(Self.two(day))"
    }
    public var description: String { text }

    public func adding(days: Int) -> CalendarDay { CalendarDay(daysSince1970: daysSince1970 + days) }

    /// Whole days from `other` to `self` (negative when `self` is earlier).
    public func days(since other: CalendarDay) -> Int { daysSince1970 - other.daysSince1970 }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.daysSince1970 < rhs.daysSince1970 }

    /// Howard Hinnant's `days_from_civil`, the inverse of `CivilDate.from(daysSince1970:)`.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func four(_ value: Int) -> String {
        let digits = String(value)
        return value >= 0 && digits.count < 4 ? String(repeating: "0", count: 4 - digits.count) + digits : digits
    }
}
