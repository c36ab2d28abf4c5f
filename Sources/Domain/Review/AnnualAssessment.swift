/// The year-end assessment's grades (年底全面考核, contract §11).
public enum AnnualGrade: String, Sendable, CaseIterable {
    case excellent = "优秀"
    case competent = "称职"
    case basicallyCompetent = "基本称职"
    case incompetent = "不称职"
}

/// How the year-end assessment weighs its parts and how many may be 优秀.
public struct AssessmentRules: Sendable, Equatable {
    public var supervisionWeight: Double = 40
    public var quarterlyWeight: Double = 30
    public var tasksWeight: Double = 30
    /// The share of scored cadres that may be 优秀 (0–1).
    public var excellentQuota: Double = 0.2

    public init() {}

    public static func read(_ reader: inout JSONObjectReader) -> AssessmentRules {
        var rules = AssessmentRules()
        if let weights = reader.object("weights", required: false) {
            var inner = JSONObjectReader(weights, path: reader.path(of: "weights"))
            rules.supervisionWeight = inner.double("supervision", required: false) ?? rules.supervisionWeight
            rules.quarterlyWeight = inner.double("quarterly", required: false) ?? rules.quarterlyWeight
            rules.tasksWeight = inner.double("tasks", required: false) ?? rules.tasksWeight
            for (key, value) in [
                ("supervision", rules.supervisionWeight), ("quarterly", rules.quarterlyWeight),
                ("tasks", rules.tasksWeight),
            ] where value < 0 {
                inner.fail(key, "must be at least 0")
            }
            inner.finish(allowed: ["supervision", "quarterly", "tasks"])
            let valid = inner.isValid
            reader.merge(inner)
            if valid, rules.supervisionWeight + rules.quarterlyWeight + rules.tasksWeight <= 0 {
                reader.fail("weights", "must have a positive sum")
            }
        }
        if let quota = reader.double("excellent_quota", required: false) {
            if (0...1).contains(quota) {
                rules.excellentQuota = quota
            } else {
                reader.fail("excellent_quota", "must be from 0 to 1")
            }
        }
        return rules
    }

    public var json: JSONObject {
        [
            "weights": [
                "supervision": .double(supervisionWeight), "quarterly": .double(quarterlyWeight),
                "tasks": .double(tasksWeight),
            ], "excellent_quota": .double(excellentQuota),
        ]
    }

    public init(json: JSONObject) {
        var reader = JSONObjectReader(json)
        self = Self.read(&reader)
    }
}

/// What the assessment knows of one cadre before computing (read by the caller).
public struct AssessmentInput: Sendable, Equatable {
    public var cadre: ReviewCadre
    public var supervision: Double?
    public var quarterly: Double?
    public var tasks: Double?
    /// Distinct rounds of the year in which the cadre was designated least satisfied.
    public var suspensionRounds: Int = 0
    /// A `sanction` record created in the year (UTC+8).
    public var sanctioned = false
    /// The year has finalized quarterly reviews and none graded the cadre 好.
    public var noQuarterlyGood = false
    /// A `bottom_streak` flag in one of the year's finalized quarterly reviews.
    public var bottomStreak = false

    public init(cadre: ReviewCadre, supervision: Double? = nil, quarterly: Double? = nil, tasks: Double? = nil) {
        self.cadre = cadre
        self.supervision = supervision
        self.quarterly = quarterly
        self.tasks = tasks
    }
}

/// One cadre's line in the year-end assessment.
public struct AssessmentRow: Sendable, Equatable {
    public var input: AssessmentInput
    public var score: Double?
    public var rank: Int?
    public var eligible: Bool
    public var proposed: AnnualGrade?
    /// The committee's override and its reason, if any.
    public var override: (grade: AnnualGrade, reason: String)?

    public var grade: AnnualGrade? { override?.grade ?? proposed }

    public static func == (lhs: AssessmentRow, rhs: AssessmentRow) -> Bool {
        lhs.input == rhs.input && lhs.score == rhs.score && lhs.rank == rhs.rank && lhs.eligible == rhs.eligible
            && lhs.proposed == rhs.proposed && lhs.override?.grade == rhs.override?.grade
            && lhs.override?.reason == rhs.override?.reason
    }
}

