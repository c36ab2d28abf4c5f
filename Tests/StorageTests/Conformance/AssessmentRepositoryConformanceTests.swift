import Domain
import Store
import Testing

/// `AssessmentRepository` behaviour every backend must have: one assessment per township and
/// year moving draft → notice → final, overrides replaced per cadre, objections with only a day.
@Suite struct AssessmentRepositoryConformanceTests {
    @Test(arguments: StoreBackend.all)
    func anAssessmentMovesFromDraftThroughNoticeToFinal(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let township = f.township.id
        let created = try f.store.write {
            try $0.assessments.create(townshipID: township, year: 2026, rules: AssessmentRules())
        }
        #expect(created.state == .draft && created.year == 2026 && created.createdAt == "2026-12-06T12:26:40Z")
        #expect(throws: RegistryError.conflict(row: nil, field: "year", value: "2026")) {
            try f.store.write { try $0.assessments.create(townshipID: township, year: 2026, rules: AssessmentRules()) }
        }
        try f.store.write {
            try $0.assessments.setOverride(
                assessmentID: created.id, cadreID: f.cadres[0], grade: .competent, reason: "一")
        }
        try f.store.write {
            try $0.assessments.setOverride(
                assessmentID: created.id, cadreID: f.cadres[0], grade: .excellent, reason: "二")
        }
        let ends = try #require(CalendarDay("2026-12-13"))
        let inputs = [
            AssessmentInput(cadre: ReviewCadre(id: f.cadres[0], name: "张三", department: "民政办"), supervision: 85.5)
        ]
        #expect(
            try f.store.write {
                try $0.assessments.startNotice(townshipID: township, id: created.id, ends: ends, inputs: inputs)
            })
        #expect(
            try f.store.write {
                try $0.assessments.startNotice(townshipID: township, id: created.id, ends: ends, inputs: [])
            } == false)
        let notice = try #require(try f.store.read { try $0.assessments.get(townshipID: township, id: created.id) })
        #expect(notice.state == .notice && notice.noticeEnds == ends && notice.frozenInputs == inputs)
        #expect(notice.overrides[f.cadres[0]]?.grade == .excellent && notice.overrides[f.cadres[0]]?.reason == "二")
        #expect(
            try f.store.write {
                try $0.assessments.finalize(townshipID: township, id: created.id, commentary: "定等", noticeCutShort: nil)
            })
        let final = try #require(try f.store.read { try $0.assessments.list(townshipID: township) }.first)
        #expect(final.state == .final && final.commentary == "定等" && final.finalizedAt != nil)
    }

    @Test(arguments: StoreBackend.all)
    func objectionsKeepOnlyTheDayAndTakeOneAnswer(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let assessment = try f.store.write {
            try $0.assessments.create(townshipID: f.township.id, year: 2026, rules: AssessmentRules())
        }
        let first = try f.store.write {
            try $0.assessments.addObjection(assessmentID: assessment.id, cadreID: f.cadres[0], text: "不服")
        }
        let second = try f.store.write {
            try $0.assessments.addObjection(assessmentID: assessment.id, cadreID: f.cadres[1], text: "有异议")
        }
        #expect(first != second)
        #expect(
            try f.store.write {
                try $0.assessments.answer(assessmentID: assessment.id, objectionID: first, response: "已复核")
            })
        #expect(
            try f.store.write {
                try $0.assessments.answer(assessmentID: assessment.id, objectionID: 999, response: "x")
            } == false)
        let objections = try f.store.read { try $0.assessments.objections(assessmentID: assessment.id) }
        #expect(objections.map(\.id) == [first, second])
        #expect(objections.allSatisfy { $0.receivedOn == "2026-12-06" })
        #expect(objections[0].response == "已复核" && objections[0].respondedAt == "2026-12-06T12:26:40Z")
        #expect(objections[1].response == nil)
    }
}
