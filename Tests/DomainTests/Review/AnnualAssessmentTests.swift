import Domain
import Testing

/// The year-end assessment's rules (contract §11): the quota walk, proposals, eligibility,
/// overrides and consequences.
struct AnnualAssessmentTests {
    /// Cadre `id` with only a supervision part (so the score is that number), and its facts.
    static func input(
        _ id: Int64, _ score: Double?, suspensions: Int = 0, sanctioned: Bool = false, noGood: Bool = false,
        streak: Bool = false
    ) -> AssessmentInput {
        var input = AssessmentInput(cadre: ReviewCadre(id: id, name: "干部\(id)", department: nil), supervision: score)
        input.suspensionRounds = suspensions
        input.sanctioned = sanctioned
        input.noQuarterlyGood = noGood
        input.bottomStreak = streak
        return input
    }

    static func rules(quota: Double) -> AssessmentRules {
        var rules = AssessmentRules()
        rules.excellentQuota = quota
        return rules
    }

    /// (why, scores in id order 1…, ineligible ids, quota, the ids proposed 优秀)
    static let walks: [(String, [Double], Set<Int64>, Double, [Int64])] = [
        ("the top two of ten at 20 %", [95, 94, 93, 92, 91, 90, 89, 88, 87, 86], [], 0.2, [1, 2]),
        ("a tie that fits is taken whole", [95, 95, 93, 92, 91, 90, 89, 88, 87, 86], [], 0.2, [1, 2]),
        (
            "a tie that would overflow gets none and the walk stops", [95, 90, 90, 85, 84, 83, 82, 81, 80, 79], [], 0.2,
            [1]
        ),
        ("ineligible cadres are passed over", [99, 95, 90, 85, 84, 83, 82, 81, 80, 79], [1], 0.2, [2, 3]),
        ("only a tie's eligible members count", [95, 90, 90, 85, 84, 83, 82, 81, 80, 79], [3], 0.2, [1, 2]),
        ("floor of quota × scored", [95, 94, 93, 92], [], 0.3, [1]),
        ("no places", [95, 94], [], 0.2, []),
        ("everyone at 100 %", [95, 94, 93], [], 1, [1, 2, 3]),
    ]

    @Test(arguments: walks)
    func theQuotaWalk(why: String, scores: [Double], ineligible: Set<Int64>, quota: Double, excellent: [Int64]) {
        let inputs = scores.enumerated().map {
            Self.input(Int64($0.offset + 1), $0.element, sanctioned: ineligible.contains(Int64($0.offset + 1)))
        }
        let rows = AnnualAssessment.rows(inputs, rules: Self.rules(quota: quota))
        #expect(rows.filter { $0.proposed == .excellent }.map(\.input.cadre.id).sorted() == excellent, "\(why)")
    }

    /// (why, input, proposed grade outside 优秀)
    static let proposals: [(String, AssessmentInput, AnnualGrade?)] = [
        ("two suspensions", input(1, 85, suspensions: 2), .incompetent),
        ("below 60", input(1, 59.99), .incompetent),
        ("below 70", input(1, 69.99), .basicallyCompetent),
        ("one suspension", input(1, 85, suspensions: 1), .basicallyCompetent),
        ("a bottom streak", input(1, 85, streak: true), .basicallyCompetent),
        ("70 and nothing else", input(1, 70), .competent),
        ("unscored", input(1, nil), nil),
    ]

    @Test(arguments: proposals)
    func proposalsBelowExcellent(why: String, input: AssessmentInput, grade: AnnualGrade?) {
        let rows = AnnualAssessment.rows([input], rules: Self.rules(quota: 0))
        #expect(rows[0].proposed == grade, "\(why)")
    }

    @Test func eligibilityNeedsNoSuspensionNoSanctionAndAQuarterlyGood() {
        let rows = AnnualAssessment.rows(
            [
                Self.input(1, 90), Self.input(2, 90, suspensions: 1), Self.input(3, 90, sanctioned: true),
                Self.input(4, 90, noGood: true),
            ], rules: Self.rules(quota: 1))
        #expect(rows.map(\.eligible) == [true, false, false, false])
        #expect(rows.map(\.rank) == [1, 1, 1, 1])
    }

    @Test func overridesMayNotMakeAnIneligibleCadreOrOneTooManyExcellent() {
        let rules = Self.rules(quota: 0.5)
        var rows = AnnualAssessment.rows(
            [Self.input(1, 95), Self.input(2, 90), Self.input(3, 85), Self.input(4, 80, sanctioned: true)],
            rules: rules)
        #expect(rows.filter { $0.grade == .excellent }.count == 2)
        #expect(AnnualAssessment.overrideRefusal(rows, cadreID: 4, grade: .excellent, rules: rules) != nil)
        #expect(AnnualAssessment.overrideRefusal(rows, cadreID: 3, grade: .excellent, rules: rules) != nil)
        #expect(AnnualAssessment.overrideRefusal(rows, cadreID: 1, grade: .competent, rules: rules) == nil)
        // Lowering someone frees a place.
        rows[0].override = (.competent, "全年有两次迟到")
        #expect(AnnualAssessment.overrideRefusal(rows, cadreID: 3, grade: .excellent, rules: rules) == nil)
        #expect(rows[0].proposed == .excellent && rows[0].grade == .competent)
    }

    @Test(arguments: [
        (AnnualGrade.excellent, [2025: AnnualGrade.excellent, 2024: .excellent], ["merit_candidate"]),
        (.excellent, [2025: .excellent, 2023: .excellent], []),
        (.excellent, [2025: .excellent], []),
        (.basicallyCompetent, [:], ["admonition"]),
        (.incompetent, [2025: .incompetent], ["dismissal_review"]),
        (.incompetent, [2024: .incompetent], []),
        (.competent, [2025: .incompetent], []),
    ])
    func consequencesReadTheEarlierYears(grade: AnnualGrade, earlier: [Int: AnnualGrade], expected: [String]) {
        #expect(AnnualAssessment.consequences(grade: grade, year: 2026, earlier: earlier) == expected)
    }

    @Test func rulesAreCheckedAndNamed() {
        var reader = JSONObjectReader([
            "weights": ["supervision": 0, "quarterly": 0, "tasks": 0], "excellent_quota": 1.5,
        ])
        _ = AssessmentRules.read(&reader)
        #expect(reader.errors.map(\.field) == ["weights", "excellent_quota"])
        var negative = JSONObjectReader(["weights": ["tasks": -1, "extra": 1]])
        _ = AssessmentRules.read(&negative)
        #expect(negative.errors.map(\.field) == ["weights.tasks", "weights.extra"])
    }
}
