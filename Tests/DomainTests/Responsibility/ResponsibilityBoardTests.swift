import Domain
import Testing

struct ResponsibilityBoardTests {
    let asOf = CalendarDay("2026-06-20")!

    func project(
        _ id: Int64, due: String?, board: ProjectBoard = .service, cadre: Int64? = nil, village: String? = nil,
        cancelled: Bool = false
    ) -> BoardProject {
        BoardProject(
            id: id, title: "项目\(id)", board: board, cadreID: cadre, village: village,
            start: due == nil ? nil : CalendarDay("2026-06-01"), due: due.flatMap(CalendarDay.init),
            cancelled: cancelled)
    }

    @Test func sameLightsAreOrderedByDueThenId() {
        let board = ResponsibilityBoard(
            year: 2026, asOf: asOf,
            projects: [
                project(5, due: "2026-12-31"), project(2, due: "2026-12-31"), project(9, due: "2026-10-31"),
                project(1, due: nil), project(3, due: "2026-07-01"),
            ],
            stationed: [], settings: TownshipSettings())
        #expect(board.rows.map(\.project.id) == [3, 9, 2, 5, 1])
        #expect(board.rows.map(\.light) == [.blue, .green, .green, .green, nil])
    }

    @Test func quotasCountTheYearsLiveProjectsInTheCadresOwnVillage() {
        let stationed = [StationedCadre(id: 7, name: "张三", village: "石桥村")]
        let board = ResponsibilityBoard(
            year: 2026, asOf: asOf,
            projects: [
                project(1, due: "2026-12-31", cadre: 7, village: "石桥村"),
                project(2, due: "2026-12-31", board: .relief, cadre: 7, village: "石桥村"),
                project(3, due: "2026-12-31", cadre: 7, village: "枫林村"),
                project(4, due: "2026-12-31", cadre: 7, village: "石桥村", cancelled: true),
                project(5, due: nil, cadre: 8, village: "石桥村"),
            ],
            stationed: stationed, settings: TownshipSettings(yearlyServiceProjects: 3, cadreVillageProjects: 2))
        #expect(board.serviceProjects == 3)  // 1, 3, 5; not the cancelled one, not the relief one
        #expect(board.villageProjects(of: stationed[0]) == 2)
        let quotas = board.json["quotas"]?.objectValue
        #expect(quotas?["township"] == ["service_projects": 3, "required": 3, "met": true])
        #expect(quotas?["cadres"]?.arrayValue?.first?.objectValue?["met"] == true)
    }
}
