import Domain
import Foundation
import Testing

@testable import App

/// `--demo` shows the finalized quarterly reviews (季评排队, contract §10) of the year's past
/// quarters, whatever day it starts on, with a cadre flagged for two last places in a row.
@Suite struct DemoDataReviewTests {
    static let publicBase = "/v1/public/townships/niumasi/quarterly-reviews"
    static let adminBase = "/v1/townships/niumasi/quarterly-reviews"

    /// The finalized reviews, by period, as the admin sees them (with cadre ids and flags).
    static func reviews(_ app: TestApp) throws -> [String: [JSONObject]] {
        var reviews: [String: [JSONObject]] = [:]
        for item in try app.call("GET", publicBase).items {
            let review = try app.call("GET", "\(adminBase)/\(item["id"]?.intValue ?? 0)", token: app.rootToken)
            reviews[item["period"]?.stringValue ?? ""] = review.json["cadres"]?.arrayValue?.compactMap(\.objectValue)
        }
        return reviews
    }

    @Test(
        arguments: zip(
            ["2026-12-06", "2026-08-15", "2026-05-10", "2026-04-01", "2026-03-31", "2026-02-01"],
            [["2026-Q1", "2026-Q2", "2026-Q3"], ["2026-Q1", "2026-Q2"], ["2026-Q1"], ["2026-Q1"], [], []]))
    func eachPastQuarterOfTheYearHasAFinalizedReviewOfItsClosedRound(today: String, periods: [String]) throws {
        let app = try DemoDataResponsibilityTests.demo(on: today)
        let list = try app.call("GET", Self.publicBase)
        #expect(list.status == 200)
        #expect(list.items.map { $0["period"]?.stringValue ?? "" } == periods)
        for item in list.items {
            let review = try app.call("GET", "\(Self.publicBase)/\(item["id"]?.intValue ?? 0)")
            #expect(review.status == 200)
            #expect(review.json["commentary"]?.stringValue?.hasPrefix("镇党委讲评") == true)
            let cadres = review.json["cadres"]?.arrayValue?.compactMap(\.objectValue) ?? []
            #expect(cadres.count >= 50)
            let ranks = cadres.compactMap { $0["rank"]?.intValue }
            #expect(ranks.count == cadres.count && ranks == ranks.sorted() && ranks.first == 1)
            #expect(cadres.allSatisfy { QuarterlyGrade(rawValue: $0["grade"]?.stringValue ?? "") != nil })
        }

        // Rounds 1 and 2 stay the README's: the published half year and the open Q4; then the
        // past quarters' rounds, closed, each linked to its review.
        let rounds = try app.call("GET", "/v1/townships/niumasi/rounds", token: app.rootToken).items
        #expect(rounds.map { $0["state"]?.stringValue ?? "" } == ["published", "open"] + periods.map { _ in "closed" })
        #expect(rounds.dropFirst(2).map { $0["period"]?.stringValue ?? "" } == periods)
        #expect(rounds.dropFirst(2).allSatisfy { $0["kind"] == "quarterly" })
        let admin = try app.call("GET", Self.adminBase, token: app.rootToken).items
        #expect(admin.map { $0["state"] } == periods.map { _ in "final" })
        #expect(admin.map { $0["round_id"] } == Array(rounds.dropFirst(2).map { $0["id"] }))
    }

    @Test func theLaggardIsFlaggedAfterTwoLastPlacesAndHisArchiveVerifies() throws {
        let app = try DemoDataResponsibilityTests.demo(on: "2026-12-06")
        let reviews = try Self.reviews(app)
        let flagged = reviews.mapValues { $0.filter { $0["flags"] == ["bottom_streak"] } }
        #expect(flagged["2026-Q1"]?.isEmpty == true)
        #expect(flagged["2026-Q2"]?.count == 1)
        #expect(flagged["2026-Q3"]?.isEmpty == true)
        let laggard = try #require(flagged["2026-Q2"]?.first)
        let id = try #require(laggard["cadre_id"]?.intValue)
        for period in ["2026-Q1", "2026-Q2"] {
            let rows = reviews[period] ?? []
            let last = rows.compactMap { $0["rank"]?.intValue }.max()
            #expect(rows.filter { $0["rank"]?.intValue == last }.map { $0["cadre_id"] } == [.int(id)], "\(period)")
            #expect(rows.first { $0["cadre_id"] == .int(id) }?["grade"] == "较差")
        }
        // Suspended by the half year's round, he is no subject of Q3's and goes unranked.
        let q3 = reviews["2026-Q3"]?.first { $0["cadre_id"] == .int(id) }
        #expect(q3?["rank"] == .null && q3?["score"] == .null)

        let archive = try app.call("GET", "/v1/townships/niumasi/cadres/\(id)/archive", token: app.rootToken).items
        #expect(
            archive.map { $0["kind"]?.stringValue ?? "" } == [
                "quarterly_review", "quarterly_review", "evaluation", "suspension",
            ])
        #expect(archive.prefix(2).map { $0["period"] } == ["2026-Q1", "2026-Q2"])
        #expect(archive[1]["data"]?.objectValue?["flags"] == ["bottom_streak"])
        let verify = try app.call("GET", "/v1/townships/niumasi/cadres/\(id)/archive/verify", token: app.rootToken)
        #expect(verify.json["valid"] == true)
        #expect(verify.json["records"]?.intValue == Int64(archive.count))
    }

    @Test func allFourGradesShowAndNoOneIsFlaggedAfterASingleQuarter() throws {
        let december = try Self.reviews(DemoDataResponsibilityTests.demo(on: "2026-12-06"))
        let grades = Set(december.values.flatMap { $0.compactMap { $0["grade"]?.stringValue } })
        #expect(grades == Set(QuarterlyGrade.allCases.map(\.rawValue)))
        for rows in december.values {
            #expect(Set(rows.compactMap { $0["grade"]?.stringValue }).count >= 3)
        }

        let may = try Self.reviews(DemoDataResponsibilityTests.demo(on: "2026-05-10"))
        #expect(may.keys.sorted() == ["2026-Q1"])
        #expect(may.values.joined().allSatisfy { $0["flags"] == [] })
    }
}

extension DemoDataReviewTests {
    /// The year-end assessment is in its public notice for a week from the day the demo starts.
    @Test(arguments: ["2026-12-06", "2026-05-10"])
    func theYearEndAssessmentIsPostedForObjections(today: String) throws {
        let app = try DemoDataResponsibilityTests.demo(on: today)
        let posted = try app.call("GET", "/v1/public/townships/niumasi/assessments")
        #expect(posted.items.count == 1)
        let item = try #require(posted.items.first)
        #expect(item["state"] == "notice")
        #expect(item["notice_ends"]?.stringValue == CalendarDay(today)?.adding(days: DemoData.noticeDays).text)
        let notice = try app.call("GET", "/v1/public/townships/niumasi/assessments/\(item["id"]?.intValue ?? 0)")
        #expect(notice.status == 200)
        let excellent = notice.json["excellent"]?.arrayValue ?? []
        let counts = notice.json["counts"]?.objectValue
        #expect(!excellent.isEmpty)
        #expect(counts?["优秀"]?.intValue == Int64(excellent.count))
        #expect((counts?["称职"]?.intValue ?? 0) > 0)
    }
}
