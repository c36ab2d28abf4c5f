/// The status light of a target on a date (contract §9): the one rule behind every board, CSV
/// and page. Cases are in the board's order.
public enum StatusLight: String, Sendable, Hashable, CaseIterable {
    /// 超期: past due, or two due months in a row without a check.
    case red
    /// 滞后: behind, blocked, well below plan, or the last due month unchecked.
    case yellow
    /// 临期: due within 30 days.
    case blue
    /// 正常.
    case green
    /// 已完成: the latest check says done.
    case done
    /// 已取消.
    case cancelled

    /// The word shown beside the colour (never colour alone).
    public var chinese: String {
        switch self {
        case .red: "超期"
        case .yellow: "滞后"
        case .blue: "临期"
        case .green: "正常"
        case .done: "已完成"
        case .cancelled: "已取消"
        }
    }

    /// A target's schedule, as the rule reads it.
    public struct Schedule: Sendable, Equatable {
        public var start: CalendarDay
        public var due: CalendarDay
        public var cancelled: Bool

        public init(start: CalendarDay, due: CalendarDay, cancelled: Bool = false) {
            self.start = start
            self.due = due
            self.cancelled = cancelled
        }

        /// `100 × (day − start) / (due − start)`, clamped to 0–100; 100 when start is due.
        public func planned(on day: CalendarDay) -> Double {
            let span = due.days(since: start)
            guard span > 0 else { return 100 }
            return min(100, max(0, 100 * Double(day.days(since: start)) / Double(span)))
        }

        /// The months whose check is due by `asOf`: from start's month through the month before
        /// `asOf`'s, but not later than due's month.
        public func dueMonths(asOf: CalendarDay) -> [CalendarMonth] {
            start.calendarMonth.through(min(asOf.calendarMonth.adding(months: -1), due.calendarMonth))
        }
    }

    /// How far below plan (in points) the latest check may be before the light turns yellow.
    public static let behindPlanTolerance = 20.0
    /// A due date this many days ahead or fewer turns the light blue.
    public static let dueSoonDays = 30

    /// The light of a target with `schedule` and these checks (one per month, any order) on
    /// `asOf`. The first clause that applies wins, in the order of the cases.
    public static func of(_ schedule: Schedule, checks: [MonthlyCheck], asOf: CalendarDay) -> StatusLight {
        let seen = checks.filter { $0.month <= asOf.calendarMonth }
        let latest = seen.max { $0.month < $1.month }
        if latest?.assessment == .done { return .done }
        if schedule.cancelled { return .cancelled }

        let checked = Set(seen.map(\.month))
        let dueMonths = schedule.dueMonths(asOf: asOf)
        if asOf > schedule.due { return .red }
        if dueMonths.count >= 2, dueMonths.suffix(2).allSatisfy({ !checked.contains($0) }) { return .red }

        if let latest {
            if latest.assessment == .behind || latest.assessment == .blocked { return .yellow }
            let planned = schedule.planned(on: latest.month.lastDay)
            if Double(latest.progress) < planned - behindPlanTolerance { return .yellow }
        }
        if let last = dueMonths.last, !checked.contains(last) { return .yellow }

        if (0...dueSoonDays).contains(schedule.due.days(since: asOf)) { return .blue }
        return .green
    }
}
