import Domain
import Primitives
import Store

/// Year-end assessments, overrides and objections (contract §11) in PostgreSQL.
struct PGAssessmentRepository: AssessmentRepository {
    let connection: PGConnection
    let clock: any TimeSource

    private static let columns =
        "id, township_id, year, rules, state, notice_ends, notice_cut_short, commentary, created_at, finalized_at, inputs"

    func create(townshipID: Int64, year: Int, rules: AssessmentRules) throws -> Assessment {
        let id: Int64?
        do {
            id = try connection.withSavepoint {
                try $0.queryOne(
                    "INSERT INTO assessments (township_id, year, rules, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
                    [townshipID, year, JSONWriter.encodeString(.object(rules.json)), clock.timestamp()]
                ) { $0.int64(0) }
            }
        } catch let error as PGError where error.kind == .constraint(.unique) {
            throw RegistryError.conflict(row: nil, field: "year", value: String(year))
        }
        return try get(townshipID: townshipID, id: id ?? 0)!
    }

    func get(townshipID: Int64, id: Int64) throws -> Assessment? {
        guard
            var assessment = try connection.queryOne(
                "SELECT \(Self.columns) FROM assessments WHERE township_id = $1 AND id = $2", [townshipID, id],
                Self.assessment)
        else { return nil }
        _ = try connection.query(
            "SELECT cadre_id, grade, reason FROM assessment_overrides WHERE assessment_id = $1", [id]
        ) { row in
            if let grade = AnnualGrade(rawValue: row.string(1)) {
                assessment.overrides[row.int64(0)] = (grade, row.string(2))
            }
        }
        return assessment
    }

    func list(townshipID: Int64) throws -> [Assessment] {
        try connection.query(
            "SELECT \(Self.columns) FROM assessments WHERE township_id = $1 ORDER BY year", [townshipID],
            Self.assessment
        )
    }

    func setOverride(assessmentID: Int64, cadreID: Int64, grade: AnnualGrade, reason: String) throws {
        try connection.run(
            """
            INSERT INTO assessment_overrides (assessment_id, cadre_id, grade, reason, at)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (assessment_id, cadre_id) DO UPDATE SET grade = excluded.grade, reason = excluded.reason,
                at = excluded.at
            """, [assessmentID, cadreID, grade.rawValue, reason, clock.timestamp()])
    }

    func startNotice(townshipID: Int64, id: Int64, ends: CalendarDay, inputs: [AssessmentInput]) throws -> Bool {
        try connection.run(
            """
            UPDATE assessments SET state = 'notice', notice_ends = $1, inputs = $2
            WHERE township_id = $3 AND id = $4 AND state = 'draft'
            """,
            [
                ends.text, JSONWriter.encodeString(.array(inputs.map { .object($0.json) })), townshipID, id,
            ]) == 1
    }

    func finalize(townshipID: Int64, id: Int64, commentary: String, noticeCutShort: String?) throws -> Bool {
        try connection.run(
            """
            UPDATE assessments SET state = 'final', commentary = $1, notice_cut_short = $2, finalized_at = $3
            WHERE township_id = $4 AND id = $5 AND state = 'notice'
            """, [commentary, noticeCutShort, clock.timestamp(), townshipID, id]) == 1
    }

    func addObjection(assessmentID: Int64, cadreID: Int64, text: String) throws -> Int64 {
        try connection.queryOne(
            "INSERT INTO objections (assessment_id, cadre_id, text, received_on) VALUES ($1, $2, $3, $4) RETURNING id",
            [assessmentID, cadreID, text, clock.today()]
        ) { $0.int64(0) } ?? 0
    }

    func objections(assessmentID: Int64) throws -> [Objection] {
        try connection.query(
            """
            SELECT id, cadre_id, text, received_on, response, responded_at FROM objections
            WHERE assessment_id = $1 ORDER BY id
            """, [assessmentID]
        ) { row in
            Objection(
                id: row.int64(0), cadreID: row.int64(1), text: row.string(2), receivedOn: row.string(3),
                response: row.optionalString(4), respondedAt: row.optionalString(5))
        }
    }

    func answer(assessmentID: Int64, objectionID: Int64, response: String) throws -> Bool {
        try connection.run(
            "UPDATE objections SET response = $1, responded_at = $2 WHERE assessment_id = $3 AND id = $4",
            [response, clock.timestamp(), assessmentID, objectionID]) == 1
    }

    private static func assessment(_ row: PGRow) -> Assessment {
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
