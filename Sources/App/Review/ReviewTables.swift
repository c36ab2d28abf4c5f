import Domain

/// The table of a quarterly review's `ranking.csv` and `ranking.xlsx` (contract §10): every
/// cadre of the review in its order, ranked ones first, with the parts, score, grade and the
/// bottom-streak flag (→ 诫勉谈话).
enum QuarterlyReviewTable {
    static let header = ["排名", "姓名", "部门", "任务得分", "测评得分", "综合得分", "等次", "提示"]

    /// The rows as the review document lists them (`QuarterlyReviewWorkflow.rows`).
    static func table(_ rows: [JSONObject]) -> ExportTable {
        let cells: [[TableCell]] = rows.map { row in
            func score(_ key: String) -> TableCell { .score(row[key]?.doubleValue) }
            let flags = row["flags"]?.arrayValue?.compactMap(\.stringValue) ?? []
            return [
                row["rank"]?.intValue.map { .integer($0) } ?? .empty, .text(row["name"]?.stringValue ?? ""),
                .optional(row["department"]?.stringValue), score("tasks"), score("votes"), score("score"),
                .optional(row["grade"]?.stringValue),
                flags.contains(QuarterlyRanking.bottomStreakFlag) ? .text("连续末位") : .empty,
            ]
        }
        return ExportTable(sheetName: "季评排队", header: header, rows: cells)
    }
}

/// The table of a year-end assessment's `grades.csv` and `grades.xlsx` (contract §11): every
/// cadre in rank order with the three parts, score, eligibility for 优秀, the proposal, the
/// grade and the committee's reason when it overrode the proposal.
enum AssessmentTable {
    static let header = [
        "排名", "姓名", "部门", "督评得分", "季评得分", "任务得分", "综合得分", "可评优秀", "拟定等次", "等次", "调整理由",
    ]

    static func table(_ rows: [AssessmentRow]) -> ExportTable {
        let cells: [[TableCell]] = rows.map { row in
            let input = row.input
            return [
                .number(row.rank), .text(input.cadre.name), .optional(input.cadre.department),
                .score(input.supervision), .score(input.quarterly), .score(input.tasks), .score(row.score),
                .text(row.eligible ? "是" : "否"), .optional(row.proposed?.rawValue), .optional(row.grade?.rawValue),
                .optional(row.override?.reason),
            ]
        }
        return ExportTable(sheetName: "年度考核", header: header, rows: cells)
    }
}
