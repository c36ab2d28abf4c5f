import Domain
import Foundation
import Testing

/// Every ballot rule of contract §5 gives a precise 422 and stores nothing.
@Suite struct BallotRulesTests {
    /// Cadre ids are 1…4 and departments 1…3 in the fixture's fresh database; project 3 is of 2025.
    @Test(arguments: [
        (
            #"{"supervision":[{"cadre_id":1,"village_time":101,"attitude":90,"completion":85}]}"#,
            "supervision[0].village_time"
        ),
        (
            #"{"supervision":[{"cadre_id":1,"village_time":-1,"attitude":90,"completion":85}]}"#,
            "supervision[0].village_time"
        ),
        (
            #"{"supervision":[{"cadre_id":1,"village_time":80.5,"attitude":90,"completion":85}]}"#,
            "supervision[0].village_time"
        ),
        (#"{"supervision":[{"cadre_id":1,"village_time":80,"attitude":90}]}"#, "supervision[0].completion"),
        (
            #"{"supervision":[{"cadre_id":1,"department_id":1,"village_time":80,"attitude":90,"completion":85}]}"#,
            "supervision[0]"
        ),
        (#"{"supervision":[{"village_time":80,"attitude":90,"completion":85}]}"#, "supervision[0]"),
        (
            #"{"supervision":[{"cadre_id":999,"village_time":80,"attitude":90,"completion":85}]}"#,
            "supervision[0].cadre_id"
        ),
        (
            #"{"supervision":[{"cadre_id":1,"village_time":80,"attitude":90,"completion":85},{"cadre_id":1,"village_time":80,"attitude":90,"completion":85}]}"#,
            "supervision[1]"
        ),
        (
            #"{"supervision":[{"cadre_id":1,"village_time":80,"attitude":90,"completion":85,"bonus":5}]}"#,
            "supervision[0].bonus"
        ),
        (#"{"most_satisfied":{"cadre_id":2},"least_satisfied":{"cadre_id":2}}"#, "least_satisfied.cadre_id"),
        (#"{"most_satisfied":{"project_id":3}}"#, "most_satisfied.project_id"),
        (#"{"most_satisfied":{"cadre_id":"2"}}"#, "most_satisfied.cadre_id"),
        (#"{"votes":[]}"#, "votes"),
        (#"{"comment":"\#(String(repeating: "长", count: 501))"}"#, "comment"),
    ])
    func invalidBallotIs422NamingTheField(body: String, field: String) throws {
        let f = try EvaluationFixture()
        let round = try f.createRound()
        let codes = try f.open(round)
        let code = codes[f.evaluators[0]]!
        let response = try f.vote(code, body)
        #expect(response.status == 422, "\(response.raw.text)")
        #expect(response.errorFields.contains { $0.hasPrefix(field) }, "\(response.errorFields)")
        #expect(try f.app.call("GET", "/v1/ballot", token: code).json["voted"] == .bool(false), "nothing was used up")
        #expect(try f.get("/rounds/\(round)/turnout").json["voted"] == .int(0))
    }

    @Test func aBallotMayAbstainAndSkipSubjects() throws {
        let f = try EvaluationFixture()
        let codes = try f.open(try f.createRound())
        let response = try f.vote(codes[f.evaluators[0]]!, #"{"supervision":[],"most_satisfied":{"cadre_id":null}}"#)
        #expect(response.status == 201)
        let receipt = response.json["receipt"]?.stringValue ?? ""
        #expect(receipt.range(of: "^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", options: .regularExpression) != nil)
    }

    @Test func malformedBallotBodiesAre400Or415() throws {
        let f = try EvaluationFixture()
        let codes = try f.open(try f.createRound())
        let code = codes[f.evaluators[0]]!
        #expect(try f.vote(code, "{").status == 400)
        #expect(try f.vote(code, "[]").status == 400)
        #expect(try f.app.call("POST", "/v1/ballot", token: code, body: "x=1", contentType: "text/plain").status == 415)
    }

    @Test func fiftySimultaneousBallotsWithOneCodeCountOnce() throws {
        let f = try EvaluationFixture()
        let round = try f.createRound()
        let code = try f.open(round)[f.evaluators[0]]!
        let ballot = f.ballot()
        let statuses = LockedList()
        DispatchQueue.concurrentPerform(iterations: 50) { _ in
            statuses.append((try? f.vote(code, ballot).status) ?? -1)
        }
        #expect(statuses.values.filter { $0 == 201 }.count == 1)
        #expect(statuses.values.filter { $0 == 409 }.count == 49)
        #expect(try f.vote(code, ballot).json["type"] == "urn:duping:problem:already-voted")
        #expect(try f.get("/rounds/\(round)/turnout").json["voted"] == .int(1))
        _ = try f.post("/rounds/\(round)/close")
        #expect(try f.get("/rounds/\(round)/results").json["turnout"]?.objectValue?["ballots"] == .int(1))
    }

    @Test func otherTownshipsCannotSeeRounds() throws {
        let f = try EvaluationFixture()
        let round = try f.createRound()
        let other = try f.app.makeTownship("other", name: "另一镇")
        #expect(try f.app.call("GET", "\(f.base)/rounds/\(round)", token: other).status == 404)
        #expect(try f.app.call("GET", "/v1/townships/other/rounds/\(round)", token: other).status == 404)
        #expect(try f.app.call("POST", "/v1/townships/other/rounds/\(round)/open", token: other).status == 404)
    }
}

/// A thread-safe list of results collected from concurrent requests.
final class LockedList: @unchecked Sendable {
    // Safe: `items` is only touched while holding `lock`.
    private let lock = NSLock()
    private var items: [Int] = []
    func append(_ value: Int) { lock.lock(); items.append(value); lock.unlock() }
    var values: [Int] { lock.lock(); defer { lock.unlock() }; return items }
}
