import Domain
import Store
import Testing

/// `ReviewRepository` behaviour every backend must have: one review per township and quarter, a
/// draft frozen once, and the roster of cadres who have not left.
@Suite struct ReviewRepositoryConformanceTests {
    @Test(arguments: StoreBackend.all)
    func aQuarterHasOneReviewFrozenOnce(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let township = f.township.id
        var rules = QuarterlyReviewRules()
        rules.bottomStreak = 3
        let q3 = try #require(Period("2026-Q3"))
        let q2 = try #require(Period("2026-Q2"))
        let created = try f.store.write {
            try $0.reviews.createQuarterly(townshipID: township, period: q3, roundID: nil, rules: rules)
        }
        #expect(
            created.state == .draft && created.rules.bottomStreak == 3 && created.createdAt == "2026-12-06T12:26:40Z")
        #expect(throws: RegistryError.conflict(row: nil, field: "period", value: "2026-Q3")) {
            try f.store.write {
                try $0.reviews.createQuarterly(townshipID: township, period: q3, roundID: nil, rules: rules)
            }
        }
        _ = try f.store.write {
            try $0.reviews.createQuarterly(
                townshipID: township, period: q2, roundID: nil, rules: QuarterlyReviewRules())
        }
        #expect(try f.store.read { try $0.reviews.quarterly(townshipID: township, period: q3) }?.id == created.id)
        #expect(try f.store.read { try $0.reviews.quarterly(townshipID: township, id: created.id) }?.period == q3)
        let rows: [JSONObject] = [["cadre_id": .int(f.cadres[0]), "name": "张三"]]
        #expect(
            try f.store.write {
                try $0.reviews.finalizeQuarterly(townshipID: township, id: created.id, commentary: "讲评", cadres: rows)
            })
        #expect(
            try f.store.write {
                try $0.reviews.finalizeQuarterly(townshipID: township, id: created.id, commentary: "又", cadres: [])
            } == false)
        let final = try #require(try f.store.read { try $0.reviews.quarterly(townshipID: township, id: created.id) })
        #expect(final.state == .final && final.commentary == "讲评" && final.frozenCadres == rows)
        #expect(
            try f.store.read { try $0.reviews.quarterlies(townshipID: township, finalOnly: false) }.map(\.period) == [
                q2, q3,
            ])
        #expect(
            try f.store.read { try $0.reviews.quarterlies(townshipID: township, finalOnly: true) }.map(\.id) == [
                created.id
            ])
    }

    @Test(arguments: StoreBackend.all)
    func theRosterLeavesOutCadresWhoLeft(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        try f.store.write { try $0.registry.setCadreStatus(.left, cadreID: f.cadres[1], townshipID: f.township.id) }
        let roster = try f.store.read { try $0.reviews.roster(townshipID: f.township.id) }
        #expect(roster == [ReviewCadre(id: f.cadres[0], name: "张三", department: "民政办")])
    }
}
