/// What a project's timeline records (contract §9), oldest first.
public enum ProjectEvent: String, Sendable, Hashable, CaseIterable {
    case created
    /// A monthly check written (every version is kept).
    case check
    /// `due` moved: old date, new date and the reason.
    case dueChanged = "due_changed"
    /// `state` changed (cancelled, or active again), with the reason.
    case stateChanged = "state_changed"
}

/// One entry of a project's timeline.
public struct TimelineEntry: Sendable, Equatable {
    public var at: String
    public var event: ProjectEvent
    public var data: JSONObject

    public init(at: String, event: ProjectEvent, data: JSONObject) {
        self.at = at
        self.event = event
        self.data = data
    }

    public var json: JSONObject { ["at": .string(at), "event": .string(event.rawValue), "data": .object(data)] }
}
