import App
import Foundation
import Primitives
import Storage
import Testing

/// Time comes from the injected clock (issue 12): "today" is China Standard Time whatever the
/// server's zone, stored times are the clock's, and the code-guessing window moves with it.
@Suite struct ClockRulesTests {
    /// 2026-12-31T16:30:00Z is already 2027-01-01 00:30 in Beijing.
    static let newYearInBeijing: Int64 = 1_798_734_600

    @Test func aBallotCarriesTodayInChinaStandardTimeAndTimestampsAreTheClocks() throws {
        let clock = ManualClock(wallSeconds: Self.newYearInBeijing)
        let f = try EvaluationFixture(app: try TestApp { $0.clock = clock }, cadres: 1)
        let township = try f.app.call("GET", "/v1/townships/niumasi", token: f.app.rootToken)
        #expect(township.json["created_at"] == .string("2026-12-31T16:30:00Z"))
        let round = try f.createRound()
        let codes = try f.open(round)
        #expect(try f.get("/rounds/\(round)").json["opened_at"] == .string("2026-12-31T16:30:00Z"))
        #expect(try f.vote(codes[f.evaluators[0]]!, f.ballot()).status == 201)
        // SQLite lays ballots out in pre-made slots with the day in the body; PostgreSQL has a column.
        let days = try f.app.app.strings(
            TestBackend.isPostgres
                ? "SELECT cast_on FROM ballots"
                : "SELECT CAST(substr(body, 2, 10) AS TEXT) FROM ballots WHERE filled = 1")
        #expect(days == ["2027-01-01"])
        clock.advance(by: 3600)
        #expect(try f.post("/rounds/\(round)/close").json["closed_at"] == .string("2026-12-31T17:30:00Z"))
    }

    @Test func theCodeGuessingWindowRunsOnTheClock() throws {
        let clock = ManualClock(wallSeconds: Self.newYearInBeijing)
        let app = try TestApp {
            $0.clock = clock
            $0.ballotFailureLimit = 3
        }
        for _ in 0..<3 {
            #expect(try app.call("GET", "/v1/ballot", token: "AAAA-BBBB-CCCC-DDDD").status == 401)
        }
        let throttled = try app.call("GET", "/v1/ballot", token: "AAAA-BBBB-CCCC-DDDD")
        #expect(throttled.status == 429)
        #expect(throttled.header("Retry-After") == "600")
        clock.advance(by: 599)
        #expect(try app.call("GET", "/v1/ballot", token: "AAAA-BBBB-CCCC-DDDD").header("Retry-After") == "1")
        clock.advance(by: 1)
        #expect(try app.call("GET", "/v1/ballot", token: "AAAA-BBBB-CCCC-DDDD").status == 401, "the window has passed")
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01", "1970-01-01T00:00:00Z"),
        (Int64(57_599), "1970-01-01", "1970-01-01T15:59:59Z"),
        (Int64(57_600), "1970-01-02", "1970-01-01T16:00:00Z"),
        (Int64(1_709_222_399), "2024-02-29", "2024-02-29T15:59:59Z"),
        (Int64(1_709_222_400), "2024-03-01", "2024-02-29T16:00:00Z"),
        (Int64(1_798_734_600), "2027-01-01", "2026-12-31T16:30:00Z"),
    ])
    func todayIsTheDateInBeijing(wallSeconds: Int64, today: String, timestamp: String) {
        let clock = ManualClock(wallSeconds: wallSeconds)
        #expect(clock.today() == today)
        #expect(clock.timestamp() == timestamp)
    }
}
