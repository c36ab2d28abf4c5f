/// A calendar month (`YYYY-MM`): the unit of the monthly checks (月底督查).
public struct CalendarMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1–12.
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM`; nil for anything else.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), let year = CalendarDay.number(bytes[0..<4]),
            let month = CalendarDay.number(bytes[5..<7])
        else { return nil }
        self.init(year: year, month: month)
    }

    public var text: String { "\(CalendarDay.four(year))-\(CalendarDay.two(month))" }
    public var description: String { text }

    public var firstDay: CalendarDay { CalendarDay(year: year, month: month, day: 1)! }
    public var lastDay: CalendarDay {
        CalendarDay(year: year, month: month, day: Self.length(year: year, month: month))!
    }

    /// Months counted from January of year 0, so that months subtract and step as integers.
    var index: Int { year * 12 + month - 1 }
    init(index: Int) {
        year = index >= 0 ? index / 12 : -((-index + 11) / 12)
        month = index - year * 12 + 1
    }

    public func adding(months: Int) -> CalendarMonth { CalendarMonth(index: index + months) }

    /// Every month from `self` through `last`, both included (empty when `last` is earlier).
    public func through(_ last: CalendarMonth) -> [CalendarMonth] {
        index <= last.index ? (index...last.index).map(CalendarMonth.init(index:)) : []
    }

    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool { lhs.index < rhs.index }

    static func length(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
