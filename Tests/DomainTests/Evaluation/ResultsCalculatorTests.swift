import Testing

@testable import Domain

@Suite struct ResultsCalculatorTests {
    @Test func trimsEachSupervisionFromFiveScoresOn() throws {
        let casts = [(90, 60, 10), (80, 70, 20), (70, 80, 30), (60, 90, 40), (50, 100, 100)].map {
            Cast.score(.cadre(1), $0.0, $0.1, $0.2)
        }
        let row = try #require(ResultsCalculator.make(cadres: [1], casts: casts).cadre(1))
        // village_time drops 90 and 50 → 70; attitude drops 100 and 60 → 80; completion drops
        // 100 and 10 → 30; composite (70 + 80 + 30) / 3 = 60.
        #expect(row.scores == Scores(villageTime: 70, attitude: 80, completion: 30, composite: 60))
        #expect(row.n == 5)
    }

    @Test func compositeUsesSupervisionWeights() throws {
        let rules = RoundRules(weights: SupervisionWeights(villageTime: 2, attitude: 1, completion: 1))
        let results = ResultsCalculator.make(rules: rules, cadres: [1], casts: [.score(.cadre(1), 90, 60, 30)])
        // (2·90 + 60 + 30) / 4
        #expect(try #require(results.cadre(1)).scores.composite == 67.5)
    }

    @Test func absentCategoryDropsOutOfCategoryWeights() throws {
        let rules = RoundRules(categoryWeights: [.deputy: 3, .villageCadre: 1, .retiredCadre: 2, .contactHousehold: 2])
        let casts: [Cast] = [.score(.cadre(1), 90, by: .deputy), .score(.cadre(1), 60, by: .villageCadre)]
        let row = try #require(ResultsCalculator.make(rules: rules, cadres: [1], casts: casts).cadre(1))
        // (3·90 + 1·60) / (3 + 1): retired and contact weights are not in the denominator.
        #expect(row.scores.attitude == 82.5)
        #expect(row.scores.composite == 82.5)
    }

    @Test func zeroWeightCategoryCountsInNButNotInScores() throws {
        let rules = RoundRules(categoryWeights: [.deputy: 3, .villageCadre: 1, .retiredCadre: 2, .contactHousehold: 0])
        let casts: [Cast] = [.score(.cadre(1), 90, by: .deputy), .score(.cadre(1), 10, by: .contactHousehold)]
        let row = try #require(ResultsCalculator.make(rules: rules, cadres: [1], casts: casts).cadre(1))
        #expect(row.scores.composite == 90)
        #expect(row.n == 2)
    }

    @Test func subjectScoredOnlyByZeroWeightCategoriesIsUnscored() throws {
        let rules = RoundRules(categoryWeights: [.deputy: 1, .villageCadre: 1, .retiredCadre: 1, .contactHousehold: 0])
        let casts: [Cast] = [.score(.cadre(1), 90, by: .contactHousehold), .score(.cadre(2), 50, by: .deputy)]
        let results = ResultsCalculator.make(rules: rules, cadres: [1, 2], casts: casts)
        let row = try #require(results.cadre(1))
        #expect(row.scores == .unscored)
        #expect(row.rank == nil)
        #expect(row.n == 1)
        #expect(results.cadres.map(\.cadreID) == [2, 1])
    }

    @Test func categoryWeightsTrimInsideEachCategory() throws {
        let deputies = [0, 80, 80, 80, 100].map { Cast.score(.cadre(1), $0, by: .deputy) }
        let villagers = [Cast.score(.cadre(1), 20, by: .villageCadre)]
        let weighted = RoundRules(categoryWeights: [
            .deputy: 1, .villageCadre: 1, .retiredCadre: 1, .contactHousehold: 1,
        ])
        let withWeights = ResultsCalculator.make(rules: weighted, cadres: [1], casts: deputies + villagers)
        let without = ResultsCalculator.make(cadres: [1], casts: deputies + villagers)
        // Weighted: deputies trimmed to 80, villagers 20, mean 50. Unweighted: all six
        // [0, 20, 80, 80, 80, 100] trimmed together to (20 + 240) / 4 = 65.
        #expect(try #require(withWeights.cadre(1)).scores.composite == 50)
        #expect(try #require(without.cadre(1)).scores.composite == 65)
    }

