import Domain
import Store

/// Reads what the year-end assessment needs (contract §11) and runs its steps that write more
/// than the assessment: finalizing into the archive.
enum AssessmentWorkflow {
    /// The rows: computed live in draft, from the inputs frozen at the notice afterwards; the
    /// committee's overrides beside the proposals.
    static func rows(_ assessment: Assessment, _ transaction: any StoreTransaction) throws -> [AssessmentRow] {
        var rows = AnnualAssessment.rows(
            try assessment.frozenInputs ?? inputs(assessment, transaction), rules: assessment.rules)
        for index in rows.indices {
            rows[index].override = assessment.overrides[rows[index].input.cadre.id]
        }
        return rows
    }

    /// Every cadre not `left`, with its parts and the facts eligibility reads.
    static func inputs(_ assessment: Assessment, _ transaction: any StoreTransaction) throws -> [AssessmentInput] {
        let township = assessment.townshipID
        let year = assessment.year
        var supervision: [Int64: [Double]] = [:]
        for round in try transaction.rounds.published(townshipID: township)
        where round.kind == .semiannual && Period(round.period)?.year == year {
            for cadre in try ResultsDocument.inputs(round, transaction).results.cadres {
                if let composite = cadre.scores.composite {
                    supervision[Int64(cadre.cadreID), default: []].append(composite)
                }
            }
        }
        let reviews = try transaction.reviews.quarterlies(townshipID: township, finalOnly: true).filter {
            $0.period.year == year
        }
        var quarterly: [Int64: [Double]] = [:]
        var good: Set<Int64> = []
        var streak: Set<Int64> = []
        for review in reviews {
            for row in review.frozenCadres ?? [] {
                guard let id = row["cadre_id"]?.intValue else { continue }
                if let score = row["score"]?.doubleValue { quarterly[id, default: []].append(score) }
                if row["grade"] == .string(QuarterlyGrade.good.rawValue) { good.insert(id) }
                if row["flags"]?.arrayValue?.contains(.string(QuarterlyRanking.bottomStreakFlag)) == true {
                    streak.insert(id)
                }
            }
        }
        let projects = try transaction.projects.boardProjects(townshipID: township, year: year)
        let yearEnd = CalendarDay(year: year, month: 12, day: 31)!
        let points = QuarterlyReviewRules().points
        let mean = { (values: [Double]?) -> Double? in
            guard let values, !values.isEmpty else { return nil }
            return values.reduce(0, +) / Double(values.count)
        }
        let inputs = try transaction.reviews.roster(townshipID: township).map { cadre in
            var input = AssessmentInput(
                cadre: cadre, supervision: mean(supervision[cadre.id]), quarterly: mean(quarterly[cadre.id]),
                tasks: QuarterlyRanking.tasks(of: cadre.id, projects: projects, on: yearEnd, points: points))
            input.noQuarterlyGood = !reviews.isEmpty && !good.contains(cadre.id)
            input.bottomStreak = streak.contains(cadre.id)
            var suspended: Set<Int64> = []
            for record in try transaction.archive.records(cadreID: cadre.id) {
                switch record.archiveKind {
                case .suspension?:
                    if Period(record.period ?? "")?.year == year { suspended.insert(record.roundID ?? -record.seq) }
                case .sanction?:
                    if chinaYear(record.createdAt) == year { input.sanctioned = true }
                default: break
                }
            }
            input.suspensionRounds = suspended.count
            return input
        }
        return inputs
    }

    /// The year of an RFC 3339 UTC timestamp in China Standard Time (UTC+8).
    static func chinaYear(_ timestamp: String) -> Int? {
        guard let day = CalendarDay(String(timestamp.prefix(10))) else { return nil }
        let hour = Int(timestamp.dropFirst(11).prefix(2)) ?? 0
        return (hour >= 16 ? day.adding(days: 1) : day).components.year
    }

    /// Each graded cadre's earlier final grades by year, from its `annual_assessment` records.
    static func earlierGrades(cadreID: Int64, _ transaction: any StoreTransaction) throws -> [Int: AnnualGrade] {
        var grades: [Int: AnnualGrade] = [:]
        for record in try transaction.archive.records(cadreID: cadreID) where record.archiveKind == .annualAssessment {
            if let year = Int(record.period ?? ""),
                let grade = record.data.objectValue?["grade"]?.stringValue.flatMap(AnnualGrade.init(rawValue:))
            {
                grades[year] = grade
            }
        }
        return grades
    }

    /// Notice → final: every cadre graded (409 naming those without), the reason for cutting the
    /// notice short before it ends (422 without), and an `annual_assessment` record per graded
    /// cadre with its consequences read from its earlier years.
    static func finalize(
        _ assessment: Assessment, commentary: String, noticeCutShort: String?, today: CalendarDay,
        _ transaction: any StoreTransaction
    ) throws {
        guard assessment.state == .notice, let ends = assessment.noticeEnds else {
            throw APIError.conflict("Only an assessment in its public notice can be finalized.")
        }
        let rows = try rows(assessment, transaction)
        let ungraded = rows.filter { $0.grade == nil }
        guard ungraded.isEmpty else {
            throw APIError.conflict(
                "Every cadre needs a grade first.",
                errors: ungraded.map {
                    FieldError(field: "grades.\($0.input.cadre.id)", message: "\($0.input.cadre.name) has no grade")
                })
        }
        if today < ends, noticeCutShort == nil {
            throw APIError.invalid([
                FieldError(field: "notice_cut_short", message: "is required before the notice ends on \(ends)")
            ])
        }
        _ = try transaction.assessments.finalize(
            townshipID: assessment.townshipID, id: assessment.id, commentary: commentary,
            noticeCutShort: today < ends ? noticeCutShort : nil)
        for row in rows {
            guard let grade = row.grade else { continue }
            let earlier = try earlierGrades(cadreID: row.input.cadre.id, transaction)
            let data: JSONObject = [
                "grade": .string(grade.rawValue), "proposed": row.proposed.map { .string($0.rawValue) } ?? .null,
                "reason": row.override.map { .string($0.reason) } ?? .null, "score": Scores.archived(row.score),
                "parts": [
                    "supervision": Scores.archived(row.input.supervision),
                    "quarterly": Scores.archived(row.input.quarterly), "tasks": Scores.archived(row.input.tasks),
                ],
                "rank": row.rank.map { .int(Int64($0)) } ?? .null,
                "consequences": .array(
                    AnnualAssessment.consequences(grade: grade, year: assessment.year, earlier: earlier).map(
                        JSONValue.string)),
            ]
            _ = try transaction.archive.append(
                cadreID: row.input.cadre.id, kind: .annualAssessment, roundID: nil, period: String(assessment.year),
                data: .object(data))
        }
    }
}
