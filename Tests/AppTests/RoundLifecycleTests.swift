import Domain
import Foundation
import Storage
import Testing

/// Rounds from draft to published (contract §4–§7), through the live API.
@Suite struct RoundLifecycleTests {
    @Test func aRoundGoesFromDraftToPublishedBoardAndArchive() throws {
        let f = try EvaluationFixture()
        let round = try f.createRound()
        #expect(try f.get("/rounds/\(round)").json["state"] == "draft")
        #expect(
            try f.app.call("PATCH", "\(f.base)/rounds/\(round)", token: f.admin, body: #"{"title":"改后的标题"}"#).json[
                "title"] == "改后的标题")
        let codes = try f.open(round)
        #expect(codes.count == 6)
        #expect(
            codes.values.allSatisfy {
                $0.range(of: "^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", options: .regularExpression) != nil
            })
        #expect(try f.post("/rounds/\(round)/open").status == 409)
        #expect(
            try f.app.call("PATCH", "\(f.base)/rounds/\(round)", token: f.admin, body: #"{"title":"x"}"#).status == 409)

        let form = try f.app.call("GET", "/v1/ballot", token: codes[f.evaluators[0]]!)
        #expect(form.json["cadres"]?.arrayValue?.count == 4)
        #expect(form.json["projects"]?.arrayValue?.count == 2, "only projects of the period's year")
        #expect(form.json["voted"] == .bool(false))
        #expect(form.json["round"]?.objectValue?["state"] == "open")
        // The township, so the page can link the evaluator to the right public board.
        #expect(form.json["round"]?.objectValue?["township"] == "niumasi")
        #expect(form.json["round"]?.objectValue?["township_name"] == "牛马司镇")

        var receipts: [String] = []
        for (index, evaluator) in f.evaluators.enumerated() {
            let response = try f.vote(
                codes[evaluator]!, f.ballot(score: 70 + index, most: f.cadres[0], least: f.cadres[3], comment: "希望多下村"))
            #expect(response.status == 201)
            #expect(response.header("Location") == nil)
            receipts.append(response.json["receipt"]?.stringValue ?? "")
        }
        let turnout = try f.get("/rounds/\(round)/turnout")
        #expect(turnout.json["panel"] == .int(6))
        #expect(turnout.json["voted"] == .int(6))
        #expect(turnout.json["by_category"]?.objectValue?["deputy"] == .object(["panel": 3, "voted": 3]))
        #expect(try f.get("/rounds/\(round)/results").status == 409, "no results before close")

        #expect(try f.post("/rounds/\(round)/close").json["state"] == "closed")
        #expect(try f.vote(codes[f.evaluators[0]]!, f.ballot()).status == 409)
        #expect(
            try f.app.call("GET", "/v1/ballot", token: codes[f.evaluators[0]]!).json["round"]?.objectValue?["state"]
                == "closed")
        let results = try f.get("/rounds/\(round)/results")
        #expect(results.status == 200)
        #expect(results.json["turnout"] == .object(["panel": 6, "ballots": 6]))
        let top = results.json["cadres"]?.arrayValue?.first?.objectValue
        // Scores 70…75: six of them, so one highest and one lowest are dropped: mean of 71…74.
        #expect(top?["scores"]?.objectValue?["composite"] == .double(72.5))
        #expect(top?["rank"] == .int(1))
        let designations = results.json["designations"]?.objectValue
        #expect(designations?["most_satisfied"]?.objectValue?["cadres"] == .array([.int(f.cadres[0])]))
        #expect(designations?["least_satisfied"]?.objectValue?["cadres"] == .array([.int(f.cadres[3])]))

        let csv = try f.get("/rounds/\(round)/results.csv")
        #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(Array(csv.raw.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv.raw.text.contains("排名,姓名,部门,下村时间,下村天数,工作态度,任务完成,综合得分,最满意票,最不满意票,净票\r\n1,干部"))

        #expect(
            try f.app.call("GET", "/v1/public/townships/niumasi/rounds/\(round)").status == 404,
            "not public before publication")
        let published = try f.post("/rounds/\(round)/publish", #"{"commentary":"镇党委讲评：成绩突出"}"#)
        #expect(published.status == 200)
        #expect(try f.post("/rounds/\(round)/publish", #"{"commentary":"again"}"#).status == 409)

        let board = try f.app.call("GET", "/v1/public/townships/niumasi/rounds/\(round)")
        #expect(board.status == 200)
        #expect(board.json["commentary"] == "镇党委讲评：成绩突出")
        #expect(board.json["receipts"] == .array(receipts.sorted().map(JSONValue.string)))
        #expect(!board.raw.text.contains("希望多下村"), "comments never appear on the board")
        #expect(codes.values.allSatisfy { !board.raw.text.contains($0) })
        // Plain and gzipped bodies carry different validators (strong, and its weak form), both
        // vary on Accept-Encoding, and either tag revalidates.
        let boardPath = "/v1/public/townships/niumasi/rounds/\(round)"
        let strong = try #require(board.header("ETag"))
        #expect(strong.hasPrefix("\""))
        #expect(board.header("Vary") == "Accept-Encoding")
        let zipped = try f.app.call("GET", boardPath, headers: ["Accept-Encoding": "gzip"])
        #expect(zipped.header("Content-Encoding") == "gzip")
        #expect(zipped.header("ETag") == "W/" + strong)
        #expect(zipped.header("Vary") == "Accept-Encoding")
        for tag in [strong, "W/" + strong] {
            #expect(try f.app.call("GET", boardPath, headers: ["If-None-Match": tag]).status == 304)
        }
        // One spelling per round: `01` or `+1` would each have cached another copy of the board.
        for spelling in ["0\(round)", "+\(round)", "00\(round)", "\(round).0"] {
            #expect(try f.app.call("GET", "/v1/public/townships/niumasi/rounds/\(spelling)").status == 404)
        }
        let list = try f.app.call("GET", "/v1/public/townships/niumasi/rounds")
        #expect(list.items.map { $0["id"] } == [.int(round)])

        let suspended = try f.get("/cadres/\(f.cadres[3])")
        #expect(suspended.json["status"] == "suspended")
        let archive = try f.get("/cadres/\(f.cadres[3])/archive")
        #expect(archive.items.map { $0["kind"] } == ["evaluation", "suspension"])
        #expect(try f.get("/cadres/\(f.cadres[0])/archive").items.map { $0["kind"] } == ["evaluation", "commendation"])
        #expect(try f.get("/cadres/\(f.cadres[0])/archive/verify").json == ["valid": true, "records": 2])
    }

    @Test(arguments: [
        (#"{"title":"x","kind":"yearly","period":"2026-H2","evaluator_ids":[1]}"#, "kind"),
        (#"{"title":"x","kind":"quarterly","period":"2026-H2","evaluator_ids":[1]}"#, "period"),
        (#"{"title":"x","kind":"semiannual","period":"2026-H2","evaluator_ids":[]}"#, "evaluator_ids"),
        (#"{"title":"x","kind":"semiannual","period":"2026-H2"}"#, "evaluator_ids"),
        (
            #"{"title":"x","kind":"semiannual","period":"2026-H2","evaluator_ids":[1],"least_threshold":1.5}"#,
            "least_threshold"
        ),
        (
            #"{"title":"x","kind":"semiannual","period":"2026-H2","evaluator_ids":[1],"weights":{"village_time":-1,"attitude":1,"completion":1}}"#,
            "weights.village_time"
        ),
        (
            #"{"title":"x","kind":"semiannual","period":"2026-H2","evaluator_ids":[1],"scale":{"min":10,"max":5}}"#,
            "scale"
        ),
        (
            #"{"title":"x","kind":"semiannual","period":"2026-H2","evaluator_ids":[1],"category_weights":{"deputy":1}}"#,
            "category_weights.village_cadre"
        ),
        (#"{"title":"x","kind":"semiannual","period":"2026-H2","evaluator_ids":[99999]}"#, "evaluator_ids[0]"),
        (#"{"title":"x","kind":"semiannual","period":"2026-H2","evaluator_ids":[1],"colour":"red"}"#, "colour"),
    ])
    func invalidRoundsAre422(body: String, field: String) throws {
        let f = try EvaluationFixture()
        let response = try f.app.call("POST", "\(f.base)/rounds", token: f.admin, body: body)
        #expect(response.status == 422, "\(response.raw.text)")
        #expect(response.errorFields.contains { $0.hasPrefix(field) }, "\(response.errorFields)")
    }

    @Test func openingWithATooSmallWeightedGroupIs422() throws {
        let f = try EvaluationFixture(panel: [3, 2, 0, 0])
        let round = try f.createRound(
            #","category_weights":{"deputy":3,"village_cadre":2,"retired_cadre":2,"contact_household":3}"#)
        let response = try f.post("/rounds/\(round)/open")
        #expect(response.status == 422)
        #expect(try f.get("/rounds/\(round)").json["state"] == "draft")
    }

    @Test func reissueKillsTheOldCodeAndIsRefusedAfterVoting() throws {
        let f = try EvaluationFixture()
        let round = try f.createRound()
        let codes = try f.open(round)
        let evaluator = f.evaluators[0]
        let reissued = try f.post("/rounds/\(round)/tokens/\(evaluator)/reissue")
        #expect(reissued.status == 200)
        let newCode = reissued.json["token"]?.stringValue ?? ""
        #expect(newCode != codes[evaluator])
        #expect(try f.vote(codes[evaluator]!, f.ballot()).status == 401)
        #expect(try f.vote(newCode, f.ballot()).status == 201)
        #expect(try f.post("/rounds/\(round)/tokens/\(evaluator)/reissue").status == 409)
    }

    /// A code looked up just before a reissue, then cast: the ballot loses (401, the code is
    /// dead) and the new slip still votes. (Found racing the two from threads: both used to
    /// succeed, leaving a printed code that could never vote.) The race is made deterministic
    /// by driving the ballot store directly between the lookup and the cast.
    @Test(
        TestBackend.sqliteOnly(
            "opens the SQLite file a second time for the racing ballot; the race on PostgreSQL is in the round-and-ballot conformance suite"
        )) func aBallotRacingAReissueOfItsCodeLoses() throws
    {
        let f = try EvaluationFixture()
        let round = try f.createRound()
        let codes = try f.open(round)
        let evaluator = f.evaluators[0]
        let second = try SQLiteStore(path: f.app.directory + "/duping.sqlite")
        defer { second.close() }
        let store = second.ballotBox
        let oldHash = try #require(
            try second.database.read {
                try $0.queryOne(
                    "SELECT token_hash FROM round_panel WHERE round_id = ? AND evaluator_id = ?", [round, evaluator]
                ) { $0.blob(0) }
            })
        let session = try #require(try store.session(tokenHash: oldHash))
        let reissued = try f.post("/rounds/\(round)/tokens/\(evaluator)/reissue")
        #expect(reissued.status == 200)
        let ballot = ValidBallot(entries: [
            ScoreEntry(subject: .cadre(Int(f.cadres[0])), villageTime: 80, attitude: 80, completion: 80)
        ])
        #expect(throws: RoundError.codeReplaced) { try store.cast(ballot, session: session) }
        #expect(try f.vote(codes[evaluator]!, f.ballot()).status == 401)
        #expect(try f.vote(reissued.json["token"]?.stringValue ?? "", f.ballot()).status == 201)
        #expect(try f.get("/rounds/\(round)/turnout").json["voted"] == .int(1))
    }

    /// Open, close and reissue take no input: an empty body or `{}` is fine, anything else is
    /// refused like any bad body (and changes nothing) instead of being silently ignored.
    @Test func actionsWithoutInputRefuseABodyTheyWouldIgnore() throws {
        let f = try EvaluationFixture()
        let round = try f.createRound()
        let open = "\(f.base)/rounds/\(round)/open"
        #expect(try f.app.call("POST", open, token: f.admin, body: "{not json").status == 400)
        #expect(try f.app.call("POST", open, token: f.admin, body: "x", contentType: "text/plain").status == 415)
        let unknown = try f.app.call("POST", open, token: f.admin, body: #"{"send_sms":true}"#)
        #expect(unknown.status == 422)
        #expect(unknown.errorFields == ["send_sms"])
        #expect(try f.get("/rounds/\(round)").json["state"] == "draft")
        #expect(try f.app.call("POST", open, token: f.admin, body: "{}").status == 200)
        let close = "\(f.base)/rounds/\(round)/close"
        #expect(try f.app.call("POST", close, token: f.admin, body: #"{"force":true}"#).status == 422)
        #expect(try f.post("/rounds/\(round)/close").status == 200)
    }

    @Test func reissueForSomeoneNotOnThePanelSaysSo() throws {
        let f = try EvaluationFixture()
        let round = try f.createRound()
        _ = try f.open(round)
        let response = try f.post("/rounds/\(round)/tokens/999/reissue")
        #expect(response.status == 404)
        #expect(response.json["detail"] == "Evaluator 999 is not on this round's panel.")
    }

    /// A draft has no panel yet; a paper ballot for it is refused because the round is not open
    /// (409), not because the evaluator would be unknown.
    @Test func aPaperBallotForADraftRoundIsAStateConflict() throws {
        let f = try EvaluationFixture()
        let round = try f.createRound()
        let paper = try f.post(
            "/rounds/\(round)/paper-ballots", #"{"evaluator_id":\#(f.evaluators[0]),"ballot":\#(f.ballot())}"#)
        #expect(paper.status == 409)
        #expect(paper.json["type"]?.stringValue?.hasSuffix("round-state") == true)
    }

    @Test func paperBallotUsesUpTheEvaluatorsCode() throws {
        let f = try EvaluationFixture()
        let round = try f.createRound()
        let codes = try f.open(round)
        let paper = try f.post(
            "/rounds/\(round)/paper-ballots", #"{"evaluator_id":\#(f.evaluators[1]),"ballot":\#(f.ballot())}"#)
        #expect(paper.status == 201)
        #expect(paper.json["receipt"] != nil)
        #expect(try f.vote(codes[f.evaluators[1]]!, f.ballot()).status == 409)
        let again = try f.post(
            "/rounds/\(round)/paper-ballots", #"{"evaluator_id":\#(f.evaluators[1]),"ballot":\#(f.ballot())}"#)
        #expect(again.status == 409)
        let invalid = try f.post(
            "/rounds/\(round)/paper-ballots",
            #"{"evaluator_id":\#(f.evaluators[2]),"ballot":{"supervision":[{"cadre_id":1}]}}"#)
        #expect(invalid.status == 422)
        #expect(invalid.errorFields.allSatisfy { $0.hasPrefix("ballot.") })
    }

    @Test func ballotCodesAreCaseInsensitiveWithHyphensOptional() throws {
        let f = try EvaluationFixture()
        let codes = try f.open(try f.createRound())
        let sloppy = codes[f.evaluators[0]]!.lowercased().replacingOccurrences(of: "-", with: "")
        #expect(try f.app.call("GET", "/v1/ballot", token: sloppy).status == 200)
    }

    @Test func ballotRouteCredentials() throws {
        let f = try EvaluationFixture()
        _ = try f.open(try f.createRound())
        #expect(try f.app.call("GET", "/v1/ballot", token: f.admin).status == 403)
        #expect(try f.app.call("GET", "/v1/ballot", token: "AAAA-BBBB-CCCC-DDDD").status == 401)
        #expect(try f.app.call("GET", "/v1/ballot").status == 401)
    }

    @Test func manualArchiveRecordsAndAppendOnly() throws {
        let f = try EvaluationFixture()
        let cadre = f.cadres[0]
        let note = try f.post("/cadres/\(cadre)/archive", #"{"kind":"award","title":"优秀共产党员","detail":"2026年度"}"#)
        #expect(note.status == 201)
        #expect(note.json["seq"] == .int(1))
        #expect(note.json["prev_hash"] == .string(String(repeating: "0", count: 64)))
        #expect(try f.post("/cadres/\(cadre)/archive", #"{"kind":"evaluation","title":"x"}"#).status == 422)
        #expect(try f.post("/cadres/\(cadre)/archive", #"{"kind":"note","title":"x","extra":1}"#).status == 422)
        for method in ["PUT", "PATCH", "DELETE"] {
            let response = try f.app.call(method, "\(f.base)/cadres/\(cadre)/archive/1", token: f.admin, body: "{}")
            #expect(response.status == 405)
        }
        #expect(try f.get("/cadres/\(cadre)/archive/1").json["hash"] == note.json["hash"])
        #expect(try f.get("/cadres/99999/archive").status == 404)
    }
}
