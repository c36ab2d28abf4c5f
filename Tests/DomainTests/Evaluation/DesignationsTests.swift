import Testing

@testable import Domain

@Suite struct DesignationsTests {
    @Test func everySubjectTiedForMostIsDesignatedInIdOrder() {
        let casts: [Cast] = [
            .picks(most: Picks(cadreID: 3, departmentID: 1, projectID: 2)),
            .picks(most: Picks(cadreID: 1, departmentID: 1, projectID: 2)),
            .picks(most: Picks(cadreID: 3)), .picks(most: Picks(cadreID: 1)), .picks(most: Picks(cadreID: 2)),
        ]
        let results = ResultsCalculator.make(cadres: [1, 2, 3], departments: [1, 2], projects: [1, 2], casts: casts)
        #expect(results.designations.mostSatisfied == DesignatedIDs(cadres: [1, 3], departments: [1], projects: [2]))
    }

    @Test func nobodyIsDesignatedWhenNobodyWasPicked() {
        let results = ResultsCalculator.make(
            cadres: [1, 2], departments: [1], projects: [1], casts: [.score(.cadre(1), 90), .picks()])
        #expect(results.designations.mostSatisfied == DesignatedIDs())
        #expect(results.designations.leastSatisfied == DesignatedIDs())
    }

    /// `least` votes out of `ballots`, threshold 0.3: 3 of 10 is exactly at the threshold and
    /// designates, 2 of 10 is below it; 0.07 × 100 is 7.000000000000001 in Double arithmetic
    /// and must still let exactly 7 votes through, while 6 do not.
    @Test(arguments: [
        (0.3, 10, 3, true), (0.3, 10, 2, false), (0.07, 100, 7, true), (0.07, 100, 6, false),
        (0.0, 4, 1, true), (1.0, 4, 4, true), (1.0, 4, 3, false),
    ])
    func leastNeedsThresholdTimesBallots(threshold: Double, ballots: Int, least: Int, designated: Bool) {
        let picks = (0..<ballots).map { index in
            Cast.picks(least: index < least ? Picks(cadreID: 1) : Picks())
        }
        let results = ResultsCalculator.make(rules: RoundRules(leastThreshold: threshold), cadres: [1], casts: picks)
        #expect(results.designations.leastSatisfied.cadres == (designated ? [1] : []))
    }

    @Test func leastTiesAreAllDesignatedPerKind() {
        let casts: [Cast] = [
            .picks(least: Picks(cadreID: 2, departmentID: 7, projectID: 9)),
            .picks(least: Picks(cadreID: 1, departmentID: 7)),
            .picks(least: Picks(cadreID: 2)), .picks(least: Picks(cadreID: 1)),
        ]
        let results = ResultsCalculator.make(cadres: [1, 2], departments: [7], projects: [9], casts: casts)
        // threshold 0.3 × 4 ballots = 1.2: cadres (2 each) and department 7 (2) pass, project 9 (1) not.
        #expect(results.designations.leastSatisfied == DesignatedIDs(cadres: [1, 2], departments: [7], projects: []))
    }

    @Test func unscoredCadreCanStillBeDesignated() {
        let results = ResultsCalculator.make(cadres: [1], casts: [.picks(most: Picks(cadreID: 1))])
        #expect(results.cadres.first?.scores == .unscored)
        #expect(results.designations.mostSatisfied.cadres == [1])
    }
}
