import Domain
import Foundation
import Storage
import Testing

/// The archive detects tampering; the running aggregates always equal a full recount.
@Suite struct ArchiveAndRecountTests {
    @Test(arguments: ["data", "kind", "created_at", "prev_hash"])
    func verifyNamesTheFirstAlteredRecord(column: String) throws {
        let f = try EvaluationFixture()
        let cadre = f.cadres[0]
        for title in ["一", "二", "三"] {
            #expect(try f.post("/cadres/\(cadre)/archive", #"{"kind":"note","title":"\#(title)"}"#).status == 201)
        }
        #expect(try f.get("/cadres/\(cadre)/archive/verify").json == ["valid": true, "records": 3])
        let replacement =
            column == "data"
            ? #"{"title":"改","detail":""}"#
            : column == "kind"
                ? "award" : column == "prev_hash" ? String(repeating: "1", count: 64) : "2020-01-01T00:00:00Z"
        try f.app.app.tamper(
            "UPDATE archive_records SET \(column) = ? WHERE cadre_id = ? AND seq = 2", [replacement, cadre])
        let verdict = try f.get("/cadres/\(cadre)/archive/verify").json
        #expect(verdict["valid"] == .bool(false))
        #expect(verdict["first_bad_seq"] == .int(2))
    }

    /// The chain is checkable by anyone with Python's json module, exactly as contract §7 says.
    @Test func pythonRecomputesEveryHashOfAPublishedRound() throws {
        let app = try TestApp { $0.demo = true }
        let script = """
            import hashlib, json, sys, urllib.request
            port, token = sys.argv[1], sys.argv[2]
            for cadre in range(1, 61):
                req = urllib.request.Request(f"http://127.0.0.1:{port}/v1/townships/niumasi/cadres/{cadre}/archive",
                                             headers={"Authorization": "Bearer " + token})
                prev = "0" * 64
                for r in json.load(urllib.request.urlopen(req))["items"]:
                    body = {k: r[k] for k in ("cadre_id", "seq", "kind", "round_id", "period", "data", "created_at", "prev_hash")}
                    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
                    assert r["prev_hash"] == prev and r["hash"] == hashlib.sha256(text.encode()).hexdigest(), (cadre, r["seq"])
                    prev = r["hash"]
            print("ok")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, String(app.port), app.rootToken]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "ok\n")
    }

    @Test func deletedRecordBreaksTheChain() throws {
        let f = try EvaluationFixture()
        let cadre = f.cadres[1]
        for title in ["一", "二", "三"] {
            _ = try f.post("/cadres/\(cadre)/archive", #"{"kind":"note","title":"\#(title)"}"#)
        }
        try f.app.app.tamper("DELETE FROM archive_records WHERE cadre_id = ? AND seq = 2", [cadre])
        #expect(try f.get("/cadres/\(cadre)/archive/verify").json["valid"] == .bool(false))
    }

    @Test(
        TestBackend.sqliteOnly(
            "lays out ballot slots with SQLite SQL; PostgreSQL's running aggregates are checked in the conformance suite"
        )) func aggregatesEqualARecountAfterThousandsOfRandomBallots() throws
    {
        let f = try EvaluationFixture(cadres: 12, panel: [3, 3, 3, 3])
        let round = try f.createRound(
            #","category_weights":{"deputy":3,"village_cadre":2,"retired_cadre":2,"contact_household":3}"#)
        _ = try f.open(round)
        let database = try f.app.app.database
        let store = f.app.app.store.ballotBox
        let roundRecord = try f.app.app.store.read { try $0.rounds.get(townshipID: 1, id: round) }!
        let subjects = try store.subjects(roundID: round)
        let form = subjects.form(scale: roundRecord.rules.scale)
        // Many ballots from 8 threads through the group committer, each on its own panel slot.
        try database.write { try $0.run("UPDATE round_panel SET voted = 0") }
        // A round has one ballot slot per panel member; lay out enough for every ballot here.
        try database.write {
            try $0.run(
                """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
                INSERT INTO ballots (round_id, receipt, filled, body)
                SELECT ?, upper(hex(randomblob(6))), 0, zeroblob(4000) FROM n
                """, [round])
        }
        let failures = LockedList()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<250 {
                let entries = subjects.cadres.shuffled().prefix(Int.random(in: 0...12, using: &generator)).map {
                    SupervisionEntry(
                        cadreID: $0.id, villageTime: .random(in: 0...100), attitude: .random(in: 0...100),
                        completion: .random(in: 0...100))
                }
                let submission = BallotSubmission(
                    supervision: Array(entries), mostSatisfied: Picks(cadreID: subjects.cadres.randomElement()!.id),
                    leastSatisfied: Picks(departmentID: subjects.departments.randomElement()!.id), comment: nil)
                guard case .success(let ballot) = BallotValidator.validate(submission, form: form) else {
                    return failures.append(1)
                }
                let category = EvaluatorCategory.allCases[worker % 4]
                let session = BallotSession(
                    round: roundRecord, evaluatorID: f.evaluators[worker % 12], category: category, voted: false)
                // Re-arm the slot so the same panel member can stand for many voters in this test.
                do {
                    try database.write {
                        try $0.run("UPDATE round_panel SET voted = 0 WHERE evaluator_id = ?", [session.evaluatorID])
                    }
                    _ = try store.cast(ballot, session: session)
                } catch {
                    // Another thread on the same slot won the race: a correct 409, not a failure.
                    if case RoundError.alreadyVoted = error { continue }
                    failures.append(2)
                }
            }
        }
        #expect(failures.values.isEmpty)
        let (matches, ballots) = try f.app.app.store.read { transaction in
            (
                try transaction.ballots.recount(roundID: round) == transaction.ballots.tally(roundID: round),
                try transaction.ballots.ballotsByCategory(roundID: round).values.reduce(0, +)
            )
        }
        #expect(ballots > 1500)
        #expect(matches)
    }

    @Test func categoryWeightsAndBreakdownsFollowMinGroup() throws {
        let f = try EvaluationFixture(cadres: 1, panel: [3, 3, 0, 0])
        let round = try f.createRound(
            #","category_weights":{"deputy":3,"village_cadre":1,"retired_cadre":2,"contact_household":2},"min_group":3"#
        )
        let codes = try f.open(round)
        // Deputies score 90, village cadres 50: weighted (3·90 + 1·50) / 4 = 80.
        for (index, evaluator) in f.evaluators.enumerated() {
            #expect(try f.vote(codes[evaluator]!, f.ballot(score: index < 3 ? 90 : 50)).status == 201)
        }
        _ = try f.post("/rounds/\(round)/close")
        let cadre = try f.get("/rounds/\(round)/results").json["cadres"]?.arrayValue?.first?.objectValue
        #expect(
            cadre?["scores"]?.objectValue?["composite"] == .int(80)
                || cadre?["scores"]?.objectValue?["composite"] == .double(80))
        let breakdown = cadre?["by_category"]?.objectValue
        #expect(breakdown?.keys.sorted() == ["deputy", "village_cadre"])
        #expect(breakdown?["deputy"]?.objectValue?["n"] == .int(3))
    }

    /// The audit's reproduction (issue 19): 3 deputies and 1 of 2 contact households vote. The
    /// cadre shows n = 4 and, since a deputy breakdown would give the household's scores away as
    /// 4 × overall − 3 × deputies, no breakdown at all: in the results and on the public board.
    @Test func aLoneEvaluatorIsNotExposedByDifference() throws {
        let f = try EvaluationFixture(cadres: 1, panel: [3, 0, 0, 2])
        let round = try f.createRound()
        let codes = try f.open(round)
        for evaluator in f.evaluators.prefix(4) {
            #expect(
                try f.vote(codes[evaluator]!, f.ballot(score: evaluator == f.evaluators[3] ? 17 : 90)).status == 201)
        }
        _ = try f.post("/rounds/\(round)/close")
        let cadre = try f.get("/rounds/\(round)/results").json["cadres"]?.arrayValue?.first?.objectValue
        #expect(cadre?["n"] == .int(4))
        #expect(cadre?["by_category"] == .object([:]))
        #expect(try f.post("/rounds/\(round)/publish", "{}").status == 200)
        let board = try f.app.call("GET", "/v1/public/townships/niumasi/rounds/\(round)")
        let publicCadre = board.json["cadres"]?.arrayValue?.first?.objectValue
        #expect(publicCadre?["n"] == .int(4))
        #expect(publicCadre?["by_category"] == nil || publicCadre?["by_category"] == .object([:]))
    }
}
