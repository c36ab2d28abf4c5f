import Testing

@testable import Domain

@Suite struct RankingTests {
    /// Cadre 1 leads; 2 and 3 tie on composite and net (rank 2, id order); 4 has the same
    /// composite but a lower net (rank 4); 5 and 6 are unscored and follow by net, unranked.
    @Test func cadresUseCompetitionRankingOnCompositeAndNet() {
        let casts: [Cast] = [
            .score(.cadre(1), 90), .score(.cadre(3), 80), .score(.cadre(2), 80), .score(.cadre(4), 80),
            .picks(most: Picks(cadreID: 2)), .picks(most: Picks(cadreID: 3)),
            .picks(most: Picks(cadreID: 6)), .picks(most: Picks(cadreID: 6)), .picks(most: Picks(cadreID: 5)),
        ]
        let results = ResultsCalculator.make(cadres: [6, 5, 4, 3, 2, 1], casts: casts)
        #expect(results.cadres.map(\.cadreID) == [1, 2, 3, 4, 6, 5])
        #expect(results.cadres.map(\.rank) == [1, 2, 2, 4, nil, nil])
    }

    @Test func unscoredCadresWithEqualNetFollowInIdOrder() {
        let results = ResultsCalculator.make(cadres: [9, 7, 8], casts: [.score(.cadre(8), 1)])
        #expect(results.cadres.map(\.cadreID) == [8, 7, 9])
        #expect(results.cadres.map(\.rank) == [1, nil, nil])
    }

    @Test func netBreaksCompositeTiesAheadOfId() {
        let casts: [Cast] = [
            .score(.cadre(1), 75), .score(.cadre(2), 75), .picks(least: Picks(cadreID: 1)),
        ]
        let results = ResultsCalculator.make(cadres: [1, 2], casts: casts)
        #expect(results.cadres.map(\.cadreID) == [2, 1])
        #expect(results.cadres.map(\.rank) == [1, 2])
    }

    @Test func compositesThatRoundAlikeStillRankApart() {
        // Weights 1000:1:0 make composites 80080/1001 = 80 and 80081/1001 ≈ 80.001, both "80.00".
        let rules = RoundRules(weights: SupervisionWeights(villageTime: 1000, attitude: 1, completion: 0))
        let casts: [Cast] = [.score(.cadre(1), 80, 80, 0), .score(.cadre(2), 80, 81, 0)]
        let results = ResultsCalculator.make(rules: rules, cadres: [1, 2], casts: casts)
        #expect(results.cadres.map(\.cadreID) == [2, 1])
        #expect(results.cadres.map(\.rank) == [1, 2])
        #expect(results.cadres.map { $0.scores.composite.map(Scores.rounded) } == [80, 80])
    }

    /// p1 and p2 share net 2 but p1 has more most votes; p3 ties p2 exactly; p4 and p5 share
    /// net 0 and differ in most.
    @Test func projectsOrderByNetThenMostThenId() {
        let casts: [Cast] = [
            .picks(most: Picks(projectID: 1), least: Picks(projectID: 4)),
            .picks(most: Picks(projectID: 1), least: Picks(projectID: 1)),
            .picks(most: Picks(projectID: 1)),
            .picks(most: Picks(projectID: 2)), .picks(most: Picks(projectID: 2)),
            .picks(most: Picks(projectID: 3)), .picks(most: Picks(projectID: 3)),
            .picks(most: Picks(projectID: 4)),
        ]
        let results = ResultsCalculator.make(projects: [5, 4, 3, 2, 1], casts: casts)
        #expect(results.projects.map(\.projectID) == [1, 2, 3, 4, 5])
        #expect(results.projects.map(\.net) == [2, 2, 2, 0, 0])
        #expect(results.projects.map(\.rank) == [1, 2, 2, 4, 5])
    }

    @Test(arguments: [
        ([Int](), [Int]()),
        ([1, 2, 3], [1, 2, 3]),
        ([5, 5, 5], [1, 1, 1]),
        ([9, 7, 7, 4], [1, 2, 2, 4]),
        ([9, 9, 7, 7, 7, 1], [1, 1, 3, 3, 3, 6]),
    ])
    func competitionRanksSkipAfterTies(values: [Int], expected: [Int]) {
        #expect(Ranking.competitionRanks(values, tied: ==) == expected)
    }
}
