import Testing

@testable import Domain

/// One rule of §5 as a table row: a submission and the field paths it must be refused on.
struct BallotCase: Sendable, CustomTestStringConvertible {
    let name: String
    let submission: BallotSubmission
    let fields: [String]
    var testDescription: String { name }
}

@Suite struct BallotValidatorTests {
    /// Scale 0–100; cadres 1–3, departments 1, 10, 11 (department 1 shares an id with cadre 1
    /// on purpose), projects 20, 21.
    static let form = BallotForm(
        scale: Scale(min: 0, max: 100), cadreIDs: [1, 2, 3], departmentIDs: [1, 10, 11], projectIDs: [20, 21])

    static func cadre(_ id: Int, _ v: Int? = 80, _ a: Int? = 80, _ c: Int? = 80) -> SupervisionEntry {
        SupervisionEntry(cadreID: id, villageTime: v, attitude: a, completion: c)
    }

    static func department(_ id: Int, _ score: Int? = 70) -> SupervisionEntry {
        SupervisionEntry(departmentID: id, villageTime: score, attitude: score, completion: score)
    }

    static let refused: [BallotCase] = [
        BallotCase(
            name: "entry naming neither id",
            submission: BallotSubmission(supervision: [SupervisionEntry(villageTime: 1, attitude: 1, completion: 1)]),
            fields: ["supervision[0]"]),
        BallotCase(
            name: "entry naming both ids",
            submission: BallotSubmission(supervision: [
                cadre(1), SupervisionEntry(cadreID: 2, departmentID: 10, villageTime: 1, attitude: 1, completion: 1),
            ]),
            fields: ["supervision[1]"]),
        BallotCase(
            name: "missing score", submission: BallotSubmission(supervision: [cadre(1, 80, nil, 80)]),
            fields: ["supervision[0].attitude"]),
        BallotCase(
            name: "score above max", submission: BallotSubmission(supervision: [cadre(1, 80, 80, 101)]),
            fields: ["supervision[0].completion"]),
        BallotCase(
            name: "score below min", submission: BallotSubmission(supervision: [cadre(1, -1, 80, 80)]),
            fields: ["supervision[0].village_time"]),
        BallotCase(
            name: "cadre scored twice",
            submission: BallotSubmission(supervision: [cadre(2), department(10), cadre(2, 1, 1, 1)]),
            fields: ["supervision[2].cadre_id"]),
        BallotCase(
            name: "department scored twice",
            submission: BallotSubmission(supervision: [department(11), department(11)]),
            fields: ["supervision[1].department_id"]),
        BallotCase(
            name: "cadre not on the list", submission: BallotSubmission(supervision: [cadre(4)]),
            fields: ["supervision[0].cadre_id"]),
        BallotCase(
            name: "department not on the list", submission: BallotSubmission(supervision: [department(2)]),
            fields: ["supervision[0].department_id"]),
        BallotCase(
            name: "picked project not on the list", submission: BallotSubmission(mostSatisfied: Picks(projectID: 22)),
            fields: ["most_satisfied.project_id"]),
        BallotCase(
            name: "picked cadre not on the list", submission: BallotSubmission(leastSatisfied: Picks(cadreID: 9)),
            fields: ["least_satisfied.cadre_id"]),
        BallotCase(
            name: "most and least name the same cadre",
            submission: BallotSubmission(mostSatisfied: Picks(cadreID: 3), leastSatisfied: Picks(cadreID: 3)),
            fields: ["least_satisfied.cadre_id"]),
        BallotCase(
            name: "most and least name the same project",
            submission: BallotSubmission(mostSatisfied: Picks(projectID: 21), leastSatisfied: Picks(projectID: 21)),
            fields: ["least_satisfied.project_id"]),
        BallotCase(
            name: "comment of 501 characters",
            submission: BallotSubmission(comment: String(repeating: "希", count: 501)), fields: ["comment"]),
        BallotCase(
            name: "one character of 501 scalars (combining marks count, contract §5)",
            submission: BallotSubmission(comment: "e" + String(repeating: "\u{301}", count: 500)), fields: ["comment"]),
        BallotCase(
            name: "250 family emoji: 250 characters but 1,250 scalars",
            submission: BallotSubmission(comment: String(repeating: "👩‍👩‍👧", count: 250)), fields: ["comment"]),
        BallotCase(
            name: "every error reported, not just the first",
            submission: BallotSubmission(
                supervision: [cadre(1, 101, nil, 50), department(99)], mostSatisfied: Picks(departmentID: 10),
                leastSatisfied: Picks(departmentID: 10), comment: String(repeating: "a", count: 600)),
            fields: [
                "supervision[0].village_time", "supervision[0].attitude", "supervision[1].department_id",
                "least_satisfied.department_id", "comment",
            ]),
    ]

    @Test(arguments: refused)
    func refusesBallotBreakingARule(_ row: BallotCase) {
        switch BallotValidator.validate(row.submission, form: Self.form) {
        case .success: Issue.record("accepted \(row.name)")
        case .failure(let errors): #expect(errors.fields == row.fields)
        }
    }

    static let accepted: [BallotCase] = [
        BallotCase(
            name: "empty ballot (every subject left out, every pick abstained)", submission: BallotSubmission(),
            fields: []),
        BallotCase(
            name: "scores on the scale's edges", submission: BallotSubmission(supervision: [cadre(1, 0, 100, 50)]),
            fields: []),
        BallotCase(
            name: "cadre and department sharing an id",
            submission: BallotSubmission(supervision: [cadre(1), department(1)]), fields: []),
        BallotCase(
            name: "same id picked in different kinds",
            submission: BallotSubmission(mostSatisfied: Picks(cadreID: 1), leastSatisfied: Picks(departmentID: 1)),
            fields: []),
        BallotCase(
            name: "comment of exactly 500 Unicode scalars, whatever their UTF-8 length",
            submission: BallotSubmission(
                comment: String(repeating: "👍", count: 250) + String(repeating: "希", count: 250)), fields: []),
    ]

    @Test(arguments: accepted)
    func acceptsBallotWithinTheRules(_ row: BallotCase) {
        #expect(throws: Never.self) { try BallotValidator.validate(row.submission, form: Self.form).get() }
    }

    @Test func validBallotCarriesTheEntriesAndPicks() throws {
        let submission = BallotSubmission(
            supervision: [Self.cadre(2, 90, 80, 70), Self.department(10, 60)],
            mostSatisfied: Picks(cadreID: 2, projectID: 20), leastSatisfied: nil, comment: "希望多下村")
        let ballot = try BallotValidator.validate(submission, form: Self.form).get()
        #expect(
            ballot.entries == [
                ScoreEntry(subject: .cadre(2), villageTime: 90, attitude: 80, completion: 70),
                ScoreEntry(subject: .department(10), villageTime: 60, attitude: 60, completion: 60),
            ])
        #expect(ballot.mostSatisfied.subjects == [.cadre(2), .project(20)])
        #expect(ballot.leastSatisfied == Picks())
        #expect(ballot.comment == "希望多下村")
    }
}
