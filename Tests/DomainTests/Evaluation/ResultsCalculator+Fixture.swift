@testable import Domain

/// One ballot as a test casts it: the evaluator's category and what the ballot says.
struct Cast {
    var category: EvaluatorCategory
    var ballot: ValidBallot

    /// A ballot giving `subject` the three scores.
    static func score(
        _ subject: SubjectKey, _ villageTime: Int, _ attitude: Int, _ completion: Int,
        by category: EvaluatorCategory = .deputy
    ) -> Cast {
        let entry = ScoreEntry(subject: subject, villageTime: villageTime, attitude: attitude, completion: completion)
        return Cast(category: category, ballot: ValidBallot(entries: [entry]))
    }

    /// A ballot giving `subject` the same score on all three supervisions.
    static func score(_ subject: SubjectKey, _ score: Int, by category: EvaluatorCategory = .deputy) -> Cast {
        Cast.score(subject, score, score, score, by: category)
    }

    /// A ballot that only makes picks.
    static func picks(most: Picks = Picks(), least: Picks = Picks(), by category: EvaluatorCategory = .deputy) -> Cast {
        Cast(category: category, ballot: ValidBallot(entries: [], mostSatisfied: most, leastSatisfied: least))
    }
}

extension ResultsCalculator {
    /// The results of `casts` over subjects with the given ids (cadre `i` is named `C<i>` in
    /// department 1, project `i` is titled `P<i>`). Turnout is the number of casts.
    static func make(
        rules: RoundRules = RoundRules(), cadres: [Int] = [], departments: [Int] = [], projects: [Int] = [],
        casts: [Cast]
    ) -> RoundResults {
        var tally = Tally()
        for cast in casts {
            tally.record(ballot: cast.ballot, category: cast.category)
        }
        let calculator = ResultsCalculator(rules: rules, ballots: casts.count)
        return calculator.results(
            cadres: cadres.map { CadreSubject(id: $0, name: "C\($0)", departmentID: 1, departmentName: "D1") },
            departments: departments.map { DepartmentSubject(id: $0, name: "D\($0)") },
            projects: projects.map { ProjectSubject(id: $0, title: "P\($0)") },
            tally: tally)
    }
}

extension RoundResults {
    /// The cadre row of `id`, nil if it is not in the table.
    func cadre(_ id: Int) -> CadreResult? { cadres.first { $0.cadreID == id } }
}
