import Testing

@testable import Domain

/// Hashes made once with a throwaway Python 3.11 script: for each record it ran
/// `hashlib.sha256(json.dumps(r, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
/// .encode("utf-8")).hexdigest()` over the dict of the eight hashed fields below, chaining
/// `prev_hash` from 64 zeros. The literals are pasted verbatim.
private let pythonHashes = [
    "27582c4b3a7ca298744443132851da2623e3f9e7b6ae111e7747217ceadb5e74",
    "dc8232ef0e6b0f088df0ab1c1b81a0c7da53b389ce7604f03e9997d06b639ac0",
    "06a976d1a90722ed06445fb9c401313c95aa38223d533ab4470e279f4daf88ec",
]

/// Python's canonical text of the first record, from the same run.
private let pythonCanonicalFirst =
    #"{"cadre_id":12,"created_at":"2026-12-20T08:00:00Z","data":{"least":1,"most":12,"rank":1,"scores":{"attitude":"90.10","completion":"85.00","composite":"85.87","village_time":"82.50"}},"kind":"evaluation","period":"2026-H2","prev_hash":"0000000000000000000000000000000000000000000000000000000000000000","round_id":5,"seq":1}"#

/// The three-record chain of cadre 12 that the Python script hashed.
private func makeChain() throws -> [ArchiveRecord] {
    let first = try ArchiveChain.make(
        next: .evaluation, roundID: 5, period: "2026-H2",
        data: [
            "rank": 1, "most": 12, "least": 1,
            "scores": ["village_time": "82.50", "attitude": "90.10", "completion": "85.00", "composite": "85.87"],
        ],
        createdAt: "2026-12-20T08:00:00Z", after: nil, cadreID: 12)
    let second = try ArchiveChain.make(
        next: .commendation, roundID: 5, period: "2026-H2", data: ["rank": 1, "most": 12, "title": "最满意干部"],
        createdAt: "2026-12-20T08:00:00Z", after: first, cadreID: 12)
    let third = try ArchiveChain.make(
        next: .note, roundID: nil, period: nil,
        data: ["title": "调任民政办主任", "detail": "经镇党委研究决定 \"任命\"\n😀"],
        createdAt: "2027-01-05T09:30:00Z", after: second, cadreID: 12)
    return [first, second, third]
}

@Suite struct ArchiveChainTests {
    @Test func hashesMatchPython() throws {
        let chain = try makeChain()
        #expect(chain.map(\.hash) == pythonHashes)
        #expect(try chain[0].canonicalBytes() == Array(pythonCanonicalFirst.utf8))
    }

    @Test func numbersFromOneAndLinksEachRecordToThePrevious() throws {
        let chain = try makeChain()
        #expect(chain.map(\.seq) == [1, 2, 3])
        #expect(chain[0].prevHash == String(repeating: "0", count: 64))
        #expect(chain[1].prevHash == chain[0].hash)
        #expect(chain[2].prevHash == chain[1].hash)
    }

    @Test func anIntactChainVerifies() throws {
        let chain = try makeChain()
        #expect(ArchiveChain.verify(chain) == ArchiveVerification(valid: true, records: 3, firstBadSeq: nil))
        #expect(ArchiveChain.verify(chain, cadreID: 12).valid)
        #expect(ArchiveChain.verify([]).valid)
    }

    @Test(arguments: ["data", "kind", "createdAt", "prevHash", "roundID", "period", "cadreID"])
    func alteringTheSecondRecordIsCaughtAtSeqTwo(field: String) throws {
        var chain = try makeChain()
        switch field {
        case "data": chain[1].data = ["rank": 2, "most": 12, "title": "最满意干部"]
        case "kind": chain[1].kind = "award"
        case "createdAt": chain[1].createdAt = "2026-12-21T08:00:00Z"
        case "prevHash": chain[1].prevHash = String(repeating: "0", count: 64)
        case "roundID": chain[1].roundID = nil
        case "period": chain[1].period = "2026-H1"
        default: chain[1].cadreID = 13
        }
        #expect(ArchiveChain.verify(chain) == ArchiveVerification(valid: false, records: 3, firstBadSeq: 2))
    }

    @Test func rehashingAnAlteredRecordBreaksTheNextLink() throws {
        var chain = try makeChain()
        chain[1].data = ["rank": 2]
        chain[1].hash = try ArchiveChain.hash(of: chain[1])
        #expect(ArchiveChain.verify(chain).firstBadSeq == 3)
    }

    @Test func aDeletedMiddleRecordIsCaught() throws {
        var chain = try makeChain()
        chain.remove(at: 1)
        #expect(ArchiveChain.verify(chain) == ArchiveVerification(valid: false, records: 2, firstBadSeq: 3))
    }

    @Test func reorderedOrTruncatedAtTheStartIsCaught() throws {
        let chain = try makeChain()
        #expect(ArchiveChain.verify([chain[1], chain[0], chain[2]]).firstBadSeq == 2)
        #expect(ArchiveChain.verify(Array(chain.dropFirst())).firstBadSeq == 2)
    }

    @Test func anotherCadresChainDoesNotVerifyForThisCadre() throws {
        #expect(
            ArchiveChain.verify(try makeChain(), cadreID: 99)
                == ArchiveVerification(valid: false, records: 3, firstBadSeq: 1))
    }

    @Test func refusesFloatData() {
        #expect(throws: ArchiveError.notCanonical(.nonIntegerNumber(path: "data.composite"))) {
            try ArchiveChain.make(
                next: .evaluation, roundID: 1, period: "2026-H2", data: ["composite": 85.87],
                createdAt: "2026-12-20T08:00:00Z", after: nil, cadreID: 1)
        }
    }

    @Test func refusesToChainOntoAnotherCadresRecord() throws {
        let chain = try makeChain()
        #expect(throws: ArchiveError.cadreMismatch(expected: 7, found: 12)) {
            try ArchiveChain.make(
                next: .note, roundID: nil, period: nil, data: [:], createdAt: "2027-01-01T00:00:00Z",
                after: chain[2], cadreID: 7)
        }
    }
}
