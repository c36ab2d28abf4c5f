import Domain

/// A round's frozen subjects read from `round_subjects`, as SQLite's `FrozenSubjects.load`.
enum PGFrozenSubjects {
    static func load(roundID: Int64, _ connection: PGConnection) throws -> FrozenSubjects {
        var cadres: [CadreSubject] = []
        var departments: [DepartmentSubject] = []
        var projects: [ProjectSubject] = []
        var boards: [Int: String] = [:]
        try connection.forEachRow(
            """
            SELECT kind, subject_id, name, department_id, department, board FROM round_subjects
            WHERE round_id = $1 ORDER BY kind, subject_id
            """,
            [roundID]
        ) { row in
            let id = row.int(1)
            switch row.string(0) {
            case "cadre":
                cadres.append(
                    CadreSubject(
                        id: id, name: row.string(2), departmentID: row.optionalInt(3) ?? 0,
                        departmentName: row.optionalString(4) ?? ""))
            case "department":
                departments.append(DepartmentSubject(id: id, name: row.string(2)))
            default:
                projects.append(ProjectSubject(id: id, title: row.string(2)))
                boards[id] = row.optionalString(5) ?? ""
            }
        }
        return FrozenSubjects(cadres: cadres, departments: departments, projects: projects, projectBoards: boards)
    }
}

/// Copies a round's subjects into `round_subjects` when it opens: the listed ids, or by default
/// every active cadre and department and every project of the period's year that is not
/// cancelled (SQLite's `SubjectFreezer`).
enum PGSubjectFreezer {
    static func freeze(_ round: Round, _ connection: PGConnection) throws {
        let year = Int64(Period(round.period)?.year ?? 0)
        try connection.run(
            """
            INSERT INTO round_subjects (round_id, kind, subject_id, name, department_id, department)
            SELECT $1, 'cadre', c.id, c.name, c.department_id, d.name FROM cadres c JOIN departments d ON d.id = c.department_id
            WHERE c.township_id = $2 AND (CASE WHEN $3::text IS NULL THEN c.status = 'active'
                                          ELSE c.id IN \(PGRoundRepository.idsIn("$3")) END)
            """,
            [round.id, round.townshipID, round.cadreIDs.map(PGRoundRepository.idList)])
        try connection.run(
            """
            INSERT INTO round_subjects (round_id, kind, subject_id, name)
            SELECT $1, 'department', id, name FROM departments
            WHERE township_id = $2 AND (CASE WHEN $3::text IS NULL THEN active = 1
                                        ELSE id IN \(PGRoundRepository.idsIn("$3")) END)
            """,
            [round.id, round.townshipID, round.departmentIDs.map(PGRoundRepository.idList)])
        try connection.run(
            """
            INSERT INTO round_subjects (round_id, kind, subject_id, name, board)
            SELECT $1, 'project', id, title, board FROM projects
            WHERE township_id = $2 AND (CASE WHEN $3::text IS NULL THEN year = $4 AND state = 'active'
                                        ELSE id IN \(PGRoundRepository.idsIn("$3")) END)
            """,
            [round.id, round.townshipID, round.projectIDs.map(PGRoundRepository.idList), year])
    }
}
