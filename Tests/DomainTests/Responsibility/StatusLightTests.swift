import Domain
import Testing

/// The status light rule of contract §9, clause by clause and in its order of precedence.
struct StatusLightTests {
    /// One row of the rule table: a schedule, the checks (`"2026-05 60 on_track"`), the date,
    /// and the light expected.
    struct Case: CustomTestStringConvertible, Sendable {
        var why: String
        var start = "2026-03-01"
        var due = "2026-08-31"
        var cancelled = false
        var checks: [String] = []
        var asOf: String
        var light: StatusLight

        var testDescription: String { why }

        var schedule: StatusLight.Schedule {
            StatusLight.Schedule(start: CalendarDay(start)!, due: CalendarDay(due)!, cancelled: cancelled)
        }

        var monthlyChecks: [MonthlyCheck] {
            checks.map { text in
                let parts = text.split(separator: " ").map(String.init)
                return MonthlyCheck(
                    month: CalendarMonth(parts[0])!, progress: Int(parts[1])!,
                    assessment: CheckAssessment(rawValue: parts[2])!)
            }
        }
    }

    static let table: [Case] = [
        // done
        Case(
            why: "done: the latest seen check says done", checks: ["2026-03 40 on_track", "2026-04 100 done"],
            asOf: "2026-05-20", light: .done),
        Case(
            why: "done wins over cancellation", cancelled: true, checks: ["2026-04 100 done"], asOf: "2026-05-20",
            light: .done),
        Case(why: "done wins over past due", checks: ["2026-08 100 done"], asOf: "2026-10-01", light: .done),
        Case(
            why: "done only when the latest check says it", checks: ["2026-03 100 done", "2026-04 90 behind"],
            asOf: "2026-05-20", light: .yellow),
        Case(
            why: "a check of a later month than as_of's is not seen",
            checks: ["2026-03 30 on_track", "2026-04 50 on_track", "2026-06 100 done"], asOf: "2026-05-20",
            light: .green),
        Case(
            why: "a check of as_of's own month is seen", checks: ["2026-05 100 done"], asOf: "2026-05-02",
            light: .done),
        // cancelled
        Case(
            why: "cancelled", cancelled: true, checks: ["2026-03 10 on_track"], asOf: "2026-05-20",
            light: .cancelled),
        Case(
            why: "cancelled wins over past due and missing checks", cancelled: true, asOf: "2026-10-01",
            light: .cancelled),
        // red
        Case(
            why: "red: as_of after due", checks: ["2026-07 95 on_track", "2026-08 99 on_track"], asOf: "2026-09-01",
            light: .red),
        Case(
            why: "not red on the due date itself", checks: ["2026-07 95 on_track"], asOf: "2026-08-31",
            light: .blue),
        Case(
            why: "red: the last two due months both lack a check", checks: ["2026-03 20 on_track"],
            asOf: "2026-06-15", light: .red),
        Case(why: "red wins over behind", checks: ["2026-08 80 behind"], asOf: "2026-09-02", light: .red),
        Case(why: "red: no check at all after two due months", asOf: "2026-05-01", light: .red),
        Case(
            why: "one missing due month of two is yellow, not red", checks: ["2026-04 30 on_track"],
            asOf: "2026-06-15", light: .yellow),
        Case(
            why: "a missing month before the last two is not red",
            checks: ["2026-04 30 on_track", "2026-05 45 on_track"], asOf: "2026-06-15", light: .green),
        // yellow
        Case(
            why: "yellow: behind", checks: ["2026-03 20 on_track", "2026-04 35 behind"], asOf: "2026-05-10",
            light: .yellow),
        Case(
            why: "yellow: blocked", checks: ["2026-03 20 on_track", "2026-04 35 blocked"], asOf: "2026-05-10",
            light: .yellow),
        // 2026-03-01 … 2026-12-31 is 305 days; on 05-31 (91 days) 29.8 % is planned.
        Case(
            why: "yellow: progress more than 20 below planned at the end of the check's month", due: "2026-12-31",
            checks: ["2026-03 9 on_track", "2026-04 9 on_track", "2026-05 9 on_track"], asOf: "2026-06-10",
            light: .yellow),
        Case(
            why: "progress exactly 20 below planned is not yellow", due: "2026-12-31",
            checks: ["2026-03 10 on_track", "2026-04 10 on_track", "2026-05 10 on_track"], asOf: "2026-06-10",
            light: .green),
        Case(
            why: "yellow: the last due month lacks a check", checks: ["2026-03 20 on_track", "2026-04 35 on_track"],
            asOf: "2026-06-15", light: .yellow),
        Case(why: "yellow wins over due soon", checks: ["2026-07 80 behind"], asOf: "2026-08-10", light: .yellow),
        // blue
        Case(
            why: "blue: due in 30 days", due: "2026-07-15",
            checks: ["2026-03 30 on_track", "2026-04 50 on_track", "2026-05 70 on_track"], asOf: "2026-06-15",
            light: .blue),
        Case(
            why: "due in 31 days is green", due: "2026-07-16",
            checks: ["2026-03 30 on_track", "2026-04 50 on_track", "2026-05 70 on_track"], asOf: "2026-06-15",
            light: .green),
        Case(why: "blue: due today", start: "2026-06-01", due: "2026-06-15", asOf: "2026-06-15", light: .blue),
        // green
        Case(why: "green: no due month yet", asOf: "2026-03-20", light: .green),
        Case(
            why: "green: before the start", start: "2026-09-01", due: "2026-12-31", asOf: "2026-05-20",
            light: .green),
        Case(
            why: "green: on track with every due month checked",
            checks: ["2026-03 20 on_track", "2026-04 35 on_track", "2026-05 55 on_track"], asOf: "2026-06-02",
            light: .green),
    ]

    @Test(arguments: table)
    func lightFollowsTheRule(_ row: Case) {
        #expect(StatusLight.of(row.schedule, checks: row.monthlyChecks, asOf: CalendarDay(row.asOf)!) == row.light)
    }

    @Test func everyLightIsReachedByTheTable() {
        #expect(Set(Self.table.map(\.light)) == Set(StatusLight.allCases))
    }

    @Test(arguments: [
        ("2026-03-01", "2026-12-31", "2026-05-31", 29.836), ("2026-03-01", "2026-12-31", "2026-01-01", 0.0),
        ("2026-03-01", "2026-12-31", "2027-03-01", 100.0), ("2026-06-01", "2026-06-01", "2026-01-01", 100.0),
        ("2026-03-01", "2026-03-11", "2026-03-06", 50.0),
    ])
    func plannedIsTheShareOfDaysGoneClamped(start: String, due: String, day: String, planned: Double) {
        let schedule = StatusLight.Schedule(start: CalendarDay(start)!, due: CalendarDay(due)!)
        #expect(abs(schedule.planned(on: CalendarDay(day)!) - planned) < 0.001)
    }

    @Test func dueMonthsRunFromTheStartToTheMonthBeforeAsOfButNotPastDue() {
        let schedule = StatusLight.Schedule(start: CalendarDay("2026-03-15")!, due: CalendarDay("2026-05-10")!)
        #expect(schedule.dueMonths(asOf: CalendarDay("2026-03-31")!).isEmpty)
        #expect(schedule.dueMonths(asOf: CalendarDay("2026-05-01")!).map(\.text) == ["2026-03", "2026-04"])
        #expect(schedule.dueMonths(asOf: CalendarDay("2026-09-01")!).map(\.text) == ["2026-03", "2026-04", "2026-05"])
    }
}