    /// One row of the per-subject rule: the categories' ballots on one cadre (deputy, village
    /// cadre, retired cadre, contact household) and the categories its breakdown lists.
    struct BreakdownCase: Sendable, CustomTestStringConvertible {
        var name: String
        var counts: [Int]
        var minGroup = 3
        var listed: Set<EvaluatorCategory>
        var testDescription: String { name }
    }

    static let breakdownCases: [BreakdownCase] = [
        BreakdownCase(
            name: "every scoring category has min_group ballots", counts: [3, 4, 0, 0],
            listed: [.deputy, .villageCadre]),
        BreakdownCase(
            name: "the audit's case: 3 deputies and 1 household → nothing (4·all − 3·deputies = the household)",
            counts: [3, 0, 0, 1], listed: []),
        BreakdownCase(name: "left-out ballots just below min_group → nothing", counts: [5, 2, 0, 0], listed: []),
        BreakdownCase(
            name: "left-out ballots across two categories reach min_group → the large ones listed",
            counts: [4, 0, 1, 2], listed: [.deputy]),
        BreakdownCase(
            name: "one category alone is listed (it equals the overall figures)", counts: [0, 0, 3, 0],
            listed: [.retiredCadre]),
        BreakdownCase(name: "nobody reaches min_group → nothing", counts: [2, 2, 2, 2], listed: []),
        BreakdownCase(name: "unscored subject → nothing", counts: [0, 0, 0, 0], listed: []),
        BreakdownCase(
            name: "min_group 1: every scoring category", counts: [1, 0, 2, 0], minGroup: 1,
            listed: [.deputy, .retiredCadre]),
        BreakdownCase(name: "min_group 5: 5 and 4 left out → nothing", counts: [5, 4, 0, 0], minGroup: 5, listed: []),
    ]

    @Test(arguments: breakdownCases)
    func byCategoryIsDecidedPerSubjectAndNeverRevealsAFewByDifference(_ row: BreakdownCase) throws {
        var casts: [Cast] = []
        for (category, count) in zip(EvaluatorCategory.allCases, row.counts) {
            casts += (0..<count).map { Cast.score(.cadre(1), 50 + $0, by: category) }
        }
        // Many ballots of every category elsewhere in the round: the round's counts do not decide.
        for category in EvaluatorCategory.allCases {
            casts += (0..<5).map { _ in Cast.score(.cadre(2), 60, by: category) }
        }
        let results = ResultsCalculator.make(rules: RoundRules(minGroup: row.minGroup), cadres: [1, 2], casts: casts)
        let cadre = try #require(results.cadre(1))
        #expect(Set(cadre.byCategory.keys) == row.listed)
        for category in row.listed {
            #expect(cadre.byCategory[category]?.n == row.counts[EvaluatorCategory.allCases.firstIndex(of: category)!])
        }
    }

    @Test func aListedCategoryIsScoredFromItsOwnBallots() throws {
        let casts: [Cast] = [
            .score(.cadre(1), 70, by: .deputy), .score(.cadre(1), 80, by: .deputy),
            .score(.cadre(1), 90, by: .deputy),
        ]
        let row = try #require(ResultsCalculator.make(cadres: [1], casts: casts).cadre(1))
        #expect(
            row.byCategory[.deputy]
                == CategoryBreakdown(n: 3, scores: Scores(villageTime: 80, attitude: 80, completion: 80, composite: 80))
        )
    }

    @Test func departmentsAreScoredAndRankedLikeCadres() {
        let casts: [Cast] = [.score(.department(5), 60), .score(.department(4), 90), .score(.cadre(5), 100)]
        let results = ResultsCalculator.make(cadres: [5], departments: [4, 5, 6], casts: casts)
        #expect(results.departments.map(\.departmentID) == [4, 5, 6])
        #expect(results.departments.map(\.rank) == [1, 2, nil])
        #expect(results.departments.map(\.scores.composite) == [90, 60, nil])
    }

    @Test func ignoresTallyEntriesForSubjectsOutsideTheFrozenLists() {
        let results = ResultsCalculator.make(cadres: [1], casts: [.score(.cadre(99), 50), .score(.cadre(1), 70)])
        #expect(results.cadres.map(\.cadreID) == [1])
    }
}
