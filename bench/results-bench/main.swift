import Domain
import Glibc

/// Results micro-benchmark (issue 7): 10,000 ballots, each scoring all 200 cadres and 20
/// departments and making six picks. Measures (1) computing the results from the per-subject
/// aggregates, which is what the server does when a round is read or published, and (2) the
/// full recount: tallying every ballot again, then computing the results.
///
/// Prints one `key value` line per figure (milliseconds, medians of several runs) so that
/// `Scripts/bench` can parse it. Usage: `results-bench [ballots] [runs]`.
let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let ballotCount = arguments.first ?? 10_000
let runs = arguments.dropFirst().first ?? 7
let cadreCount = 200
let departmentCount = 20
let projectCount = 50

/// A fixed-seed generator (SplitMix64) so every run tallies the same ballots.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

var random = SplitMix(state: 7)
let cadres = (1...cadreCount).map {
    CadreSubject(
        id: $0, name: "干部\($0)", departmentID: $0 % departmentCount + 1,
        departmentName: "部门\($0 % departmentCount + 1)")
}
let departments = (1...departmentCount).map { DepartmentSubject(id: $0, name: "部门\($0)") }
let projects = (1...projectCount).map { ProjectSubject(id: $0, title: "实事\($0)") }
let subjects = cadres.map { SubjectKey.cadre($0.id) } + departments.map { SubjectKey.department($0.id) }

/// One ballot scoring every subject, with random picks (most and least never the same).
func makeBallot(_ random: inout SplitMix) -> (ValidBallot, EvaluatorCategory) {
    let entries = subjects.map { subject in
        ScoreEntry(
            subject: subject, villageTime: .random(in: 40...100, using: &random),
            attitude: .random(in: 40...100, using: &random), completion: .random(in: 40...100, using: &random))
    }
    let most = Picks(
        cadreID: .random(in: 1...cadreCount / 2, using: &random),
        departmentID: .random(in: 1...departmentCount / 2, using: &random),
        projectID: .random(in: 1...projectCount / 2, using: &random))
    let least = Picks(
        cadreID: .random(in: cadreCount / 2 + 1...cadreCount, using: &random),
        departmentID: .random(in: departmentCount / 2 + 1...departmentCount, using: &random),
        projectID: nil)
    let category = EvaluatorCategory.allCases.randomElement(using: &random)!
    return (ValidBallot(entries: entries, mostSatisfied: most, leastSatisfied: least), category)
}

let ballots = (0..<ballotCount).map { _ in makeBallot(&random) }

func tallyAll() -> Tally {
    var tally = Tally()
    for (ballot, category) in ballots { tally.record(ballot: ballot, category: category) }
    return tally
}

/// Median wall time of `runs` runs of `body`, in milliseconds; the result is kept alive so
/// the optimizer cannot drop the work.
func median<T>(_ body: () -> T) -> (ms: Double, last: T) {
    var times: [Double] = []
    var last: T?
    for _ in 0..<runs {
        let clock = ContinuousClock()
        var value: T?
        let elapsed = clock.measure { value = body() }
        last = value
        times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }
    times.sort()
    return (times[times.count / 2], last!)
}

let tally = tallyAll()
let plain = ResultsCalculator(rules: RoundRules(), ballots: ballotCount)
let weighted = ResultsCalculator(
    rules: RoundRules(categoryWeights: [.deputy: 3, .villageCadre: 2, .retiredCadre: 2, .contactHousehold: 3]),
    ballots: ballotCount)

let fromAggregates = median {
    plain.results(cadres: cadres, departments: departments, projects: projects, tally: tally)
}
let fromAggregatesWeighted = median {
    weighted.results(cadres: cadres, departments: departments, projects: projects, tally: tally)
}
let recount = median {
    plain.results(cadres: cadres, departments: departments, projects: projects, tally: tallyAll())
}
precondition(fromAggregates.last == recount.last, "a recount must give the same results")
precondition(fromAggregates.last.cadres.count == cadreCount)

print("ballots \(ballotCount)")
print("subjects_per_ballot \(subjects.count)")
print("results_from_aggregates_ms \(fromAggregates.ms)")
print("results_from_aggregates_weighted_ms \(fromAggregatesWeighted.ms)")
print("full_recount_ms \(recount.ms)")
