import Testing

@testable import Domain

@Suite struct ArchiveRecordTests {
    private let record = ArchiveRecord(
        cadreID: 12, seq: 3, kind: "note", roundID: nil, period: nil, data: ["title": "调任"],
        createdAt: "2027-01-05T09:30:00Z", prevHash: String(repeating: "a", count: 64),
        hash: String(repeating: "b", count: 64))

    @Test func apiFormListsContractFieldsWithNullsAndHash() {
        let expected =
            #"{"seq":3,"kind":"note","round_id":null,"period":null,"data":{"title":"调任"},"created_at":"2027-01-05T09:30:00Z","prev_hash":""#
            + String(repeating: "a", count: 64) + #"","hash":""# + String(repeating: "b", count: 64)
            + #"","cadre_id":12}"#
        #expect(JSONWriter.encodeString(record.jsonValue) == expected)
    }

    @Test func hashedObjectIsTheApiFormWithoutHash() {
        var apiForm = record.jsonValue.objectValue!
        apiForm["hash"] = nil
        #expect(JSONValue.object(apiForm) == record.hashedObject)
    }

    @Test func exposesKnownKindsOnly() {
        #expect(record.archiveKind == .note)
        var retired = record
        retired.kind = "demerit"
        #expect(retired.archiveKind == nil)
    }

    @Test(arguments: ArchiveKind.allCases)
    func onlyTheWorkflowsKindsAreAutomatic(kind: ArchiveKind) {
        // Written by publication, a finalized quarterly review, a finalized year-end assessment.
        let automatic: Set<String> = [
            "evaluation", "commendation", "suspension", "quarterly_review", "annual_assessment",
        ]
        #expect(kind.isAutomatic == automatic.contains(kind.rawValue))
        #expect(ArchiveKind.manualKinds.contains(kind) == !automatic.contains(kind.rawValue))
    }

    @Test func verificationJSONNamesTheFirstBadSeqOnlyWhenInvalid() {
        #expect(
            JSONWriter.encodeString(ArchiveVerification(valid: true, records: 4, firstBadSeq: nil).jsonValue)
                == #"{"valid":true,"records":4}"#)
        #expect(
            JSONWriter.encodeString(ArchiveVerification(valid: false, records: 4, firstBadSeq: 2).jsonValue)
                == #"{"valid":false,"records":4,"first_bad_seq":2}"#)
    }
}
