import Domain
import Testing

struct CalendarDayTests {
    @Test(arguments: ["2026-01-01", "2024-02-29", "2026-12-31", "2000-02-29", "1970-01-01"])
    func realDatesParseAndPrintBack(text: String) throws {
        #expect(try #require(CalendarDay(text)).text == text)
    }

    @Test(arguments: [
        "2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01", "2026-01-1", "26-01-01",
        "2026/01/01", "2026-01-01T00:00", " 2026-01-01", "２０２６-01-01", "",
    ])
    func anythingElseIsRefused(text: String) {
        #expect(CalendarDay(text) == nil)
    }

    @Test func dayCountsFollowTheCalendar() throws {
        let epoch = try #require(CalendarDay("1970-01-01"))
        #expect(epoch.daysSince1970 == 0)
        let start = try #require(CalendarDay("2026-03-01"))
        #expect(try #require(CalendarDay("2026-12-31")).days(since: start) == 305)
        #expect(start.adding(days: -1).text == "2026-02-28")
        // Every day of four centuries prints as the date it parses from.
        for days in stride(from: -200_000, to: 200_000, by: 97) {
            let day = CalendarDay(daysSince1970: days)
            #expect(CalendarDay(day.text)?.daysSince1970 == days)
        }
    }

    @Test func monthsStepAcrossYears() throws {
        let november = try #require(CalendarMonth("2026-11"))
        #expect(november.adding(months: 2).text == "2027-01")
        #expect(november.adding(months: -11).text == "2025-12")
        #expect(
            november.through(try #require(CalendarMonth("2027-02"))).map(\.text) == [
                "2026-11", "2026-12", "2027-01", "2027-02",
            ])
        #expect(november.through(try #require(CalendarMonth("2026-10"))).isEmpty)
        #expect(try #require(CalendarMonth("2024-02")).lastDay.text == "2024-02-29")
        #expect(try #require(CalendarDay("2026-07-15")).calendarMonth.text == "2026-07")
        for text in ["2026-13", "2026-00", "2026-1", "2026-011", "abcd-ef"] { #expect(CalendarMonth(text) == nil) }
    }
}

extension CalendarDayTests {
    @Test func earlyYearsPrintWithFourDigitsAndYearZeroIsRefused() throws {
        #expect(try #require(CalendarDay("0345-02-11")).text == "0345-02-11")
        #expect(try #require(CalendarDay("0001-01-01")).calendarMonth.text == "0001-01")
        #expect(CalendarDay("0000-01-01") == nil)
        #expect(try #require(CalendarMonth("0001-01")).adding(months: -1).text == "0000-12")
    }
}
