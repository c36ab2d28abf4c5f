import Domain
import Primitives
import Store

/// First-asked requests (contract §12), on either backend.
struct SQLRequestRepository: RequestRepository {
    let session: any SQLSession
    let clock: any TimeSource

    private static let columns = """
        id, township_id, summary, contact, first_cadre_id, state, holder_cadre_id, department_id, passed_to_cadre_id,
        filed_on, due, resolved_on, outcome, resolved_by_cadre_id
        """

    func file(
        townshipID: Int64, summary: String, contact: String?, firstCadreID: Int64, departmentID: Int64?,
        filedOn: CalendarDay, due: CalendarDay, codeDigest: String
    ) throws -> FirstAskedRequest {
        let now = clock.timestamp()
        let inserted = try session.queryOne(
            """
            INSERT INTO requests (township_id, code_digest, summary, contact, first_cadre_id, state, holder_cadre_id,
                                  department_id, filed_on, due, created_at)
            VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?) RETURNING id
            """,
            [
                townshipID, codeDigest, summary, contact, firstCadreID, firstCadreID, departmentID, filedOn.text,
                due.text, now,
            ]
        ) { $0.int64(0) }
        let id = inserted ?? 0
        try appendEvent(id, "filed", ["first_cadre_id": .int(firstCadreID), "due": .string(due.text)], at: now)
        return try get(townshipID: townshipID, id: id)!
    }

    func get(townshipID: Int64, id: Int64) throws -> FirstAskedRequest? {
        try session.queryOne(
            "SELECT \(Self.columns) FROM requests WHERE township_id = ? AND id = ?", [townshipID, id], Self.request)
    }

    func find(codeDigest: String) throws -> FirstAskedRequest? {
        try session.queryOne(
            "SELECT \(Self.columns) FROM requests WHERE code_digest = ?", [codeDigest], Self.request)
    }

    func save(_ request: FirstAskedRequest, event: String, data: JSONObject) throws {
        try session.run(
            """
            UPDATE requests SET state = ?, holder_cadre_id = ?, department_id = ?, passed_to_cadre_id = ?,
                   resolved_on = ?, outcome = ?, resolved_by_cadre_id = ?
            WHERE id = ? AND township_id = ?
            """,
            [
                request.state.rawValue, request.holderCadreID, request.departmentID, request.passedToCadreID,
                request.resolvedOn?.text, request.outcome, request.resolvedByCadreID, request.id, request.townshipID,
            ])
        try appendEvent(request.id, event, data, at: clock.timestamp())
    }

    func list(townshipID: Int64, involving cadreID: Int64?) throws -> [FirstAskedRequest] {
        try session.query(
            """
            SELECT \(Self.columns) FROM requests
            WHERE township_id = ?
              AND (CAST(? AS BIGINT) IS NULL OR first_cadre_id = CAST(? AS BIGINT)
                   OR holder_cadre_id = CAST(? AS BIGINT))
            ORDER BY id
            """, [townshipID, cadreID, cadreID, cadreID], Self.request)
    }

    func events(requestID: Int64) throws -> [(at: String, event: String, data: JSONObject)] {
        try session.query(
            "SELECT at, event, data FROM request_events WHERE request_id = ? ORDER BY seq", [requestID]
        ) { row in
            (row.string(0), row.string(1), (try? JSONParser.parse(row.string(2)))?.objectValue ?? JSONObject())
        }
    }

    func directory(townshipID: Int64) throws -> (
        cadres: [(id: Int64, name: String, departmentID: Int64)], departments: [(id: Int64, name: String)]
    ) {
        let cadres = try session.query(
            "SELECT id, name, department_id FROM cadres WHERE township_id = ? AND status != 'left' ORDER BY id",
            [townshipID]
        ) { (id: $0.int64(0), name: $0.string(1), departmentID: $0.int64(2)) }
        let departments = try session.query(
            "SELECT id, name FROM departments WHERE township_id = ? ORDER BY id", [townshipID]
        ) { (id: $0.int64(0), name: $0.string(1)) }
        return (cadres, departments)
    }

    private func appendEvent(_ requestID: Int64, _ event: String, _ data: JSONObject, at: String) throws {
        try session.run(
            """
            INSERT INTO request_events (request_id, seq, at, event, data)
            VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM request_events WHERE request_id = ?), ?, ?, ?)
            """, [requestID, requestID, at, event, JSONWriter.encodeString(.object(data))])
    }

    private static func request(_ row: any SQLRow) -> FirstAskedRequest {
        let day = { (index: Int) in row.optionalString(index).flatMap(CalendarDay.init) }
        return FirstAskedRequest(
            id: row.int64(0), townshipID: row.int64(1), summary: row.string(2), contact: row.optionalString(3),
            firstCadreID: row.int64(4), state: FirstAskedRequest.State(rawValue: row.string(5)) ?? .open,
            holderCadreID: row.optionalInt64(6), departmentID: row.optionalInt64(7),
            passedToCadreID: row.optionalInt64(8),
            filedOn: day(9) ?? CalendarDay(daysSince1970: 0), due: day(10) ?? CalendarDay(daysSince1970: 0),
            resolvedOn: day(11), outcome: row.optionalString(12), resolvedByCadreID: row.optionalInt64(13))
    }
}
