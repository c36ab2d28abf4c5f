import Domain
import Testing

@testable import Storage

/// The stored form of a ballot: the fast writer and the tree agree, and it reads back.
@Suite struct BallotCodingTests {
    static let ballot = ValidBallot(
        entries: [
            ScoreEntry(subject: .cadre(12), villageTime: 80, attitude: 90, completion: 85),
            ScoreEntry(subject: .department(3), villageTime: 0, attitude: 100, completion: 7),
        ],
        mostSatisfied: Picks(cadreId: 12, departmentId: 3, projectId: 7),
        leastSatisfied: Picks(cadreId: 15),
        comment: "希望\"多\"下村\n\\ 😀")

    @Test(arguments: [ballot, ValidBallot(entries: [])])
    func directTextEqualsTheTreeAndRoundTrips(ballot: ValidBallot) {
        let text = BallotCoding.text(ballot)
        #expect(text == JSONWriter.encodeString(BallotCoding.encode(ballot)))
        #expect(BallotCoding.decode(text) == ballot)
    }
}
