/// A target as the responsibility board shows it: the project with its people's names and its
/// current monthly checks.
public struct BoardProject: Sendable {
    public var id: Int64
    public var title: String
    public var board: ProjectBoard
    public var target: String?
    public var department: String?
    public var cadreID: Int64?
    public var cadre: String?
    public var supervisor: String?
    public var village: String?
    public var start: CalendarDay?
    public var due: CalendarDay?
    public var originalDue: CalendarDay?
    public var dueChanges: Int
    public var cancelled: Bool
    public var checks: [MonthlyCheck]

    public init(
        id: Int64, title: String, board: ProjectBoard, target: String? = nil, department: String? = nil,
        cadreID: Int64? = nil, cadre: String? = nil, supervisor: String? = nil, village: String? = nil,
        start: CalendarDay? = nil, due: CalendarDay? = nil, originalDue: CalendarDay? = nil, dueChanges: Int = 0,
        cancelled: Bool = false, checks: [MonthlyCheck] = []
    ) {
        self.id = id
        self.title = title
        self.board = board
        self.target = target
        self.department = department
        self.cadreID = cadreID
        self.cadre = cadre
        self.supervisor = supervisor
        self.village = village
        self.start = start
        self.due = due
        self.originalDue = originalDue
        self.dueChanges = dueChanges
        self.cancelled = cancelled
        self.checks = checks
    }

    /// The schedule the light rule reads; nil without both dates.
    public var schedule: StatusLight.Schedule? {
        guard let start, let due else { return nil }
        return StatusLight.Schedule(start: start, due: due, cancelled: cancelled)
    }
}

/// An active cadre stationed in a village (驻村), for the village quota.
public struct StationedCadre: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var village: String

    public init(id: Int64, name: String, village: String) {
        self.id = id
        self.name = name
        self.village = village
    }
}
