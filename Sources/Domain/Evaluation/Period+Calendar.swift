extension Period {
    /// The period's last day (`2026-Q2` → 2026-06-30).
    public var lastDay: CalendarDay {
        let months = kind == .quarterly ? 3 : 6
        return CalendarMonth(year: year, month: part * months)!.lastDay
    }

    /// The period's first day (`2026-Q2` → 2026-04-01).
    public var firstDay: CalendarDay {
        let months = kind == .quarterly ? 3 : 6
        return CalendarMonth(year: year, month: (part - 1) * months + 1)!.firstDay
    }

    /// The period of the same kind just before (`2026-Q1` → `2025-Q4`); nil before the years a
    /// period may have.
    public var previous: Period? {
        let parts = kind == .quarterly ? 4 : 2
        let letter = kind == .quarterly ? "Q" : "H"
        return part > 1 ? Period("\(year)-\(letter)\(part - 1)") : Period("\(year - 1)-\(letter)\(parts)")
    }
}
