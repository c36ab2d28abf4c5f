import Domain
import Testing

@testable import Storage

/// The stored form of a ballot: it reads back, stays small enough for a B-tree page, refuses
/// damaged bytes, and rows stored in the earlier JSON shape still read.
@Suite struct BallotCodingTests {
    static let ballot = ValidBallot(
        entries: [
            ScoreEntry(subject: .cadre(12), villageTime: 80, attitude: 90, completion: 85),
            ScoreEntry(subject: .department(3), villageTime: 0, attitude: 100, completion: 7),
        ],
        mostSatisfied: Picks(cadreID: 12, departmentID: 3, projectID: 7),
        leastSatisfied: Picks(cadreID: 15),
        comment: "希望\"多\"下村\n\\ 😀")

    @Test(arguments: [
        ballot, ValidBallot(entries: []), ValidBallot(entries: [], comment: ""),
        ValidBallot(
            entries: [
                ScoreEntry(subject: .cadre(Int(Int32.max)), villageTime: -1000, attitude: 1000, completion: 0),
                ScoreEntry(subject: .cadre(0), villageTime: -1, attitude: 63, completion: 64),
            ], mostSatisfied: Picks(projectID: 0)),
    ])
    func roundTrips(ballot: ValidBallot) {
        #expect(BallotCoding.decode(.blob(BallotCoding.bytes(ballot))) == ballot)
    }

    @Test func readsBackCadresFirstThenDepartments() {
        let mixed = ValidBallot(entries: [
            ScoreEntry(subject: .department(2), villageTime: 1, attitude: 2, completion: 3),
            ScoreEntry(subject: .cadre(9), villageTime: 4, attitude: 5, completion: 6),
            ScoreEntry(subject: .cadre(8), villageTime: 7, attitude: 8, completion: 9),
        ])
        let read = BallotCoding.decode(.blob(BallotCoding.bytes(mixed)))
        #expect(read?.entries.map(\.subject) == [.cadre(9), .cadre(8), .department(2)])
        #expect(read?.entries.map(\.completion) == [6, 9, 3])
    }

    /// SQLite keeps up to about 1,000 bytes of a WITHOUT ROWID row in its page (4 KB pages): a
    /// full ballot of 50 cadres and 15 departments, every score 100, must fit with room to spare.
    @Test func aFullBallotFitsInAPage() {
        let entries =
            (1...50).map { ScoreEntry(subject: .cadre(100 + $0), villageTime: 100, attitude: 100, completion: 100) }
            + (1...15).map {
                ScoreEntry(subject: .department(10 + $0), villageTime: 100, attitude: 100, completion: 100)
            }
        let full = ValidBallot(
            entries: entries, mostSatisfied: Picks(cadreID: 101, departmentID: 11, projectID: 250),
            leastSatisfied: Picks(cadreID: 102, departmentID: 12, projectID: 251))
        #expect(BallotCoding.bytes(full).count < 600)
    }

    @Test func refusesDamagedBytes() {
        let bytes = BallotCoding.bytes(Self.ballot)
        #expect(BallotCoding.decode(.blob([])) == nil)
        #expect(BallotCoding.decode(.blob([3] + bytes.dropFirst())) == nil, "an unknown format")
        for length in 1..<bytes.count {
            #expect(BallotCoding.decode(.blob(Array(bytes.prefix(length)))) == nil, "cut at \(length)")
        }
        #expect(BallotCoding.decode(.blob(Array(bytes.dropLast(1)) + [0xFF])) == nil, "not UTF-8")
        #expect(BallotCoding.decode(.integer(1)) == nil)
    }

    /// A slot is larger than its ballot: the zero bytes after a format-2 ballot are not read.
    @Test func ignoresTheSlotsPaddingAfterTheBallot() {
        for ballot in [Self.ballot, ValidBallot(entries: [])] {
            let padded = BallotCoding.bytes(ballot) + [UInt8](repeating: 0, count: 300)
            #expect(BallotCoding.decode(.blob(padded)) == ballot)
        }
    }

    /// Format 1, stored before slots: the comment runs to the end of the bytes.
    @Test func readsFormatOneWhoseCommentRunsToTheEnd() {
        let bytes = BallotCoding.bytes(Self.ballot)
        let comment = Array(Self.ballot.comment!.utf8)
        let formatOne = [1] + bytes[1..<(bytes.count - comment.count - 1)] + comment
        #expect(BallotCoding.decode(.blob(Array(formatOne))) == Self.ballot)
        #expect(BallotCoding.decode(.blob(Array(formatOne) + [0x21]))?.comment == Self.ballot.comment! + "!")
    }

    /// `maximumLength` bounds every ballot a round can accept: here the widest scores and ids
    /// and a comment of 500 four-byte scalars.
    @Test func theLargestBallotOfARoundFitsItsMaximumLength() {
        let cadres = [1, 127, 128, 70_000]
        let departments = [5, 9_999]
        let projects = [3, 1_000_000]
        let scale = Scale(min: -200, max: 100)
        let largest = ValidBallot(
            entries: cadres.map { ScoreEntry(subject: .cadre($0), villageTime: -200, attitude: -200, completion: -200) }
                + departments.map {
                    ScoreEntry(subject: .department($0), villageTime: -200, attitude: -200, completion: -200)
                },
            mostSatisfied: Picks(cadreID: 70_000, departmentID: 9_999, projectID: 1_000_000),
            leastSatisfied: Picks(cadreID: 128, departmentID: 5, projectID: 1_000_000),
            comment: String(repeating: "😀", count: BallotValidator.commentLimit))
        let maximum = BallotCoding.maximumLength(
            cadreIDs: cadres, departmentIDs: departments, projectIDs: projects, scale: scale)
        #expect(BallotCoding.bytes(largest).count <= maximum)
        #expect(maximum - BallotCoding.bytes(largest).count < 16, "the bound is tight")
    }

    @Test func readsRowsStoredInTheEarlierJSONShape() {
        let old =
            #"{"supervision":[{"cadre_id":12,"village_time":80,"attitude":90,"completion":85},"#
            + #"{"department_id":3,"village_time":0,"attitude":100,"completion":7}],"#
            + #""most_satisfied":{"cadre_id":12,"department_id":3,"project_id":7},"#
            + #""least_satisfied":{"cadre_id":15,"department_id":null,"project_id":null},"#
            + #""comment":"希望\"多\"下村\n\\ 😀"}"#
        #expect(BallotCoding.decode(.text(old)) == Self.ballot)
        #expect(BallotCoding.decode(.text("{}")) == nil)
    }
}
