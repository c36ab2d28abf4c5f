import Testing

@testable import Domain

/// The fair-use bound on a round's subjects (contract §8), at its edge.
@Suite struct RoundSubjectLimitTests {
    static func round(cadres: Int?, departments: Int?, projects: Int?) -> Round {
        Round(
            townshipID: 1, title: "t", kind: .quarterly, period: "2026-Q4", rules: RoundRules(), evaluatorIDs: [1],
            cadreIDs: cadres.map { (0..<$0).map(Int64.init) },
            departmentIDs: departments.map { (0..<$0).map(Int64.init) },
            projectIDs: projects.map { (0..<$0).map(Int64.init) })
    }

    @Test(arguments: [
        (Int?(3), Int?(1), Int?(1), true), (3, 1, 2, false), (nil, nil, nil, true), (6, nil, nil, false),
    ])
    func explicitListsAreCountedTogether(cadres: Int?, departments: Int?, projects: Int?, allowed: Bool) {
        let round = Self.round(cadres: cadres, departments: departments, projects: projects)
        if allowed {
            #expect(throws: Never.self) { try round.checkListedSubjects(limit: 5) }
        } else {
            #expect(throws: RoundError.self) { try round.checkListedSubjects(limit: 5) }
        }
    }

    @Test func frozenSubjectsMayReachTheLimitButNotPassIt() {
        #expect(throws: Never.self) { try Round.checkFrozenSubjects(count: 2_000, limit: 2_000) }
        #expect(throws: RoundError.self) { try Round.checkFrozenSubjects(count: 2_001, limit: 2_000) }
    }
}
