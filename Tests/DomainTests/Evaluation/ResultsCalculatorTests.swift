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
        #expect(results.cadres.map(\.cadreId) == [2, 1])
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

    @Test func byCategoryListsOnlyCategoriesWithMinGroupBallotsInTheRound() throws {
        let casts: [Cast] = [
            .score(.cadre(1), 70, by: .deputy), .score(.cadre(1), 80, by: .deputy),
            .score(.cadre(1), 90, by: .deputy),
            .score(.cadre(1), 10, by: .villageCadre), .score(.cadre(1), 20, by: .villageCadre),
        ]
        let row = try #require(ResultsCalculator.make(cadres: [1], casts: casts).cadre(1))
        #expect(Set(row.byCategory.keys) == [.deputy])
        #expect(
            row.byCategory[.deputy]
                == CategoryBreakdown(n: 3, scores: Scores(villageTime: 80, attitude: 80, completion: 80, composite: 80))
        )
    }

    @Test func byCategoryThresholdIsTheRoundCountNotTheSubjectCount() throws {
        // Three deputy ballots in the round, only one of which scored cadre 2.
        let casts: [Cast] = [
            .score(.cadre(1), 70, by: .deputy), .score(.cadre(1), 80, by: .deputy),
            .score(.cadre(2), 40, by: .deputy),
        ]
        let results = ResultsCalculator.make(cadres: [1, 2, 3], casts: casts)
        #expect(try #require(results.cadre(2)).byCategory[.deputy]?.n == 1)
        #expect(try #require(results.cadre(2)).byCategory[.deputy]?.scores.composite == 40)
        let untouched = try #require(results.cadre(3)).byCategory[.deputy]
        #expect(untouched == CategoryBreakdown(n: 0, scores: .unscored))
    }

    @Test func departmentsAreScoredAndRankedLikeCadres() {
        let casts: [Cast] = [.score(.department(5), 60), .score(.department(4), 90), .score(.cadre(5), 100)]
        let results = ResultsCalculator.make(cadres: [5], departments: [4, 5, 6], casts: casts)
        #expect(results.departments.map(\.departmentId) == [4, 5, 6])
        #expect(results.departments.map(\.rank) == [1, 2, nil])
        #expect(results.departments.map(\.scores.composite) == [90, 60, nil])
    }

    @Test func ignoresTallyEntriesForSubjectsOutsideTheFrozenLists() {
        let results = ResultsCalculator.make(cadres: [1], casts: [.score(.cadre(99), 50), .score(.cadre(1), 70)])
        #expect(results.cadres.map(\.cadreId) == [1])
    }
}
