import Domain
import Testing

@testable import FuzzChecks

/// The fuzz properties themselves must be able to fail, or a fuzzing run proves nothing.
@Suite struct FuzzChecksTests {
    @Test(arguments: [
        ("/etc/passwd", "absolute path"),
        ("a/../b", "'..' segment"),
        ("a/.env", "segment starting with '.'"),
        ("a//b", "empty segment"),
        ("a\\b", "backslash"),
        ("a\u{0}b", "NUL byte"),
    ])
    func staticPathProblemsAreRecognised(path: String, problem: String) {
        #expect(StaticPathCheck.problem(in: Array(path.utf8)) == problem)
    }

    @Test func safeStaticPathHasNoProblem() {
        #expect(StaticPathCheck.problem(in: Array("docs/index.html".utf8)) == nil)
    }

    @Test func parserFeedingModesAgreeOnAPipelinedPair() {
        let input =
            [UInt8(7)]
            + Array(
                "GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi"
                    .utf8)
        #expect(HTTPParserCheck.check(input) == nil)
        guard case .success(let outcome) = HTTPParserCheck.feed([input.dropFirst()]) else {
            Issue.record("feeding failed")
            return
        }
        #expect(outcome.requests.count == 2)
        #expect(outcome.idle)
    }

    @Test func jsonAndCSVRoundTripsHoldOnOrdinaryInput() {
        #expect(JSONCheck.check(Array(#"{"a":[1,2.5,"张三",null,true],"b":{"c":-0.0}}"#.utf8)) == nil)
        #expect(CSVCheck.check(Array("name,code\r\n\"a,b\",=1\r\n张三,\r\n".utf8)) == nil)
    }

    @Test func ballotRulesAreRecognised() {
        let entry = ScoreEntry(subject: .cadre(1), villageTime: 101, attitude: 0, completion: 0)
        #expect(BallotCheck.problem(in: ValidBallot(entries: [entry])) == "score 101 off the scale")
        let unlisted = ScoreEntry(subject: .department(9), villageTime: 1, attitude: 1, completion: 1)
        #expect(BallotCheck.problem(in: ValidBallot(entries: [unlisted])) != nil)
        #expect(BallotCheck.problem(in: ValidBallot(entries: [])) == nil)
    }
}
