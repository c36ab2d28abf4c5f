import Domain
import Foundation
import Testing

/// The quarterly review meeting through the API (contract §10).
@Suite struct QuarterlyReviewAPITests {
    /// A township whose 4 cadres got 90, 80, 70 and 60 in a closed quarterly round of `period`;
    /// returns the round's id.
    static func closedRound(_ f: EvaluationFixture, period: String = "2026-Q2") throws -> Int64 {
        let ids = f.evaluators.map(String.init).joined(separator: ",")
        let created = try f.post(
            "/rounds",
            #"{"title":"\#(period) 季评排队","kind":"quarterly","period":"\#(period)","evaluator_ids":[\#(ids)]}"#)
        #expect(created.status == 201, "\(created.raw.text)")
        let round = created.json["id"]?.intValue ?? 0
        let codes = try f.open(round)
        let entries = f.cadres.enumerated().map { index, id in
            let score = 90 - 10 * index
            return #"{"cadre_id":\#(id),"village_time":\#(score),"attitude":\#(score),"completion":\#(score)}"#
        }
        let body = #"{"supervision":[\#(entries.joined(separator: ","))],"most_satisfied":null,"least_satisfied":null}"#
        for code in codes.values { #expect(try f.vote(code, body).status == 201) }
        #expect(try f.post("/rounds/\(round)/close").status == 200)
        return round
    }

    func review(_ f: EvaluationFixture, _ body: String) throws -> APIResponse {
        try f.post("/quarterly-reviews", body)
    }

    @Test func aDraftRanksTheRoundsVotesAndFinalizingFreezesItIntoTheArchive() throws {
        let f = try EvaluationFixture()
        let round = try Self.closedRound(f)
        let created = try review(f, #"{"period":"2026-Q2","round_id":\#(round)}"#)
        #expect(created.status == 201, "\(created.raw.text)")
        #expect(created.json["state"] == "draft")
        #expect(created.json["weights"] == ["tasks": 60.0, "votes": 40.0])
        let id = try #require(created.json["id"]?.intValue)
        #expect(created.header("Location") == "\(f.base)/quarterly-reviews/\(id)")
        let cadres = try f.get("/quarterly-reviews/\(id)").json["cadres"]?.arrayValue?.compactMap(\.objectValue) ?? []
        #expect(cadres.map { $0["cadre_id"]?.intValue } == f.cadres.map { $0 })
        #expect(cadres.map { $0["votes"] } == [90.0, 80.0, 70.0, 60.0])
        #expect(cadres.map { $0["tasks"] } == [JSONValue.null, .null, .null, .null])  // no targets
        #expect(cadres.map { $0["score"] } == [90.0, 80.0, 70.0, 60.0])  // the tasks' weight drops out
        #expect(cadres.map { $0["rank"] } == [1, 2, 3, 4])
        #expect(cadres.map { $0["grade"] } == ["好", "较好", "一般", "一般"])
        #expect(cadres[0]["name"] == "干部0" && cadres[0]["department"] == "民政办")

        #expect(try f.app.call("GET", "/v1/public/townships/niumasi/quarterly-reviews/\(id)").status == 404)
        let final = try f.post("/quarterly-reviews/\(id)/finalize", #"{"commentary":"镇党委讲评：干部3需加强"}"#)
        #expect(final.status == 200, "\(final.raw.text)")
        #expect(final.json["state"] == "final")
        #expect(final.json["commentary"] == "镇党委讲评：干部3需加强")
        #expect(try f.post("/quarterly-reviews/\(id)/finalize", "{}").status == 409)

        let archive = try f.get("/cadres/\(f.cadres[3])/archive").items
        let record = try #require(archive.last)
        #expect(record["kind"] == "quarterly_review")
        #expect(record["period"] == "2026-Q2")
        #expect(record["data"]?.objectValue?["rank"] == 4)
        #expect(record["data"]?.objectValue?["grade"] == "一般")
        #expect(record["data"]?.objectValue?["score"] == "60.00")
        #expect(try f.get("/cadres/\(f.cadres[3])/archive/verify").json["valid"] == true)
        let forged = try f.post(
            "/cadres/\(f.cadres[0])/archive", #"{"kind":"quarterly_review","data":{"rank":1}}"#)
        #expect(forged.status == 422)

        // Frozen: a later vote-free change does not move it; the public sees the ranking.
        #expect(try f.patch("/cadres/\(f.cadres[0])", #"{"name":"改名"}"#).status == 200)
        #expect(try f.get("/quarterly-reviews/\(id)").json["cadres"]?.arrayValue?.first?.objectValue?["name"] == "干部0")
        let board = try f.app.call("GET", "/v1/public/townships/niumasi/quarterly-reviews/\(id)")
        #expect(board.status == 200)
        #expect(board.json["commentary"] == "镇党委讲评：干部3需加强")
        let posted = board.json["cadres"]?.arrayValue?.compactMap(\.objectValue) ?? []
        #expect(posted.first == ["name": "干部0", "department": "民政办", "rank": 1, "grade": "好", "score": 90.0])
        #expect(!board.raw.text.contains("cadre_id") && !board.raw.text.contains("votes"))
        let list = try f.app.call("GET", "/v1/public/townships/niumasi/quarterly-reviews")
        #expect(list.items.map { $0["period"] } == ["2026-Q2"])
    }

    @Test func badCreatesAre422NamingTheFieldAndAPeriodHasOneReview() throws {
        let f = try EvaluationFixture()
        let round = try Self.closedRound(f)
        let semiannual = try f.createRound()
        let cases: [(String, String)] = [
            (#"{"period":"2026-H1"}"#, "period"),
            (#"{"period":"2026-Q5"}"#, "period"),
            (#"{"period":"2026-Q3","round_id":\#(round)}"#, "round_id"),  // another quarter's round
            (#"{"period":"2026-Q2","round_id":\#(semiannual)}"#, "round_id"),  // not quarterly, a draft
            (#"{"period":"2026-Q2","round_id":999999}"#, "round_id"),
            (#"{"period":"2026-Q2","weights":{"tasks":0,"votes":0}}"#, "weights"),
            (#"{"period":"2026-Q2","weights":{"tasks":-1}}"#, "weights.tasks"),
            (#"{"period":"2026-Q2","points":{"red":120}}"#, "points.red"),
            (#"{"period":"2026-Q2","bottom_streak":0}"#, "bottom_streak"),
            (#"{"period":"2026-Q2","chair":"x"}"#, "chair"),
        ]
        for (body, field) in cases {
            let response = try review(f, body)
            #expect(response.status == 422, "\(body)")
            #expect(response.errorFields == [field], "\(body): \(response.errorFields)")
        }
        #expect(try f.get("/quarterly-reviews").items.isEmpty)
        #expect(try review(f, #"{"period":"2026-Q2"}"#).status == 201)
        let again = try review(f, #"{"period":"2026-Q2","round_id":\#(round)}"#)
        #expect(again.status == 409)
        #expect(try f.post("/quarterly-reviews/999999/finalize", "{}").status == 404)
    }

    @Test func theLastPlaceTwoQuartersRunningIsFlagged() throws {
        let f = try EvaluationFixture()
        for period in ["2026-Q1", "2026-Q2"] {
            let round = try Self.closedRound(f, period: period)
            let id = try #require(try review(f, #"{"period":"\#(period)","round_id":\#(round)}"#).json["id"]?.intValue)
            let final = try f.post("/quarterly-reviews/\(id)/finalize", #"{"commentary":"讲评"}"#)
            let rows = final.json["cadres"]?.arrayValue?.compactMap(\.objectValue) ?? []
            let flagged = rows.filter { $0["flags"] == ["bottom_streak"] }.map { $0["cadre_id"]?.intValue }
            #expect(flagged == (period == "2026-Q1" ? [] : [f.cadres[3]]), "\(period)")
        }
        // A review with a streak of 3 has no 2025-Q4 review behind it: no flag.
        let round = try Self.closedRound(f, period: "2026-Q3")
        let third = try review(f, #"{"period":"2026-Q3","round_id":\#(round)}"#)
        #expect(third.json["cadres"]?.arrayValue?.last?.objectValue?["flags"] == ["bottom_streak"])
        let longer = try review(f, #"{"period":"2026-Q4","bottom_streak":4}"#)
        #expect(longer.json["cadres"]?.arrayValue?.allSatisfy { $0.objectValue?["flags"] == [] } == true)
    }
}
