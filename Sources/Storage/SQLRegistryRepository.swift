import Domain
import Primitives
import Store

/// SQL for the four registries of contract §3, driven by their `ResourceSpec`s. Column and table
/// names come only from the specs, never from requests; values are always bound.
struct SQLRegistryRepository: RegistryRepository {
    let session: any SQLSession
    let clock: any TimeSource

    func insert(_ spec: ResourceSpec, townshipID: Int64, rows: [[String: JSONValue]], bulk: Bool, limit: Int) throws
        -> [JSONObject]
    {
        let now = clock.timestamp()
        let existing =
            try session.queryOne(
                "SELECT count(*) FROM \(spec.name) WHERE township_id = ?", [townshipID]
            ) { $0.int(0) } ?? 0
        guard existing + rows.count <= limit else {
            throw RegistryError.limitReached(kind: spec.name, limit: limit, existing: existing, adding: rows.count)
        }
        var ids: [Int64] = []
        for (index, row) in rows.enumerated() {
            let rowNumber = bulk ? index + 1 : nil
            try checkReferences(spec, row, townshipID: townshipID, rowNumber: rowNumber)
            let names = spec.fields.map(\.name)
            let sql =
                "INSERT INTO \(spec.name) (township_id, created_at, \(names.joined(separator: ", "))) VALUES (?, ?\(String(repeating: ", ?", count: names.count))) RETURNING id"
            let values: [any SQLBindable] =
                [townshipID, now]
                + spec.fields.map { field in Self.sqlValue(row[field.name] ?? field.defaultValue ?? .null) }
            ids.append(try run(sql, values, spec: spec, row: rowNumber, values: row) ?? 0)
        }
        return try ids.map { try fetch(spec, townshipID: townshipID, id: $0)! }
    }

    func get(_ spec: ResourceSpec, townshipID: Int64, id: Int64) throws -> JSONObject? {
        try fetch(spec, townshipID: townshipID, id: id)
    }

    func list(
        _ spec: ResourceSpec, townshipID: Int64, filters: [(String, JSONValue)], after: Int64?, limit: Int
    ) throws -> (items: [JSONObject], next: Int64?) {
        var sql = "SELECT \(columns(spec)) FROM \(spec.name) WHERE township_id = ? AND id > ?"
        var values: [any SQLBindable] = [townshipID, after ?? 0]
        for (name, value) in filters where spec.filters.contains(name) {
            sql += " AND \(name) = ?"
            values.append(Self.sqlValue(value))
        }
        sql += " ORDER BY id LIMIT ?"
        values.append(limit + 1)
        let rows = try session.query(sql, values) { row in decode(spec, row) }
        let page = Array(rows.prefix(limit))
        let next = rows.count > limit ? page.last?["id"]?.intValue : nil
        return (page, next)
    }

    func update(_ spec: ResourceSpec, townshipID: Int64, id: Int64, changes: [String: JSONValue]) throws
        -> JSONObject?
    {
        guard try fetch(spec, townshipID: townshipID, id: id) != nil else { return nil }
        try checkReferences(spec, changes, townshipID: townshipID, rowNumber: nil)
        let names = spec.fields.map(\.name).filter { changes[$0] != nil }
        if !names.isEmpty {
            let assignments = names.map { "\($0) = ?" }.joined(separator: ", ")
            let values: [any SQLBindable] = names.map { Self.sqlValue(changes[$0]!) } + [id]
            try run(
                "UPDATE \(spec.name) SET \(assignments) WHERE id = ? RETURNING id", values, spec: spec, row: nil,
                values: changes)
        }
        return try fetch(spec, townshipID: townshipID, id: id)
    }

    /// Runs a write of one row returning its id; a clash on the unique field becomes
    /// `RegistryError.conflict` (guarded, so the transaction goes on).
    @discardableResult
    private func run(
        _ sql: String, _ arguments: [any SQLBindable], spec: ResourceSpec, row: Int?, values: [String: JSONValue]
    ) throws -> Int64? {
        do {
            return try session.guarded { try session.queryOne(sql, arguments) { $0.int64(0) } }
        } catch StoreError.constraint(.unique, _) {
            let field = spec.uniqueField ?? "id"
            throw RegistryError.conflict(row: row, field: field, value: values[field]?.stringValue ?? "")
        }
    }

    func setCadreStatus(_ status: CadreStatus, cadreID: Int64, townshipID: Int64) throws {
        try session.run(
            "UPDATE cadres SET status = ? WHERE id = ? AND township_id = ?", [status.rawValue, cadreID, townshipID])
    }

    private func checkReferences(
        _ spec: ResourceSpec, _ row: [String: JSONValue], townshipID: Int64, rowNumber: Int?
    ) throws {
        for field in spec.fields {
            guard let id = row[field.name]?.intValue else { continue }
            switch field.kind {
            case .reference(let table):
                let found = try session.queryOne(
                    "SELECT 1 FROM \(table) WHERE id = ? AND township_id = ?", [id, townshipID]
                ) { _ in true }
                if found == nil { throw RegistryError.invalidReference(row: rowNumber, field: field.name) }
            case .leader:
                let leader = try session.queryOne(
                    "SELECT leader FROM cadres WHERE id = ? AND township_id = ?", [id, townshipID]
                ) { $0.int64(0) != 0 }
                guard let leader else { throw RegistryError.invalidReference(row: rowNumber, field: field.name) }
                if !leader { throw RegistryError.notALeader(row: rowNumber, field: field.name) }
            default:
                continue
            }
        }
    }

    private func fetch(_ spec: ResourceSpec, townshipID: Int64, id: Int64) throws -> JSONObject? {
        try session.queryOne(
            "SELECT \(columns(spec)) FROM \(spec.name) WHERE id = ? AND township_id = ?", [id, townshipID]
        ) { decode(spec, $0) }
    }

    private func columns(_ spec: ResourceSpec) -> String {
        (["id"] + spec.fields.map(\.name) + ["created_at"]).joined(separator: ", ")
    }

    private func decode(_ spec: ResourceSpec, _ row: any SQLRow) -> JSONObject {
        var object = JSONObject()
        object["id"] = .int(row.int64(0))
        for (offset, field) in spec.fields.enumerated() {
            let index = offset + 1
            if row.isNull(index) {
                object[field.name] = .null
                continue
            }
            switch field.kind {
            case .bool: object[field.name] = .bool(row.int64(index) != 0)
            case .integer, .reference, .leader: object[field.name] = .int(row.int64(index))
            case .text, .choice, .date: object[field.name] = .string(row.string(index))
            }
        }
        object["created_at"] = .string(row.string(spec.fields.count + 1))
        return object
    }

    static func sqlValue(_ value: JSONValue) -> SQLValue {
        switch value {
        case .null, .array, .object: .null
        case .bool(let flag): .integer(flag ? 1 : 0)
        case .int(let number): .integer(number)
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        }
    }
}
