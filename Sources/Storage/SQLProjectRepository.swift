import Domain
import Primitives
import Store

/// Monthly checks, project timelines and the boards' reads (contract §9), on either backend.
struct SQLProjectRepository: ProjectRepository {
    let session: any SQLSession
    let clock: any TimeSource

    func appendEvent(projectID: Int64, event: ProjectEvent, data: JSONObject) throws {
        try append(projectID: projectID, event: event, data: data, at: clock.timestamp())
    }

    private func append(projectID: Int64, event: ProjectEvent, data: JSONObject, at: String) throws {
        try session.run(
            """
            INSERT INTO project_events (project_id, seq, at, event, data)
            VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM project_events WHERE project_id = ?), ?, ?, ?)
            """, [projectID, projectID, at, event.rawValue, JSONWriter.encodeString(.object(data))])
    }

    func timeline(projectID: Int64) throws -> [TimelineEntry] {
        try session.query(
            "SELECT at, event, data FROM project_events WHERE project_id = ? ORDER BY seq", [projectID]
        ) { row in
            TimelineEntry(
                at: row.string(0), event: ProjectEvent(rawValue: row.string(1)) ?? .created,
                data: (try? JSONParser.parse(row.string(2)))?.objectValue ?? JSONObject())
        }
    }

    func putCheck(projectID: Int64, check: MonthlyCheck, byCadreID: Int64?) throws -> (
        created: Bool, stored: StoredCheck
    ) {
        let now = clock.timestamp()
        let existed =
            try session.queryOne(
                "SELECT 1 FROM project_checks WHERE project_id = ? AND month = ?", [projectID, check.month.text]
            ) { _ in true } ?? false
        try session.run(
            """
            INSERT INTO project_checks (project_id, month, progress, assessment, note, written_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (project_id, month) DO UPDATE SET progress = excluded.progress,
                assessment = excluded.assessment, note = excluded.note, written_at = excluded.written_at
            """,
            [projectID, check.month.text, check.progress, check.assessment.rawValue, check.note, now])
        var data = check.json
        data["by_cadre_id"] = byCadreID.map(JSONValue.int) ?? .null
        try append(projectID: projectID, event: .check, data: data, at: now)
        return (!existed, StoredCheck(check: check, writtenAt: now))
    }

    func checks(projectID: Int64) throws -> [StoredCheck] {
        try session.query(
            """
            SELECT month, progress, assessment, note, written_at FROM project_checks
            WHERE project_id = ? ORDER BY month
            """, [projectID]
        ) { row in StoredCheck(check: Self.check(row, from: 0), writtenAt: row.string(4)) }
    }

    func boardProjects(townshipID: Int64, year: Int) throws -> [BoardProject] {
        var projects = try session.query(
            """
            SELECT p.id, p.title, p.board, p.target, d.name, p.cadre_id, c.name, s.name, p.village,
                   p.start, p.due, p.original_due, p.due_changes, p.state
            FROM projects p
            LEFT JOIN departments d ON d.id = p.department_id
            LEFT JOIN cadres c ON c.id = p.cadre_id
            LEFT JOIN cadres s ON s.id = p.supervisor_id
            WHERE p.township_id = ? AND p.year = ?
            ORDER BY p.id
            """, [townshipID, year]
        ) { row in
            BoardProject(
                id: row.int64(0), title: row.string(1), board: ProjectBoard(rawValue: row.string(2)) ?? .service,
                target: row.optionalString(3), department: row.optionalString(4), cadreID: row.optionalInt64(5),
                cadre: row.optionalString(6), supervisor: row.optionalString(7), village: row.optionalString(8),
                start: row.optionalString(9).flatMap(CalendarDay.init),
                due: row.optionalString(10).flatMap(CalendarDay.init),
                originalDue: row.optionalString(11).flatMap(CalendarDay.init), dueChanges: row.int(12),
                cancelled: row.string(13) == "cancelled")
        }
        var index: [Int64: Int] = [:]
        for (position, project) in projects.enumerated() { index[project.id] = position }
        _ = try session.query(
            """
            SELECT k.project_id, k.month, k.progress, k.assessment, k.note
            FROM project_checks k JOIN projects p ON p.id = k.project_id
            WHERE p.township_id = ? AND p.year = ?
            ORDER BY k.project_id, k.month
            """, [townshipID, year]
        ) { row in
            if let position = index[row.int64(0)] { projects[position].checks.append(Self.check(row, from: 1)) }
        }
        return projects
    }

    func stationedCadres(townshipID: Int64) throws -> [StationedCadre] {
        try session.query(
            """
            SELECT id, name, village FROM cadres
            WHERE township_id = ? AND status = 'active' AND village IS NOT NULL ORDER BY id
            """, [townshipID]
        ) { StationedCadre(id: $0.int64(0), name: $0.string(1), village: $0.string(2)) }
    }

    /// month, progress, assessment, note from column `first` on.
    private static func check(_ row: any SQLRow, from first: Int) -> MonthlyCheck {
        MonthlyCheck(
            month: CalendarMonth(row.string(first)) ?? CalendarMonth(year: 2000, month: 1)!,
            progress: row.int(first + 1),
            assessment: CheckAssessment(rawValue: row.string(first + 2)) ?? .onTrack,
            note: row.optionalString(first + 3))
    }
}
