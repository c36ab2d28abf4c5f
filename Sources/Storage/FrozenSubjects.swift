import Domain
import Primitives

extension FrozenSubjects {
    static func load(roundID: Int64, _ connection: Connection) throws -> FrozenSubjects {
        try load(roundID: roundID, SQLiteSession(connection: connection))
    }

    /// The round's frozen subjects read from `round_subjects`, on either backend.
    package static func load(roundID: Int64, _ session: any SQLSession) throws -> FrozenSubjects {
        var cadres: [CadreSubject] = []
        var departments: [DepartmentSubject] = []
        var projects: [ProjectSubject] = []
        var boards: [Int: String] = [:]
        try session.forEachRow(
            """
            SELECT kind, subject_id, name, department_id, department, board FROM round_subjects
            WHERE round_id = ? ORDER BY kind, subject_id
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
/// cancelled. On either backend.
enum SubjectFreezer {
    static func freeze(_ round: Round, _ session: any SQLSession) throws {
        let idsIn = session.dialect.idsInJSONArray
        let idList = SQLRoundRepository.idList
        let year = Int64(Period(round.period)?.year ?? 0)
        try session.run(
            """
            INSERT INTO round_subjects (round_id, kind, subject_id, name, department_id, department)
            SELECT ?, 'cadre', c.id, c.name, c.department_id, d.name FROM cadres c JOIN departments d ON d.id = c.department_id
            WHERE c.township_id = ? AND (CASE WHEN CAST(? AS TEXT) IS NULL THEN c.status = 'active'
                                         ELSE c.id IN \(idsIn) END)
            """,
            [round.id, round.townshipID, round.cadreIDs.map(idList), round.cadreIDs.map(idList)])
        try session.run(
            """
            INSERT INTO round_subjects (round_id, kind, subject_id, name)
            SELECT ?, 'department', id, name FROM departments
            WHERE township_id = ? AND (CASE WHEN CAST(? AS TEXT) IS NULL THEN active = 1 ELSE id IN \(idsIn) END)
            """,
            [round.id, round.townshipID, round.departmentIDs.map(idList), round.departmentIDs.map(idList)])
        try session.run(
            """
            INSERT INTO round_subjects (round_id, kind, subject_id, name, board)
            SELECT ?, 'project', id, title, board FROM projects
            WHERE township_id = ? AND (CASE WHEN CAST(? AS TEXT) IS NULL THEN year = ? AND state = 'active'
                                         ELSE id IN \(idsIn) END)
            """,
            [round.id, round.townshipID, round.projectIDs.map(idList), year, round.projectIDs.map(idList)])
    }
}

/// Frozen subject lists by round id, filled as rounds are first used.
final class FrozenSubjectsCache: @unchecked Sendable {
    // Safe: `entries` is only touched while holding `lock`.
    private let lock = Lock()
    private var entries: [Int64: FrozenSubjects] = [:]

    func get(_ roundID: Int64) -> FrozenSubjects? { lock.withLock { entries[roundID] } }
    func set(_ roundID: Int64, _ subjects: FrozenSubjects) { lock.withLock { entries[roundID] = subjects } }
}
