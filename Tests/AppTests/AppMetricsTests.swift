import Foundation
import Testing

/// `/metrics` carries ballots accepted and rejected, rounds by state and SQLite write latency.
@Suite struct AppMetricsTests {
    /// The value of the sample line that starts with `name` (labels included), or nil.
    static func sample(_ text: String, _ name: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.dropFirst(name.count + 1))
        }
        return nil
    }

    @Test func ballotsRoundsAndWritesAreCounted() throws {
        let f = try EvaluationFixture()
        _ = try f.createRound()
        let closed = try f.createRound()
        let closedCodes = try f.open(closed)
        #expect(try f.post("/rounds/\(closed)/close").status == 200)
        let round = try f.createRound()
        let codes = try f.open(round)
        let first = codes[f.evaluators[0]]!
        #expect(try f.vote(first, f.ballot()).status == 201)
        #expect(try f.vote(first, f.ballot()).status == 409)
        #expect(
            try f.vote(
                codes[f.evaluators[1]]!,
                #"{"supervision":[{"cadre_id":999,"village_time":1,"attitude":1,"completion":1}]}"#
            ).status == 422)
        #expect(try f.vote("AAAA-BBBB-CCCC-DDDD", f.ballot()).status == 401)
        let paper = #"{"evaluator_id":\#(f.evaluators[2]),"ballot":\#(f.ballot())}"#
        #expect(try f.post("/rounds/\(round)/paper-ballots", paper).status == 201)
        #expect(try f.vote(closedCodes[f.evaluators[3]]!, f.ballot()).status == 409)

        let response = try f.app.call("GET", "/metrics")
        #expect(response.status == 200)
        let text = response.raw.text
        #expect(Self.sample(text, #"duping_ballots_accepted_total{channel="online"}"#) == 1)
        #expect(Self.sample(text, #"duping_ballots_accepted_total{channel="paper"}"#) == 1)
        #expect(Self.sample(text, #"duping_ballots_rejected_total{reason="already_voted"}"#) == 1)
        #expect(Self.sample(text, #"duping_ballots_rejected_total{reason="invalid"}"#) == 1)
        #expect(Self.sample(text, #"duping_ballots_rejected_total{reason="unknown_code"}"#) == 1)
        #expect(Self.sample(text, #"duping_ballots_rejected_total{reason="round_not_open"}"#) == 1)
        #expect(Self.sample(text, #"duping_rounds{state="draft"}"#) == 1)
        #expect(Self.sample(text, #"duping_rounds{state="open"}"#) == 1)
        #expect(Self.sample(text, #"duping_rounds{state="closed"}"#) == 1)
        #expect(Self.sample(text, #"duping_rounds{state="published"}"#) == 0)
        let writes = try #require(Self.sample(text, "duping_sqlite_write_duration_seconds_count"))
        #expect(writes >= 8, "registry, rounds, open and ballots each wrote")
        #expect(Self.sample(text, #"duping_sqlite_write_duration_seconds_bucket{le="+Inf"}"#) == writes)
        #expect(Self.sample(text, "duping_sqlite_write_duration_seconds_sum").map { $0 > 0 } == true)
        #expect(text.contains("duping_http_requests_total"), "the core's metrics are still there")
    }
}
