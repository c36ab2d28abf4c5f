import Domain

/// Departments, cadres, projects and evaluators (contract §3), driven by their `ResourceSpec`s.
public protocol RegistryRepository {
    /// Inserts every row: all or none (the first failure is thrown). The township may hold at
    /// most `limit` rows of the kind (`RegistryError.limitReached`).
    func insert(_ spec: ResourceSpec, townshipID: Int64, rows: [[String: JSONValue]], bulk: Bool, limit: Int) throws
        -> [JSONObject]
    func get(_ spec: ResourceSpec, townshipID: Int64, id: Int64) throws -> JSONObject?
    /// One page of the township's rows in id order after the cursor, filtered by equal values.
    func list(
        _ spec: ResourceSpec, townshipID: Int64, filters: [(String, JSONValue)], after: Int64?, limit: Int
    ) throws -> (items: [JSONObject], next: Int64?)
    /// Applies `changes` to one row; nil when it is not in this township.
    func update(_ spec: ResourceSpec, townshipID: Int64, id: Int64, changes: [String: JSONValue]) throws
        -> JSONObject?
    /// Sets a cadre's status (publication suspends the least-satisfied).
    func setCadreStatus(_ status: CadreStatus, cadreID: Int64, townshipID: Int64) throws
}
