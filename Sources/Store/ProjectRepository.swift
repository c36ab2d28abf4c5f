import Domain

/// A stored monthly check: the check, when it was written, and by which cadre (nil: an admin).
public struct StoredCheck: Sendable, Equatable {
    public var check: MonthlyCheck
    public var writtenAt: String

    public init(check: MonthlyCheck, writtenAt: String) {
        self.check = check
        self.writtenAt = writtenAt
    }

    public var json: JSONObject {
        var object = check.json
        object["at"] = .string(writtenAt)
        return object
    }
}

/// Responsibility targets' monthly checks, timelines and boards (contract §9). Projects
/// themselves are registry rows (`RegistryRepository`).
public protocol ProjectRepository {
    /// Appends an event to the project's timeline.
    func appendEvent(projectID: Int64, event: ProjectEvent, data: JSONObject) throws
    /// The project's timeline, oldest first.
    func timeline(projectID: Int64) throws -> [TimelineEntry]
    /// Makes `check` its month's current check and records it in the timeline; true when the
    /// month had no check before.
    func putCheck(projectID: Int64, check: MonthlyCheck, byCadreID: Int64?) throws -> (
        created: Bool, stored: StoredCheck
    )
    /// The current check of each month, oldest month first.
    func checks(projectID: Int64) throws -> [StoredCheck]
    /// The year's projects of the township with their people's names and current checks.
    func boardProjects(townshipID: Int64, year: Int) throws -> [BoardProject]
    /// Active cadres with a village, in id order.
    func stationedCadres(townshipID: Int64) throws -> [StationedCadre]
}
