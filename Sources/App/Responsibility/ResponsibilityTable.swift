import Domain

/// The table of `responsibility.csv` and `responsibility.xlsx` (contract §9): the board's rows
/// as a township prints them, in the board's order, with Chinese board names, lights and
/// assessments.
enum ResponsibilityTable {
    static let header = [
        "榜", "实事", "责任部门", "责任人", "分管领导", "村", "开始", "期限", "原期限", "延期次数", "进度", "计划进度", "状态", "最近督查",
    ]

    static func table(_ board: ResponsibilityBoard) -> ExportTable {
        let rows = ProjectBoard.allCases.flatMap { kind in
            board.rows.filter { $0.project.board == kind }.map(row)
        }
        return ExportTable(sheetName: "责任榜", header: header, rows: rows)
    }

    static func row(_ row: ResponsibilityBoard.Row) -> [TableCell] {
        let project = row.project
        let text = TableCell.optional
        let lastCheck = row.lastCheck.map { check in
            "\(check.month) \(check.assessment.chinese)" + (check.note.map { "：\($0)" } ?? "")
        }
        return [
            .text(project.board.chinese), .text(project.title), text(project.department), text(project.cadre),
            text(project.supervisor), text(project.village), text(project.start?.text), text(project.due?.text),
            text(project.originalDue?.text), .integer(Int64(project.dueChanges)),
            .number(row.lastCheck?.progress), .number(row.planned),
            text(row.light?.chinese), text(lastCheck),
        ]
    }
}

extension ProjectBoard {
    /// The board's name as the township posts it.
    var chinese: String {
        switch self {
        case .service: "为民办实事"
        case .relief: "为民排忧解难"
        case .prosperity: "为民脱贫致富"
        }
    }
}
