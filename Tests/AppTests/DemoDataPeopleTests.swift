import Domain
import Foundation
import Testing

@testable import App

/// `--demo` puts the cadres in front of the people (contract §12) whatever day it starts on: a
/// whereabouts board for today with a few 未报, visit diaries over the past half year, and
/// first-asked requests in every state whose codes a newcomer can look up.
@Suite struct DemoDataPeopleTests {
    static let base = "/v1/townships/niumasi"
    static let days = ["2026-06-20", "2026-12-06", "2027-01-01", "2028-02-29"]

    /// The demo's cadres by id, as the admin sees them (status and village).
    static func cadres(_ app: TestApp) throws -> [Int64: JSONObject] {
        let items = try app.call("GET", "\(base)/cadres?limit=1000", token: app.rootToken).items
        return Dictionary(uniqueKeysWithValues: items.map { ($0["id"]?.intValue ?? 0, $0) })
    }

    @Test(arguments: days)
    func todaysBoardHasEveryActiveCadreWithAFewUnreportedAndTwoOnLeave(today: String) throws {
        let app = try DemoDataResponsibilityTests.demo(on: today)
        let board = try app.call("GET", "/v1/public/townships/niumasi/whereabouts")
        #expect(board.status == 200)
        #expect(board.json["date"] == .string(today))
        let cadres = try Self.cadres(app)
        let items = board.items
        #expect(items.count == cadres.values.filter { $0["status"] == "active" }.count)
        #expect(items.filter { $0["place"] == .null }.count == DemoData.unreportedToday.count)
        #expect(items.filter { $0["place"] == "leave" }.count == DemoData.onLeaveToday.count)
        #expect(Set(items.compactMap { $0["place"]?.stringValue }) == Set(Place.allCases.map(\.rawValue)))

        let reported = items.filter { $0["place"] != .null }
        #expect(reported.allSatisfy { $0["updated_at"]?.stringValue != nil })
        #expect(reported.allSatisfy { ($0["place"] == "village") == ($0["village"] != .null) })
        #expect(items.filter { $0["place"] == .null }.allSatisfy { $0["note"] == .null && $0["updated_at"] == .null })
        // Most stationed cadres are in their own village today.
        let stationed = items.filter { cadres[$0["cadre_id"]?.intValue ?? 0]?["village"] != .null }
        #expect(stationed.count == DemoData.stationed.count)
        let home = stationed.filter { $0["village"] == cadres[$0["cadre_id"]?.intValue ?? 0]?["village"] }
        #expect(home.count >= 3)
    }