/// The year-end computation (contract §11): the parts' weighted mean, ranks, eligibility for
/// 优秀, the quota walk and the proposals for the other grades. Pure.
public enum AnnualAssessment {
    /// Rows in rank order (unscored last).
    public static func rows(_ inputs: [AssessmentInput], rules: AssessmentRules) -> [AssessmentRow] {
        var rows = inputs.map { input in
            let score = QuarterlyRanking.weightedMean([
                (input.supervision, rules.supervisionWeight), (input.quarterly, rules.quarterlyWeight),
                (input.tasks, rules.tasksWeight),
            ])
            let eligible = input.suspensionRounds == 0 && !input.sanctioned && !input.noQuarterlyGood
            return AssessmentRow(input: input, score: score, rank: nil, eligible: eligible, proposed: nil)
        }
        rows.sort { a, b in
            switch (a.score, b.score) {
            case let (x?, y?) where x != y: return x > y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.input.cadre.id < b.input.cadre.id
            }
        }
        for index in rows.indices where rows[index].score != nil {
            rows[index].rank =
                index > 0 && rows[index - 1].score == rows[index].score ? rows[index - 1].rank : index + 1
        }
        let places = excellentPlaces(rules: rules, scored: rows.filter { $0.score != nil }.count)
        // The walk: eligible cadres down the ranking, a tied group at a time; a group that would
        // overflow the quota gets none of it and the walk stops.
        var given = 0
        var index = 0
        walk: while index < rows.count, let score = rows[index].score {
            var end = index
            while end < rows.count, rows[end].score == score { end += 1 }
            let group = (index..<end).filter { rows[$0].eligible }
            if given + group.count > places { break walk }
            for member in group { rows[member].proposed = .excellent }
            given += group.count
            index = end
        }
        for index in rows.indices where rows[index].proposed == nil {
            rows[index].proposed = otherGrade(rows[index])
        }
        return rows
    }

    /// How many may be 优秀: floor(quota × scored cadres).
    public static func excellentPlaces(rules: AssessmentRules, scored: Int) -> Int {
        Int((rules.excellentQuota * Double(scored) + 1e-9).rounded(.down))
    }

    /// 不称职, 基本称职 or 称职 for a scored cadre not proposed 优秀; nil when unscored.
    static func otherGrade(_ row: AssessmentRow) -> AnnualGrade? {
        guard let score = row.score else { return nil }
        if row.input.suspensionRounds >= 2 || score < 60 { return .incompetent }
        if score < 70 || row.input.suspensionRounds == 1 || row.input.bottomStreak { return .basicallyCompetent }
        return .competent
    }

    /// Why the committee may not set `grade` for `cadreID`: nil when it may. Making an ineligible
    /// cadre 优秀, or making more cadres 优秀 than the quota allows, is refused.
    public static func overrideRefusal(
        _ rows: [AssessmentRow], cadreID: Int64, grade: AnnualGrade, rules: AssessmentRules
    ) -> String? {
        guard grade == .excellent, let row = rows.first(where: { $0.input.cadre.id == cadreID }) else { return nil }
        if !row.eligible { return "this cadre is not eligible for 优秀" }
        let places = excellentPlaces(rules: rules, scored: rows.filter { $0.score != nil }.count)
        let others = rows.filter { $0.input.cadre.id != cadreID && $0.grade == .excellent }.count
        if others + 1 > places { return "at most \(places) cadres may be 优秀" }
        return nil
    }

    /// The consequences of a final grade given the cadre's earlier final grades by year.
    public static func consequences(grade: AnnualGrade, year: Int, earlier: [Int: AnnualGrade]) -> [String] {
        var out: [String] = []
        if grade == .excellent, earlier[year - 1] == .excellent, earlier[year - 2] == .excellent {
            out.append("merit_candidate")
        }
        if grade == .basicallyCompetent { out.append("admonition") }
        if grade == .incompetent, earlier[year - 1] == .incompetent { out.append("dismissal_review") }
        return out
    }
}
