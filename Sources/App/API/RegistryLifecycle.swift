import Domain
import Store

/// What a registry kind does beyond storing its columns: checks across fields and history kept
/// beside the row. Each step runs inside the write's transaction.
protocol RegistryLifecycle: Sendable {
    /// Checks across one new row's fields (`path` and `row` name it in a bulk create).
    func check(created values: [String: JSONValue], path: String, row: Int?) -> [FieldError]
    /// Called with the stored rows of a create.
    func created(_ objects: [JSONObject], in transaction: any StoreTransaction) throws
    /// Turns a type-checked PATCH of the stored `current` row into the columns to write.
    func patch(current: JSONObject, changes: [String: JSONValue], in transaction: any StoreTransaction) throws
        -> [String: JSONValue]
}

/// Departments and evaluators: columns only.
struct PlainLifecycle: RegistryLifecycle {
    func check(created values: [String: JSONValue], path: String, row: Int?) -> [FieldError] { [] }
    func created(_ objects: [JSONObject], in transaction: any StoreTransaction) throws {}
    func patch(current: JSONObject, changes: [String: JSONValue], in transaction: any StoreTransaction) throws
        -> [String: JSONValue]
    { changes }
}

/// Cadres: one who leaves loses its token at once (contract §2).
struct CadreLifecycle: RegistryLifecycle {
    func check(created values: [String: JSONValue], path: String, row: Int?) -> [FieldError] { [] }
    func created(_ objects: [JSONObject], in transaction: any StoreTransaction) throws {}
    func patch(current: JSONObject, changes: [String: JSONValue], in transaction: any StoreTransaction) throws
        -> [String: JSONValue]
    {
        if changes["status"] == .string(CadreStatus.left.rawValue), let id = current["id"]?.intValue {
            _ = try transaction.access.revokeCadreToken(cadreID: id)
        }
        return changes
    }
}

/// Projects (responsibility targets, contract §9): start ≤ due, reasons for a due change or a
/// state change, and every one of those in the project's timeline.
struct ProjectLifecycle: RegistryLifecycle {
    func check(created values: [String: JSONValue], path: String, row: Int?) -> [FieldError] {
        ProjectRules.checkCreate(values, path: path, row: row)
    }

    func created(_ objects: [JSONObject], in transaction: any StoreTransaction) throws {
        for object in objects {
            guard let id = object["id"]?.intValue else { continue }
            try transaction.projects.appendEvent(
                projectID: id, event: .created, data: ProjectRules.createdEvent(object))
        }
    }

    func patch(current: JSONObject, changes: [String: JSONValue], in transaction: any StoreTransaction) throws
        -> [String: JSONValue]
    {
        guard let id = current["id"]?.intValue else { return changes }
        let checked = try transaction.projects.checks(projectID: id).map(\.check.month)
        let (plan, errors) = ProjectRules.patch(current: current, changes: changes, checkedMonths: checked)
        guard errors.isEmpty else { throw APIError.invalid(errors) }
        for (event, data) in plan.events {
            try transaction.projects.appendEvent(projectID: id, event: event, data: data)
        }
        return plan.columns
    }
}

extension ResourceSpec {
    /// The lifecycle of this kind of registry row.
    var lifecycle: any RegistryLifecycle {
        switch name {
        case Registry.cadres.name: CadreLifecycle()
        case Registry.projects.name: ProjectLifecycle()
        default: PlainLifecycle()
        }
    }
}
