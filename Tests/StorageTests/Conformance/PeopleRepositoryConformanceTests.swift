import Domain
import Store
import Testing

/// `PeopleRepository` behaviour every backend must have: one whereabouts entry per cadre and
/// day, the board of active cadres, diaries by date, and village days counted once a date.
@Suite struct PeopleRepositoryConformanceTests {
    @Test(arguments: StoreBackend.all)
    func aDaysEntryIsReplacedAndTheBoardListsEveryActiveCadre(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let day = try #require(CalendarDay("2026-12-06"))
        _ = try f.store.write {
            try $0.people.setWhereabouts(Whereabouts(place: .office), cadreID: f.cadres[0], day: day)
        }
        f.clock.advance(by: 60)
        let written = try f.store.write {
            try $0.people.setWhereabouts(
                Whereabouts(place: .village, village: "牛马村", note: "走访"), cadreID: f.cadres[0], day: day)
        }
        #expect(written == "2026-12-06T12:27:40Z")
        let board = try f.store.read { try $0.people.whereaboutsBoard(townshipID: f.township.id, day: day) }
        #expect(board.map(\.cadreID) == f.cadres)
        #expect(board[0].entry == Whereabouts(place: .village, village: "牛马村", note: "走访"))
        #expect(board[0].updatedAt == written && board[0].department == "民政办")
        #expect(board[1].entry == nil && board[1].updatedAt == nil)
    }

    @Test(arguments: StoreBackend.all)
    func diariesAreReadByDateAndVillageDaysCountEachDateOnce(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let cadre = f.cadres[0]
        let days = ["2026-11-02", "2026-11-03", "2026-12-01"].compactMap(CalendarDay.init)
        var stored: [StoredDiaryEntry] = []
        for (index, day) in days.enumerated() {
            let entry = DiaryEntry(
                date: day, village: "牛马村", households: index == 0 ? 3 : nil, summary: "走访第\(index)天", issues: ["修路"])
            stored.append(try f.store.write { try $0.people.addDiaryEntry(entry, cadreID: cadre) })
        }
        #expect(Set(stored.map(\.id)).count == 3)
        _ = try f.store.write {
            try $0.people.setWhereabouts(Whereabouts(place: .village, village: "牛马村"), cadreID: cadre, day: days[0])
        }
        _ = try f.store.write {
            try $0.people.setWhereabouts(Whereabouts(place: .meeting), cadreID: f.cadres[1], day: days[0])
        }
        #expect(try f.store.read { try $0.people.diary(cadreID: cadre, from: nil, to: nil) } == stored)
        #expect(try f.store.read { try $0.people.diary(cadreID: cadre, from: days[1], to: days[1]) } == [stored[1]])
        let counted = try f.store.read {
            try $0.people.villageDays(townshipID: f.township.id, from: days[0], to: days[1])
        }
        #expect(counted == [cadre: 2])
    }
}
