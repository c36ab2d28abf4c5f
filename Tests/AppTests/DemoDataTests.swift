import Foundation
import Testing

/// `--demo` gives a newcomer a real board at once.
@Suite struct DemoDataTests {
    @Test func demoSeedsAPublishedAndAnOpenRoundOnce() throws {
        let app = try TestApp { $0.demo = true }
        let board = try app.call("GET", "/v1/public/townships/niumasi/rounds/1")
        #expect(board.status == 200)
        #expect(board.json["cadres"]?.arrayValue?.count == 60)
        #expect(board.json["turnout"] == .object(["panel": 40, "ballots": 37]))
        #expect(board.json["receipts"]?.arrayValue?.count == 37)
        let rounds = try app.call("GET", "/v1/townships/niumasi/rounds", token: app.rootToken)
        // Then the closed rounds of this year's past quarters (DemoDataReviewTests).
        #expect(rounds.items.prefix(2).map { $0["state"] } == ["published", "open"])
        #expect(rounds.items.dropFirst(2).allSatisfy { $0["state"] == "closed" && $0["kind"] == "quarterly" })
        let codesPath = app.directory + "/demo-ballot-codes.txt"
        #expect(try FileManagerAttributes.permissions(codesPath) == 0o600)
        let firstCode = try String(contentsOfFile: codesPath, encoding: .utf8).split(separator: "\n")[1].split(
            separator: "\t")[0]
        let form = try app.call("GET", "/v1/ballot", token: String(firstCode))
        #expect(form.json["round"]?.objectValue?["kind"] == "quarterly")
    }
}
