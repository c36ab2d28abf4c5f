import Domain
import Store
import Testing

/// `ProjectRepository`, cadre tokens and township settings: behaviour every backend must have.
@Suite struct ProjectRepositoryConformanceTests {
    /// A 2026 service project of 张三 in 石桥村 supervised by 李四 (made a leader).
    func project(_ f: StoreFixture, year: Int = 2026, cancelled: Bool = false) throws -> Int64 {
        let (townshipID, cadres, departments) = (f.township.id, f.cadres, f.departments)
        return try f.store.write { transaction in
            _ = try transaction.registry.update(
                Registry.cadres, townshipID: townshipID, id: cadres[1], changes: ["leader": true])
            _ = try transaction.registry.update(
                Registry.cadres, townshipID: townshipID, id: cadres[0], changes: ["village": "石桥村"])
            let row: [String: JSONValue] = [
                "title": "修建村道", "board": "service", "year": .int(Int64(year)), "cadre_id": .int(cadres[0]),
                "department_id": .int(departments[0]),
                "supervisor_id": .int(cadres[1]), "village": "石桥村", "start": "2026-03-01", "due": "2026-08-31",
            ]
            let id = try transaction.registry.insert(
                Registry.projects, townshipID: townshipID, rows: [row], bulk: false, limit: .max)[0]["id"]!.intValue!
            if cancelled {
                _ = try transaction.registry.update(
                    Registry.projects, townshipID: townshipID, id: id, changes: ["state": "cancelled"])
            }
            return id
        }
    }

    @Test(arguments: StoreBackend.all)
    func checksReplaceTheirMonthAndEveryVersionIsInTheTimeline(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let id = try project(f)
        let may = CalendarMonth("2026-05")!
        let first = try f.store.write {
            try $0.projects.putCheck(
                projectID: id, check: MonthlyCheck(month: may, progress: 40, assessment: .onTrack, note: "路基"),
                byCadreID: f.cadres[1])
        }
        #expect(first.created)
        #expect(first.stored.writtenAt == "2026-12-06T12:26:40Z")
        f.clock.advance(by: 60)
        let second = try f.store.write {
            try $0.projects.putCheck(
                projectID: id, check: MonthlyCheck(month: may, progress: 45, assessment: .behind), byCadreID: nil)
        }
        #expect(!second.created)
        _ = try f.store.write {
            try $0.projects.putCheck(
                projectID: id,
                check: MonthlyCheck(month: CalendarMonth("2026-04")!, progress: 20, assessment: .onTrack),
                byCadreID: nil)
        }
        let checks = try f.store.read { try $0.projects.checks(projectID: id) }
        #expect(checks.map(\.check.month.text) == ["2026-04", "2026-05"])
        #expect(checks[1].check == MonthlyCheck(month: may, progress: 45, assessment: .behind, note: nil))
        #expect(checks[1].writtenAt == "2026-12-06T12:27:40Z")

        try f.store.write { try $0.projects.appendEvent(projectID: id, event: .dueChanged, data: ["to": "2026-09-30"]) }
        let timeline = try f.store.read { try $0.projects.timeline(projectID: id) }
        #expect(timeline.map(\.event) == [.check, .check, .check, .dueChanged])
        #expect(timeline[0].data["progress"] == 40)
        #expect(timeline[0].data["by_cadre_id"] == .int(f.cadres[1]))
        #expect(timeline[1].data["by_cadre_id"] == .null)
        #expect(timeline[3].data == ["to": "2026-09-30"])
    }

    @Test(arguments: StoreBackend.all)
    func boardProjectsCarryNamesAndChecksOfTheirYearOnly(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let id = try project(f)
        _ = try project(f, year: 2025)
        let cancelled = try project(f, cancelled: true)
        _ = try f.store.write {
            try $0.projects.putCheck(
                projectID: id,
                check: MonthlyCheck(month: CalendarMonth("2026-05")!, progress: 60, assessment: .onTrack),
                byCadreID: nil)
        }
        let projects = try f.store.read { try $0.projects.boardProjects(townshipID: f.township.id, year: 2026) }
        #expect(projects.map(\.id) == [id, cancelled])
        let road = projects[0]
        #expect(road.cadre == "张三" && road.supervisor == "李四" && road.department == "民政办")
        #expect(road.village == "石桥村" && road.cadreID == f.cadres[0])
        #expect(road.start == CalendarDay("2026-03-01") && road.due == CalendarDay("2026-08-31"))
        #expect(road.checks.map(\.progress) == [60])
        #expect(!road.cancelled && projects[1].cancelled)
        #expect(
            try f.store.read { try $0.projects.stationedCadres(townshipID: f.township.id) } == [
                StationedCadre(id: f.cadres[0], name: "张三", village: "石桥村")
            ])
    }

    @Test(arguments: StoreBackend.all)
    func cadreTokensAreOnePerCadreAndEndWhenTheCadreLeaves(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let cadre = f.cadres[0]
        try f.store.write { try $0.access.setCadreToken(cadreID: cadre, tokenHash: [9, 9]) }
        #expect(
            try f.store.read { try $0.access.credential(tokenHash: [9, 9]) }
                == StoredCredential(id: cadre, kind: .cadre, townshipID: f.township.id))
        try f.store.write { try $0.access.setCadreToken(cadreID: cadre, tokenHash: [8, 8]) }
        #expect(try f.store.read { try $0.access.credential(tokenHash: [9, 9]) } == nil)
        _ = try f.store.write {
            try $0.registry.update(Registry.cadres, townshipID: f.township.id, id: cadre, changes: ["status": "left"])
        }
        #expect(try f.store.read { try $0.access.credential(tokenHash: [8, 8]) } == nil)
        #expect(try f.store.write { try $0.access.revokeCadreToken(cadreID: cadre) })
        #expect(try f.store.write { try $0.access.revokeCadreToken(cadreID: cadre) } == false)
    }

    @Test(arguments: StoreBackend.all)
    func settingsAreKeptWithTheTownship(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        #expect(f.township.settings == TownshipSettings(yearlyServiceProjects: 5, cadreVillageProjects: 2))
        let changed = TownshipSettings(yearlyServiceProjects: 7, cadreVillageProjects: 0)
        try f.store.write { try $0.access.setSettings(changed, townshipID: f.township.id) }
        #expect(try f.store.read { try $0.access.township(code: "niumasi") }?.settings == changed)
    }
}
