/// The board of a year on a date (contract §9): each project's row with its light, the light
/// counts and the quotas. The same document for the township, its cadres and the public.
public struct ResponsibilityBoard: Sendable {
    public var year: Int
    public var asOf: CalendarDay
    public var rows: [Row]
    public var settings: TownshipSettings
    public var stationed: [StationedCadre]
    /// The year's projects (cancelled ones too), for the quota counts.
    private var projects: [BoardProject]

    /// One project on the board.
    public struct Row: Sendable {
        public var project: BoardProject
        public var light: StatusLight?
        /// Progress planned by `asOf`, rounded; nil without a schedule.
        public var planned: Int?
        /// The latest check of a month up to `asOf`'s.
        public var lastCheck: MonthlyCheck?
    }

    public init(
        year: Int, asOf: CalendarDay, projects: [BoardProject], stationed: [StationedCadre], settings: TownshipSettings
    ) {
        self.year = year
        self.asOf = asOf
        self.settings = settings
        self.stationed = stationed
        self.projects = projects
        rows = projects.map { project in
            let schedule = project.schedule
            return Row(
                project: project,
                light: schedule.map { StatusLight.of($0, checks: project.checks, asOf: asOf) },
                planned: schedule.map { Int($0.planned(on: asOf).rounded(.toNearestOrAwayFromZero)) },
                lastCheck: project.checks.filter { $0.month <= asOf.calendarMonth }.max { $0.month < $1.month })
        }
        rows.sort(by: Self.boardOrder)
    }

    /// By light (red first; no light last), then due (none last), then id.
    static func boardOrder(_ a: Row, _ b: Row) -> Bool {
        let rank = { (row: Row) in
            row.light.flatMap { StatusLight.allCases.firstIndex(of: $0) } ?? StatusLight.allCases.count
        }
        if rank(a) != rank(b) { return rank(a) < rank(b) }
        let dueA = a.project.due?.daysSince1970 ?? .max
        let dueB = b.project.due?.daysSince1970 ?? .max
        if dueA != dueB { return dueA < dueB }
        return a.project.id < b.project.id
    }

    /// How many of the year's non-cancelled service projects there are.
    public var serviceProjects: Int { projects.filter { $0.board == .service && !$0.cancelled }.count }

    /// Each stationed cadre's non-cancelled projects in its own village.
    public func villageProjects(of cadre: StationedCadre) -> Int {
        projects.filter { !$0.cancelled && $0.cadreID == cadre.id && $0.village == cadre.village }.count
    }

    public var json: JSONObject {
        var boards = JSONObject()
        for board in ProjectBoard.allCases {
            boards[board.rawValue] = .array(rows.filter { $0.project.board == board }.map { .object(Self.json($0)) })
        }
        var lights = JSONObject()
        for light in StatusLight.allCases {
            lights[light.rawValue] = .int(Int64(rows.filter { $0.light == light }.count))
        }
        let township: JSONObject = [
            "service_projects": .int(Int64(serviceProjects)),
            "required": .int(Int64(settings.yearlyServiceProjects)),
            "met": .bool(serviceProjects >= settings.yearlyServiceProjects),
        ]
        let cadres: [JSONValue] = stationed.map { cadre in
            let count = villageProjects(of: cadre)
            return [
                "cadre_id": .int(cadre.id), "name": .string(cadre.name), "village": .string(cadre.village),
                "projects": .int(Int64(count)), "required": .int(Int64(settings.cadreVillageProjects)),
                "met": .bool(count >= settings.cadreVillageProjects),
            ]
        }
        return [
            "year": .int(Int64(year)), "as_of": .string(asOf.text), "boards": .object(boards),
            "lights": .object(lights),
            "quotas": ["township": .object(township), "cadres": .array(cadres)],
        ]
    }

    static func json(_ row: Row) -> JSONObject {
        let project = row.project
        let text = { (value: String?) in value.map(JSONValue.string) ?? .null }
        let lastCheck: JSONValue =
            row.lastCheck.map { check in
                [
                    "month": .string(check.month.text), "assessment": .string(check.assessment.rawValue),
                    "note": text(check.note),
                ]
            } ?? .null
        return [
            "project_id": .int(project.id), "title": .string(project.title), "target": text(project.target),
            "department": text(project.department), "cadre": text(project.cadre),
            "supervisor": text(project.supervisor), "village": text(project.village),
            "start": text(project.start?.text), "due": text(project.due?.text),
            "original_due": text(project.originalDue?.text), "due_changes": .int(Int64(project.dueChanges)),
            "progress": row.lastCheck.map { .int(Int64($0.progress)) } ?? .null,
            "planned": row.planned.map { .int(Int64($0)) } ?? .null,
            "light": text(row.light?.rawValue), "last_check": lastCheck,
        ]
    }
}
