import Domain
import Foundation
import Primitives
import Testing

@testable import App

/// `--demo` fills the three responsibility boards so that every light shows, whatever day the
/// demo starts on (contract §9).
@Suite struct DemoDataResponsibilityTests {
    /// A demo server whose clock stands at noon in Beijing on `today`.
    static func demo(on today: String) throws -> TestApp {
        let day = try #require(CalendarDay(today))
        let clock = ManualClock(wallSeconds: Int64(day.daysSince1970) * 86_400 + 4 * 3600)
        return try TestApp {
            $0.demo = true
            $0.clock = clock
        }
    }

    static let expectedLights: JSONValue = [
        "red": 1, "yellow": 2, "blue": 2, "green": 6, "done": 4, "cancelled": 1,
    ]

    @Test(arguments: ["2026-06-20", "2026-12-06", "2027-01-15", "2027-03-31"])
    func everyLightShowsOnThePublicBoard(today: String) throws {
        let app = try Self.demo(on: today)
        let board = try app.call("GET", "/v1/public/townships/niumasi/responsibility")
        #expect(board.status == 200)
        #expect(board.json["as_of"] == .string(today))
        #expect(board.json["year"] == .int(Int64(today.prefix(4))!))
        #expect(board.json["lights"] == Self.expectedLights)

        let rows = ProjectBoard.allCases.flatMap {
            board.json["boards"]?.objectValue?[$0.rawValue]?.arrayValue?.compactMap(\.objectValue) ?? []
        }
        let lights = Dictionary(uniqueKeysWithValues: rows.map { ($0["title"]?.stringValue ?? "", $0["light"]) })
        for target in DemoData.targets {
            #expect(lights[target.title] == .string(target.story.light.rawValue), "\(target.title)")
        }
        let extended = rows.filter { ($0["due_changes"]?.intValue ?? 0) >= 1 }
        #expect(extended.count == 1)
        #expect(extended.first?["original_due"]?.stringValue != nil)
        #expect(rows.allSatisfy { $0["supervisor"]?.stringValue != nil && $0["last_check"] != .null })

        let quotas = try #require(board.json["quotas"]?.objectValue)
        #expect(quotas["township"]?.objectValue?["met"] == true)
        let cadres = quotas["cadres"]?.arrayValue?.compactMap(\.objectValue) ?? []
        #expect(cadres.count == DemoData.stationed.count)
        #expect(cadres.filter { $0["met"] == true }.count == 4, "新屋村's plant was cancelled")

        // The rounds follow the same year and still seed.
        let round = try app.call("GET", "/v1/public/townships/niumasi/rounds/1")
        #expect(round.json["turnout"] == .object(["panel": 40, "ballots": 37]))
    }

    @Test func theExtendedAndTheCancelledTargetsKeepTheirHistoryAsAPatchWould() throws {
        let app = try Self.demo(on: "2026-12-06")
        let base = "/v1/townships/niumasi/projects"
        let projects = try app.call("GET", base, token: app.rootToken).items
        #expect(projects.count == DemoData.targets.count)
        let road = try #require(projects.first { $0["title"] == "太平村通组公路硬化" })
        // Started in May, checked June to November, then extended; checked once more.
        #expect(road["start"] == "2026-05-01")
        #expect(road["original_due"] == "2026-12-31")
        #expect(road["due"] == "2027-02-28")
        #expect(road["due_changes"] == 1)
        let roadID = try #require(road["id"]?.intValue)
        let timeline = try app.call("GET", "\(base)/\(roadID)/timeline", token: app.rootToken).items
        #expect(
            timeline.map { $0["event"]?.stringValue ?? "" } == ["created"] + Array(repeating: "check", count: 6)
                + ["due_changed", "check"])
        #expect(timeline[0]["data"]?.objectValue?["due"] == "2026-12-31")
        let moved = timeline[7]["data"]?.objectValue
        #expect(moved?["from"] == "2026-12-31")
        #expect(moved?["to"] == "2027-02-28")
        #expect(moved?["reason"]?.stringValue?.isEmpty == false)
        let checks = timeline.filter { $0["event"] == "check" }.compactMap { $0["data"]?.objectValue }
        #expect(checks.allSatisfy { $0["by_cadre_id"] == road["supervisor_id"] })

        let plant = try #require(projects.first { $0["title"] == "新屋村辣椒加工厂" })
        #expect(plant["state"] == "cancelled")
        let plantTimeline = try app.call("GET", "\(base)/\(plant["id"]!.intValue!)/timeline", token: app.rootToken)
        let last = plantTimeline.items.last
        #expect(last?["event"] == "state_changed")
        #expect(last?["data"]?.objectValue?["to"] == "cancelled")
        #expect(last?["data"]?.objectValue?["reason"]?.stringValue?.isEmpty == false)

        let leaders = try app.call("GET", "/v1/townships/niumasi/cadres?leader=true", token: app.rootToken).items
        #expect(leaders.count == DemoData.leaders.count)
        let supervisors = Set(projects.compactMap { $0["supervisor_id"]?.intValue })
        let leaderIDs = Set(leaders.compactMap { $0["id"]?.intValue })
        #expect(supervisors.isSubset(of: leaderIDs))
    }

    /// Every day of a common and a leap year, January included: each story shows its light, and
    /// its dates and checks are what the API would have accepted on that day.
    @Test(arguments: [2026, 2028])
    func eachStoryShowsItsLightOnEveryDayOfTheYear(year: Int) throws {
        let first = try #require(CalendarDay(year: year, month: 1, day: 1))
        let days = (0..<CalendarDay(year: year, month: 12, day: 31)!.days(since: first) + 1).map {
            first.adding(days: $0)
        }
        for today in days {
            for target in DemoData.targets {
                let plan = DemoData.plan(target, today: today)
                let light = StatusLight.of(plan.schedule, checks: plan.checks, asOf: today)
                #expect(light == target.story.light, "\(target.title) on \(today)")
                #expect(plan.start <= plan.createdDue && plan.start <= plan.due && plan.start < today)
                if today.components.month >= 4 { #expect(plan.start.components.year == year) }
                let months = plan.checks.map(\.month)
                #expect(!months.isEmpty && months == months.sorted() && Set(months).count == months.count)
                #expect(months.allSatisfy { $0 >= plan.start.calendarMonth && $0 <= today.calendarMonth })
                let progress = plan.checks.map(\.progress)
                #expect(progress == progress.sorted() && progress.allSatisfy { (0...100).contains($0) })
                #expect(plan.checks.allSatisfy { ($0.progress == 100) == ($0.assessment == .done) })
            }
        }
    }
}
