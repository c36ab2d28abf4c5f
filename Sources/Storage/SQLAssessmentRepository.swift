import Domain
import Primitives
import Store

/// Year-end assessments, overrides and objections (contract §11), on either backend.
struct SQLAssessmentRepository: AssessmentRepository {
    let session: any SQLSession
    let clock: any TimeSource

    private static let columns =
        "id, township_id, year, rules, state, notice_ends, notice_cut_short, commentary, created_at, finalized_at, inputs"

    func create(townshipID: Int64, year: Int, rules: AssessmentRules) throws -> Assessment {
        let id: Int64?
        do {
            id = try session.guarded {
                try session.queryOne(
                    "INSERT INTO assessments (township_id, year, rules, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                    [townshipID, year, JSONWriter.encodeString(.object(rules.json)), clock.timestamp()]
                ) { $0.int64(0) }
            }
        } catch StoreError.constraint(.unique, _) {
            throw RegistryError.conflict(row: nil, field: "year", value: String(year))
        }
        return try get(townshipID: townshipID, id: id ?? 0)!
    }

    func get(townshipID: Int64, id: Int64) throws -> Assessment? {
        guard
            var assessment = try session.queryOne(
                "SELECT \(Self.columns) FROM assessments WHERE township_id = ? AND id = ?", [townshipID, id],
                Self.assessment)
        else { return nil }
        _ = try session.query(
            "SELECT cadre_id, grade, reason FROM assessment_overrides WHERE assessment_id = ?", [id]
        ) { row in
            if let grade = AnnualGrade(rawValue: row.string(1)) {
                assessment.overrides[row.int64(0)] = (grade, row.string(2))
            }
        }
        return assessment
    }

    func list(townshipID: Int64) throws -> [Assessment] {
        try session.query(
            "SELECT \(Self.columns) FROM assessments WHERE township_id = ? ORDER BY year", [townshipID], Self.assessment
        )
    }

    func setOverride(assessmentID: Int64, cadreID: Int64, grade: AnnualGrade, reason: String) throws {
        try session.run(
            """
            INSERT INTO assessment_overrides (assessment_id, cadre_id, grade, reason, at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (assessment_id, cadre_id) DO UPDATE SET grade = excluded.grade, reason = excluded.reason,
                at = excluded.at
            """, [assessmentID, cadreID, grade.rawValue, reason, clock.timestamp()])
    }

    func startNotice(townshipID: Int64, id: Int64, ends: CalendarDay, inputs: [AssessmentInput]) throws -> Bool {
        try session.run(
            """
            UPDATE assessments SET state = 'notice', notice_ends = ?, inputs = ?
            WHERE township_id = ? AND id = ? AND state = 'draft'
            """,
            [
                ends.text, JSONWriter.encodeString(.array(inputs.map { .object($0.json) })), townshipID, id,
            ]) == 1
    }

    func finalize(townshipID: Int64, id: Int64, commentary: String, noticeCutShort: String?) throws -> Bool {
        try session.run(
            """
            UPDATE assessments SET state = 'final', commentary = ?, notice_cut_short = ?, finalized_at = ?
            WHERE township_id = ? AND id = ? AND state = 'notice'
            """, [commentary, noticeCutShort, clock.timestamp(), townshipID, id]) == 1
    }

    func addObjection(assessmentID: Int64, cadreID: Int64, text: String) throws -> Int64 {
        try session.queryOne(
            "INSERT INTO objections (assessment_id, cadre_id, text, received_on) VALUES (?, ?, ?, ?) RETURNING id",
            [assessmentID, cadreID, text, clock.today()]
        ) { $0.int64(0) } ?? 0
    }

    func objections(assessmentID: Int64) throws -> [Objection] {
        try session.query(
            """
            SELECT id, cadre_id, text, received_on, response, responded_at FROM objections
            WHERE assessment_id = ? ORDER BY id
            """, [assessmentID]
        ) { row in
            Objection(
                id: row.int64(0), cadreID: row.int64(1), text: row.string(2), receivedOn: row.string(3),
                response: row.optionalString(4), respondedAt: row.optionalString(5))
        }
    }

    func answer(assessmentID: Int64, objectionID: Int64, response: String) throws -> Bool {
        try session.run(
            "UPDATE objections SET response = ?, responded_at = ? WHERE assessment_id = ? AND id = ?",
            [response, clock.timestamp(), assessmentID, objectionID]) == 1
    }

    private static func assessment(_ row: any SQLRow) -> Assessment {
        let rules = (try? JSONParser.parse(row.string(3)))?.objectValue.map(AssessmentRules.init(json:))
        let inputs = row.optionalString(10).flatMap { try? JSONParser.parse($0) }?.arrayValue?.compactMap {
            $0.objectValue.flatMap(AssessmentInput.init(json:))
        }
        return Assessment(
            id: row.int64(0), townshipID: row.int64(1), year: row.int(2), rules: rules ?? AssessmentRules(),
            state: Assessment.State(rawValue: row.string(4)) ?? .draft,
            noticeEnds: row.optionalString(5).flatMap(CalendarDay.init), noticeCutShort: row.optionalString(6),
            commentary: row.optionalString(7), createdAt: row.string(8), finalizedAt: row.optionalString(9),
            frozenInputs: inputs, overrides: [:])
    }
}
