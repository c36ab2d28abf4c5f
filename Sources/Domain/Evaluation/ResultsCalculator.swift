/// Turns a round's tally into its results (§6). Pure: the same inputs always give the same
/// tables, and the cost is O(subjects), since the tally already holds per-subject aggregates.
///
/// Scoring. Per subject and supervision the score is `ScoreAggregate.trimmedMean` (one highest
/// and one lowest dropped from 5 scores on). Without category weights every ballot counts the
/// same: the categories' aggregates are merged first, then trimmed. With category weights the
/// trimmed mean is taken inside each category, then combined as Σ wᶜ·meanᶜ / Σ wᶜ over the
/// categories that scored the subject; absent categories drop out of both sums, and if the
/// remaining weights sum to 0 the subject is unscored. `composite` is Σ wˢ·scoreˢ / Σ wˢ over
/// the three supervisions with the round's weights. Nothing is rounded here.
///
/// `by_category` is decided per subject (contract §6, as changed 2026-12-06): a category is
/// listed only when at least `min_group` of its ballots scored the subject, with the same
/// figures from that category alone. When the ballots of the categories left out that scored
/// the subject number 1 to `min_group` − 1, the subject has no breakdown at all: subtracting
/// the listed groups from the overall figures would otherwise give away those few ballots.
public struct ResultsCalculator: Sendable {
    public var rules: RoundRules
    /// Number of ballots cast in the round (`turnout.ballots`); the least-satisfied threshold is
    /// a fraction of it.
    public var ballots: Int

    public init(rules: RoundRules, ballots: Int) {
        self.rules = rules
        self.ballots = ballots
    }

    /// The full results for the round's frozen subject lists. Tally entries for subjects not in
    /// the lists are ignored; listed subjects nobody touched appear unscored with zero picks.
    public func results(
        cadres: [CadreSubject], departments: [DepartmentSubject], projects: [ProjectSubject],
        tally: Tally
    ) -> RoundResults {
        let cadreRows = cadres.map { cadre in
            let figures = tally[.cadre(cadre.id)]
            return CadreResult(
                cadreID: cadre.id, name: cadre.name, departmentID: cadre.departmentID,
                department: cadre.departmentName, most: figures.most, least: figures.least,
                n: figures.n, scores: scores(of: figures), rank: nil, byCategory: breakdown(of: figures))
        }
        let departmentRows = departments.map { department in
            let figures = tally[.department(department.id)]
            return DepartmentResult(
                departmentID: department.id, name: department.name, most: figures.most,
                least: figures.least, n: figures.n, scores: scores(of: figures), rank: nil,
                byCategory: breakdown(of: figures))
        }
        let projectRows = projects.map { project in
            let figures = tally[.project(project.id)]
            return ProjectResult(
                projectID: project.id, title: project.title, most: figures.most, least: figures.least,
                rank: 0)  // placeholder until Ranking.projects orders the table
        }
        let rankedCadres = Ranking.scored(cadreRows, id: \.cadreID, composite: \.scores.composite, net: \.net) {
            $0.rank = $1
        }
        let rankedDepartments = Ranking.scored(
            departmentRows, id: \.departmentID, composite: \.scores.composite, net: \.net
        ) { $0.rank = $1 }
        let rankedProjects = Ranking.projects(projectRows)

        return RoundResults(
            cadres: rankedCadres, departments: rankedDepartments, projects: rankedProjects,
            designations: designations(cadres: cadreRows, departments: departmentRows, projects: projectRows))
    }

    /// The headline scores of one subject, with category weights applied if the round has them.
    public func scores(of figures: SubjectTally) -> Scores {
        guard let categoryWeights = rules.categoryWeights else {
            return composed { figures.combined($0).trimmedMean }
        }
        return composed { supervision in
            var weighted = 0.0
            var totalWeight = 0.0
            for category in EvaluatorCategory.allCases {
                guard let mean = figures[category, supervision].trimmedMean else { continue }
                let weight = categoryWeights[category, default: 0]
                weighted += weight * mean
                totalWeight += weight
            }
            return totalWeight > 0 ? weighted / totalWeight : nil
        }
    }

    /// The `by_category` entries of one subject: each category at least `min_group` of whose
    /// ballots scored it, unless the ballots of the other categories that scored it are too few
    /// to stand alone (1 to `min_group` − 1), in which case none.
    public func breakdown(of figures: SubjectTally) -> [EvaluatorCategory: CategoryBreakdown] {
        let shown = EvaluatorCategory.allCases.filter { figures.n(in: $0) >= rules.minGroup }
        let leftOut = EvaluatorCategory.allCases.filter { !shown.contains($0) }.reduce(0) { $0 + figures.n(in: $1) }
        guard leftOut == 0 || leftOut >= rules.minGroup else { return [:] }
        var result: [EvaluatorCategory: CategoryBreakdown] = [:]
        for category in shown {
            result[category] = CategoryBreakdown(
                n: figures.n(in: category), scores: composed { figures[category, $0].trimmedMean })
        }
        return result
    }

    /// Builds `Scores` from a per-supervision score source; unscored unless all three exist
    /// (they always come together, since every ballot entry carries all three).
    private func composed(_ score: (Supervision) -> Double?) -> Scores {
        guard let village = score(.villageTime), let attitude = score(.attitude),
            let completion = score(.completion)
        else { return .unscored }
        let weights = rules.weights
        let composite =
            (weights.villageTime * village + weights.attitude * attitude + weights.completion * completion)
            / weights.total
        return Scores(villageTime: village, attitude: attitude, completion: completion, composite: composite)
    }
}
