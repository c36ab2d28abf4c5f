import TestSupport
import Testing

@testable import Domain

@Suite struct TallyTests {
    @Test func recordsScoresPerCategoryAndPicks() {
        var tally = Tally()
        let ballot = ValidBallot(
            entries: [ScoreEntry(subject: .cadre(1), villageTime: 10, attitude: 20, completion: 30)],
            mostSatisfied: Picks(cadreID: 1, projectID: 4), leastSatisfied: Picks(departmentID: 2))
        tally.record(ballot: ballot, category: .retiredCadre)
        tally.record(ballot: ballot, category: .deputy)

        let cadre = tally[.cadre(1)]
        #expect(cadre.n == 2)
        #expect(cadre.n(in: .retiredCadre) == 1)
        #expect(cadre[.deputy, .attitude] == ScoreAggregate(count: 1, sum: 20, min: 20, max: 20))
        #expect(cadre.combined(.completion) == ScoreAggregate(count: 2, sum: 60, min: 30, max: 30))
        #expect(cadre.most == 2)
        #expect(tally[.project(4)].most == 2)
        #expect(tally[.department(2)].least == 2)
        #expect(tally[.department(2)].n == 0)
        #expect(tally[.cadre(99)] == SubjectTally())
    }

    /// Thousands of random ballots, tallied incrementally, must give exactly the scores of a
    /// naive recomputation from the raw score lists (sort, drop one high and one low from five
    /// on, average), with and without category weights.
    @Test(arguments: [nil, [EvaluatorCategory.deputy: 3, .villageCadre: 2, .retiredCadre: 0, .contactHousehold: 1]])
    func incrementalTallyMatchesNaiveRecomputation(categoryWeights: [EvaluatorCategory: Double]?) throws {
        var random = SeededGenerator(seed: 2026)
        let rules = RoundRules(
            weights: SupervisionWeights(villageTime: 2, attitude: 1, completion: 1), categoryWeights: categoryWeights)
        let subjects = (1...6).map(SubjectKey.cadre) + (1...3).map(SubjectKey.department)
        var tally = Tally()
        var raw: [SubjectKey: [EvaluatorCategory: [[Int]]]] = [:]

        for _ in 0..<3000 {
            let category = EvaluatorCategory.allCases.randomElement(using: &random)!
            let scored = subjects.filter { _ in Int.random(in: 0..<10, using: &random) < 7 }
            let entries = scored.map { subject in
                ScoreEntry(
                    subject: subject, villageTime: .random(in: 0...100, using: &random),
                    attitude: .random(in: 0...100, using: &random), completion: .random(in: 0...100, using: &random))
            }
            for entry in entries {
                raw[entry.subject, default: [:]][category, default: []].append(
                    Supervision.allCases.map { entry[$0] })
            }
            tally.record(ballot: ValidBallot(entries: entries), category: category)
        }

        let calculator = ResultsCalculator(rules: rules, ballots: 3000)
        for subject in subjects {
            let expected = Self.naiveScores(raw[subject, default: [:]], rules: rules)
            let actual = calculator.scores(of: tally[subject])
            // Category sums may be added in another order than the calculator's, so allow for
            // the last bit; the no-weights case has no such sums and is checked exactly.
            let tolerance = categoryWeights == nil ? 0 : 1e-9
            for supervision in Supervision.allCases {
                let difference = abs(try #require(actual[supervision]) - (try #require(expected[supervision])))
                #expect(difference <= tolerance, "\(subject) \(supervision)")
            }
            let composite = abs(try #require(actual.composite) - (try #require(expected.composite)))
            #expect(composite <= 1e-9, "\(subject)")
            #expect(tally[subject].n == raw[subject, default: [:]].values.reduce(0) { $0 + $1.count })
        }
    }

    /// The §6 rule straight from the definition, over the raw lists of scores.
    private static func naiveScores(_ byCategory: [EvaluatorCategory: [[Int]]], rules: RoundRules) -> Scores {
        func trimmedMean(_ scores: [Int]) -> Double? {
            guard !scores.isEmpty else { return nil }
            let sorted = scores.sorted()
            let kept = sorted.count >= 5 ? Array(sorted.dropFirst().dropLast()) : sorted
            return Double(kept.reduce(0, +)) / Double(kept.count)
        }
        var means: [Double] = []
        for (index, _) in Supervision.allCases.enumerated() {
            if let weights = rules.categoryWeights {
                var weighted = 0.0
                var total = 0.0
                for (category, rows) in byCategory {
                    guard let mean = trimmedMean(rows.map { $0[index] }) else { continue }
                    weighted += weights[category]! * mean
                    total += weights[category]!
                }
                means.append(weighted / total)
            } else {
                means.append(trimmedMean(byCategory.values.flatMap { $0 }.map { $0[index] })!)
            }
        }
        let w = rules.weights
        let composite = (w.villageTime * means[0] + w.attitude * means[1] + w.completion * means[2]) / w.total
        return Scores(villageTime: means[0], attitude: means[1], completion: means[2], composite: composite)
    }
}
