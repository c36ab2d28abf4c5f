import Domain
import Testing

@testable import App

/// Reading a ballot body: well-formed entries take a one-pass path, anything else the reader's,
/// and both give the same submission or name every problem.
@Suite struct BallotRequestTests {
    static func read(_ body: String) throws -> (BallotSubmission?, [FieldError]) {
        let object = try #require(try JSONParser.parse(body).objectValue)
        return BallotRequest.read(object)
    }

    @Test func plainEntriesWithNullsReadAsMissingMembers() throws {
        let (submission, errors) = try Self.read(
            #"{"supervision":[{"cadre_id":3,"village_time":80,"attitude":90,"completion":70},"#
                + #"{"department_id":2,"completion":null,"attitude":5,"village_time":null},{}]}"#)
        #expect(errors.isEmpty)
        #expect(
            submission?.supervision == [
                SupervisionEntry(cadreID: 3, villageTime: 80, attitude: 90, completion: 70),
                SupervisionEntry(departmentID: 2, attitude: 5), SupervisionEntry(),
            ])
    }

    @Test func entriesWithOtherMembersOrTypesAreNamedByPath() throws {
        let (submission, errors) = try Self.read(
            #"{"supervision":[{"cadre_id":3,"village_time":80,"attitude":90,"completion":70},"#
                + #"{"cadre_id":"4","attitude":8.5,"mood":1},7]}"#)
        #expect(submission == nil)
        #expect(
            Set(errors.map { "\($0.field): \($0.message)" }) == [
                "supervision[1].cadre_id: must be an integer", "supervision[1].attitude: must be an integer",
                "supervision[1].mood: unknown field", "supervision[2]: must be an object",
            ])
    }
}