    @Test(arguments: days)
    func stationedCadresKeepADiaryOverTheHalfYearAndNoneIsDatedAfterToday(today: String) throws {
        let app = try DemoDataResponsibilityTests.demo(on: today)
        let day = try #require(CalendarDay(today))
        let cadres = try Self.cadres(app)
        func diary(_ id: Int64, query: String = "") throws -> [JSONObject] {
            let response = try app.call("GET", "\(Self.base)/cadres/\(id)/diary\(query)", token: app.rootToken)
            #expect(response.status == 200)
            return response.items
        }
        let stationed = cadres.filter { $0.value["village"] != .null }
        #expect(stationed.count == DemoData.stationed.count)
        for (id, cadre) in stationed {
            let entries = try diary(id)
            let dates = entries.compactMap { $0["date"]?.stringValue.flatMap(CalendarDay.init) }
            #expect(dates.count == entries.count && dates.count >= 12)
            #expect(dates == dates.sorted())
            #expect(dates.allSatisfy { $0 <= day && $0 >= day.adding(days: -183) })
            #expect(Set(dates.map(\.calendarMonth)).count >= 6)
            #expect(entries.allSatisfy { $0["village"] == cadre["village"] })
            #expect(entries.allSatisfy { $0["summary"]?.stringValue?.isEmpty == false })
            #expect(Set(entries.map { $0["summary"]?.stringValue ?? "" }).count >= entries.count - 2, "few repeats")
        }
        // A cadre in touch with a village writes there too; others write nothing.
        let ids = cadres.keys.sorted()  // by index in the demo's list
        for (index, village) in DemoData.diarists {
            let entries = try diary(ids[index])
            #expect(entries.count >= 6)
            #expect(entries.allSatisfy { $0["village"] == .string(village) })
        }
        let writers = Set(DemoData.stationed.keys).union(DemoData.diarists.keys)
        let quiet = try #require(ids.indices.first { !writers.contains($0) })
        #expect(try diary(ids[quiet]).isEmpty)
        // The range query sees this month only.
        let month = day.calendarMonth.firstDay.text
        let (anyStationed, _) = try #require(stationed.first)
        #expect(
            try diary(anyStationed, query: "?from=\(month)&to=\(today)").allSatisfy {
                ($0["date"]?.stringValue ?? "") >= month
            })
    }

    /// The diaries and whereabouts are in before the demo's rounds close, so the village days the
    /// results freeze at close count them (下村天数 on the board).
    @Test func theHalfYearsPublishedBoardCountsTheStationedCadresVillageDays() throws {
        let app = try DemoDataResponsibilityTests.demo(on: "2026-06-20")
        let cadres = try Self.cadres(app)
        let board = try app.call("GET", "/v1/public/townships/niumasi/rounds/1").json
        let rows = board["cadres"]?.arrayValue?.compactMap(\.objectValue) ?? []
        let days = Dictionary(uniqueKeysWithValues: rows.map { ($0["name"]?.stringValue ?? "", $0["village_days"]) })
        let stationed = cadres.values.filter { $0["village"] != .null }.compactMap { $0["name"]?.stringValue }
        #expect(stationed.count == DemoData.stationed.count)
        for name in stationed { #expect((days[name]??.intValue ?? 0) >= 10, "\(name)") }
    }

    @Test(arguments: days)
    func requestsShowEveryStateAndEachCodeLooksUpToTheStateWrittenBesideIt(today: String) throws {
        let app = try DemoDataResponsibilityTests.demo(on: today)
        let list = try app.call("GET", "\(Self.base)/requests", token: app.rootToken)
        #expect(list.status == 200)
        let items = list.items
        #expect(items.count == DemoData.requests.count)
        #expect(
            Set(items.compactMap { $0["state"]?.stringValue }) == Set(FirstAskedRequest.State.allCases.map(\.rawValue)))
        let overdue = try app.call("GET", "\(Self.base)/requests?overdue=true", token: app.rootToken).items
        #expect(
            overdue.count >= 1
                && overdue.allSatisfy { $0["state"] != "resolved" && ($0["due"]?.stringValue ?? "") < today })
        #expect(items.allSatisfy { ($0["filed_on"]?.stringValue ?? "") <= today })
        #expect(items.allSatisfy { ($0["resolved_on"]?.stringValue ?? "") <= today })
        #expect(
            items.contains {
                $0["state"] == "resolved" && ($0["resolved_on"]?.stringValue ?? "") > ($0["due"]?.stringValue ?? "")
            })

        // Every step is recorded as through the API, with the cadre who took it.
        let late = try #require(items.last)
        let events = try app.call("GET", "\(Self.base)/requests/\(late["id"]?.intValue ?? 0)", token: app.rootToken)
        let steps = events.json["events"]?.arrayValue?.compactMap(\.objectValue) ?? []
        #expect(steps.map { $0["event"] } == ["filed", "handoff", "accept", "resolve"])
        #expect(steps.dropFirst().allSatisfy { $0["data"]?.objectValue?["by_cadre_id"]?.intValue != nil })
        #expect(steps.last?["data"]?.objectValue?["by_cadre_id"] == late["resolved_by_cadre_id"])

        let path = app.directory + "/demo-request-codes.txt"
        #expect(try FileManagerAttributes.permissions(path) == 0o600)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter {
            !$0.hasPrefix("#")
        }
        #expect(lines.count == items.count)
        for line in lines {
            let columns = line.split(separator: "\t").map(String.init)
            let seen = try app.call("GET", "/v1/public/requests/\(columns[0])")
            #expect(seen.status == 200)
            #expect(seen.json["state"] == .string(columns[1]))
            #expect(seen.json["overdue"] == .bool(columns.count == 3 && columns[2] == "overdue"))
            #expect(!seen.json.contains("summary") && seen.json["department"]?.stringValue != nil)
        }
    }
}
