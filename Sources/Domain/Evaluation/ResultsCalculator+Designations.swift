extension ResultsCalculator {
    /// The designations of §6, per kind. Most satisfied: every subject tied for the highest
    /// `most`, provided it is above 0. Least satisfied: every subject tied for the highest
    /// `least`, provided it is above 0 and at least `least_threshold × ballots`. Ids ascend.
    /// Unscored subjects take part: picks and scores are separate questions on the ballot.
    func designations(
        cadres: [CadreResult], departments: [DepartmentResult], projects: [ProjectResult]
    ) -> Designations {
        let least = meetsLeastThreshold
        return Designations(
            mostSatisfied: DesignatedIDs(
                cadres: Self.leaders(cadres.map { ($0.cadreID, $0.most) }),
                departments: Self.leaders(departments.map { ($0.departmentID, $0.most) }),
                projects: Self.leaders(projects.map { ($0.projectID, $0.most) })),
            leastSatisfied: DesignatedIDs(
                cadres: Self.leaders(cadres.map { ($0.cadreID, $0.least) }, accept: least),
                departments: Self.leaders(departments.map { ($0.departmentID, $0.least) }, accept: least),
                projects: Self.leaders(projects.map { ($0.projectID, $0.least) }, accept: least)))
    }

    /// Whether `least` votes reach `least_threshold × ballots`. The product is a Double that can
    /// land a hair above the integer it stands for (0.07 × 100 = 7.000000000000001), so it is
    /// compared with a relative tolerance far below one vote: "exactly at the threshold" counts.
    func meetsLeastThreshold(_ least: Int) -> Bool {
        let needed = rules.leastThreshold * Double(ballots)
        return Double(least) >= needed * (1 - 1e-12)
    }

    /// Ids tied for the highest count, ascending, if that count is above 0 and `accept`s it.
    static func leaders(_ counts: [(id: Int, count: Int)], accept: (Int) -> Bool = { _ in true }) -> [Int] {
        guard let top = counts.map(\.count).max(), top > 0, accept(top) else { return [] }
        return counts.filter { $0.count == top }.map(\.id).sorted()
    }
}
