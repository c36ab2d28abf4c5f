import Domain
import Store
import Testing

/// `RequestRepository` behaviour every backend must have: a request found by its code's digest,
/// saved steps each leaving an event in order, and lists of the requests a cadre is involved in.
@Suite struct RequestRepositoryConformanceTests {
    @Test(arguments: StoreBackend.all)
    func aRequestIsFoundByDigestAndEveryStepIsInItsTimeline(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let township = f.township.id
        let filedOn = try #require(CalendarDay("2026-12-06"))
        let due = try #require(CalendarDay("2026-12-13"))
        let filed = try f.store.write {
            try $0.requests.file(
                townshipID: township, summary: "路灯坏了", contact: nil, firstCadreID: f.cadres[0],
                departmentID: f.departments[0], filedOn: filedOn, due: due, codeDigest: "digest-1")
        }
        #expect(filed.state == .open && filed.holderCadreID == f.cadres[0] && filed.summary == "路灯坏了")
        #expect(try f.store.read { try $0.requests.find(codeDigest: "digest-1") }?.id == filed.id)
        #expect(try f.store.read { try $0.requests.find(codeDigest: "other") } == nil)
        var passed = filed
        passed.state = .passed
        passed.passedToCadreID = f.cadres[1]
        passed.holderCadreID = f.cadres[1]
        f.clock.advance(by: 60)
        try f.store.write { try $0.requests.save(passed, event: "passed", data: ["to_cadre_id": .int(f.cadres[1])]) }
        let stored = try #require(try f.store.read { try $0.requests.get(townshipID: township, id: filed.id) })
        #expect(stored.state == .passed && stored.passedToCadreID == f.cadres[1])
        let events = try f.store.read { try $0.requests.events(requestID: filed.id) }
        #expect(events.map(\.event) == ["filed", "passed"])
        #expect(events.map(\.at) == ["2026-12-06T12:26:40Z", "2026-12-06T12:27:40Z"])
        #expect(events[1].data["to_cadre_id"] == .int(f.cadres[1]))
    }

    @Test(arguments: StoreBackend.all)
    func listsShowTheRequestsACadreIsInvolvedIn(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let township = f.township.id
        let day = try #require(CalendarDay("2026-12-06"))
        let ids = try f.cadres.enumerated().map { index, cadre in
            try f.store.write {
                try $0.requests.file(
                    townshipID: township, summary: "事\(index)", contact: "138", firstCadreID: cadre, departmentID: nil,
                    filedOn: day, due: day, codeDigest: "d\(index)")
            }.id
        }
        #expect(try f.store.read { try $0.requests.list(townshipID: township, involving: nil) }.map(\.id) == ids)
        #expect(
            try f.store.read { try $0.requests.list(townshipID: township, involving: f.cadres[1]) }.map(\.id) == [
                ids[1]
            ])
        let directory = try f.store.read { try $0.requests.directory(townshipID: township) }
        #expect(directory.cadres.map(\.id) == f.cadres)
        #expect(directory.departments.map(\.name) == ["民政办", "财政所"])
    }
}
