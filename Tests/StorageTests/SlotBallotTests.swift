import Domain
import Testing

@testable import Storage

/// `SlotBallot`: a filled slot read back as category, day and the ballot's exact bytes, for
/// `duping migrate`.
@Suite struct SlotBallotTests {
    let ballot = ValidBallot(
        entries: [ScoreEntry(subject: .cadre(3), villageTime: 90, attitude: -2, completion: 70)],
        mostSatisfied: Picks(cadreID: 3), leastSatisfied: Picks(), comment: "路灯\u{0}修好了")

    @Test func aPaddedSlotGivesTheBallotsBytesWithoutPadding() throws {
        let body = try #require(BallotSlot.body(ballot, category: .villageCadre, day: "2026-12-06", size: 400))
        let read = try #require(SlotBallot(slotBody: body))
        #expect(read.category == .villageCadre && read.castOn == "2026-12-06")
        #expect(read.content == BallotCoding.bytes(ballot))
        #expect(BallotCoding.decode(read.content) == ballot)
    }

    @Test func bytesAfterTheBallotThatAreNotPaddingAreRefused() throws {
        var body = try #require(BallotSlot.body(ballot, category: .deputy, day: "2026-12-06", size: 400))
        body[body.count - 1] = 7
        #expect(SlotBallot(slotBody: body) == nil)
        #expect(SlotBallot(slotBody: [0] + Array("2026-12-06".utf8) + BallotCoding.bytes(ballot)) == nil)
    }

    @Test func formatOneIsKeptAsItIs() throws {
        var unpadded = BallotCoding.bytes(ValidBallot(entries: [], comment: nil))
        unpadded[0] = BallotCoding.unpaddedFormat
        let read = try #require(SlotBallot(slotBody: [4] + Array("2025-06-30".utf8) + unpadded))
        #expect(read.content == unpadded && read.category == .contactHousehold)
    }
}
