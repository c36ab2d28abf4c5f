import Domain
import Store
import Testing

/// `ArchiveRepository` behaviour every backend must have: an append-only hash chain per cadre.
@Suite struct ArchiveRepositoryConformanceTests {
    @Test(arguments: StoreBackend.all)
    func recordsChainAndVerify(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let cadre = f.cadres[0]
        for title in ["一", "二", "三"] {
            _ = try f.store.write {
                try $0.archive.append(
                    cadreID: cadre, kind: .note, roundID: nil, period: nil, data: ["title": .string(title)])
            }
        }
        let records = try f.store.read { try $0.archive.records(cadreID: cadre) }
        #expect(records.map(\.seq) == [1, 2, 3])
        #expect(records[1].prevHash == records[0].hash)
        #expect(ArchiveChain.verify(records, cadreID: cadre).valid)
        #expect(try f.store.read { try $0.archive.record(cadreID: cadre, seq: 2) } == records[1])
        #expect(try f.store.read { try $0.archive.record(cadreID: cadre, seq: 9) } == nil)
        #expect(try f.store.read { try $0.archive.cadresWithRecords() } == [cadre])
        #expect(records[0].createdAt == "2026-12-06T12:26:40Z")
    }
}
