import Domain

/// First-asked requests (contract §12).
public protocol RequestRepository {
    /// Files a request held by its first cadre (in that cadre's department).
    func file(
        townshipID: Int64, summary: String, contact: String?, firstCadreID: Int64, departmentID: Int64?,
        filedOn: CalendarDay, due: CalendarDay, codeDigest: String
    ) throws -> FirstAskedRequest
    func get(townshipID: Int64, id: Int64) throws -> FirstAskedRequest?
    /// The request with this code's digest, in any township.
    func find(codeDigest: String) throws -> FirstAskedRequest?
    /// Writes the request's state after a step and records the step.
    func save(_ request: FirstAskedRequest, event: String, data: JSONObject) throws
    /// The township's requests by id; `involving` keeps those the cadre filed or holds.
    func list(townshipID: Int64, involving cadreID: Int64?) throws -> [FirstAskedRequest]
    /// Every cadre not `left` with its department (id and name), and every department, by id.
    func directory(townshipID: Int64) throws -> (
        cadres: [(id: Int64, name: String, departmentID: Int64)], departments: [(id: Int64, name: String)]
    )
    /// The steps of a request, oldest first.
    func events(requestID: Int64) throws -> [(at: String, event: String, data: JSONObject)]
}
