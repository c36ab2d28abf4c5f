/// The rules of a target's dates and state (contract §9): `start` ≤ `due`, a due date changes
/// only with a reason and is counted, cancelling (or reopening) only with a reason.
public enum ProjectRules {
    /// PATCH members that explain a change: kept in the timeline, not as columns.
    public static let dueChangeReason = "due_change_reason"
    public static let stateChangeReason = "state_change_reason"
    public static let reasonLimit = 500

    /// The checks of a new project's values (`path` prefixes field names in a bulk create).
    public static func checkCreate(_ values: [String: JSONValue], path: String = "", row: Int? = nil) -> [FieldError] {
        guard let start = day(values["start"]), let due = day(values["due"]), due < start else { return [] }
        return [FieldError(field: path.isEmpty ? "due" : path + ".due", message: "must not be before start", row: row)]
    }

    /// What a PATCH does to a stored project.
    public struct Plan: Sendable {
        /// Columns to write: the requested ones and, when `due` moved, `original_due` and `due_changes`.
        public var columns: [String: JSONValue]
        public var events: [(ProjectEvent, JSONObject)]
    }

    /// Plans `changes` (type-checked values, reasons included) against the stored `current`
    /// project, whose checks are of `checkedMonths`; the errors name the fields. Once a project
    /// has checks, its start and due stay set and its start stays at or before the first
    /// checked month (a check outside the schedule would have been refused).
    public static func patch(current: JSONObject, changes: [String: JSONValue], checkedMonths: [CalendarMonth] = [])
        -> (plan: Plan, errors: [FieldError])
    {
        var columns = changes
        columns[dueChangeReason] = nil
        columns[stateChangeReason] = nil
        var events: [(ProjectEvent, JSONObject)] = []
        var errors: [FieldError] = []

        let start = changes["start"] ?? current["start"] ?? .null
        let due = changes["due"] ?? current["due"] ?? .null
        if let startDay = day(start), let dueDay = day(due), dueDay < startDay {
            errors.append(
                FieldError(field: changes["due"] != nil ? "due" : "start", message: "due must not be before start"))
        }

        if let firstChecked = checkedMonths.min() {
            for field in ["start", "due"] where changes[field] == .null {
                errors.append(FieldError(field: field, message: "cannot be cleared: the project has monthly checks"))
            }
            if let startDay = day(changes["start"]), startDay.calendarMonth > firstChecked {
                errors.append(
                    FieldError(field: "start", message: "must not be after the first checked month \(firstChecked)"))
            }
        }

        let oldDue = current["due"] ?? .null
        let dueReason = changes[dueChangeReason]
        if let newDue = changes["due"], newDue != oldDue, oldDue != .null {
            if let dueReason {
                let originalDue = current["original_due"] ?? .null
                columns["original_due"] = originalDue == .null ? oldDue : originalDue
                columns["due_changes"] = .int((current["due_changes"]?.intValue ?? 0) + 1)
                events.append((.dueChanged, ["from": oldDue, "to": newDue, "reason": dueReason]))
            } else {
                errors.append(FieldError(field: dueChangeReason, message: "is required to change due"))
            }
        } else if dueReason != nil {
            errors.append(FieldError(field: dueChangeReason, message: "is only given with a change of due"))
        }

        let oldState = current["state"] ?? .string("active")
        let stateReason = changes[stateChangeReason]
        if let newState = changes["state"], newState != oldState {
            if let stateReason {
                events.append((.stateChanged, ["from": oldState, "to": newState, "reason": stateReason]))
            } else {
                errors.append(FieldError(field: stateChangeReason, message: "is required to change state"))
            }
        } else if stateReason != nil {
            errors.append(FieldError(field: stateChangeReason, message: "is only given with a change of state"))
        }
        return (Plan(columns: columns, events: events), errors)
    }

    /// What the timeline keeps of a created project.
    public static func createdEvent(_ project: JSONObject) -> JSONObject {
        var data = JSONObject()
        for key in ["title", "board", "year", "cadre_id", "supervisor_id", "village", "start", "due"] {
            data[key] = project[key] ?? .null
        }
        return data
    }

    static func day(_ value: JSONValue?) -> CalendarDay? { value?.stringValue.flatMap(CalendarDay.init) }
}
