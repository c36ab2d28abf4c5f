import Domain

/// A line of the public whereabouts board: an active cadre and its entry of the day, if any.
public struct WhereaboutsLine: Sendable, Equatable {
    public var cadreID: Int64
    public var name: String
    public var department: String?
    public var post: String?
    public var entry: Whereabouts?
    public var updatedAt: String?

    public init(
        cadreID: Int64, name: String, department: String?, post: String?, entry: Whereabouts?, updatedAt: String?
    ) {
        self.cadreID = cadreID
        self.name = name
        self.department = department
        self.post = post
        self.entry = entry
        self.updatedAt = updatedAt
    }
}

/// A stored diary entry.
public struct StoredDiaryEntry: Sendable, Equatable {
    public var id: Int64
    public var cadreID: Int64
    public var entry: DiaryEntry
    public var createdAt: String

    public init(id: Int64, cadreID: Int64, entry: DiaryEntry, createdAt: String) {
        self.id = id
        self.cadreID = cadreID
        self.entry = entry
        self.createdAt = createdAt
    }

    public var json: JSONObject {
        var object: JSONObject = ["id": .int(id), "cadre_id": .int(cadreID)]
        for (key, value) in entry.json.entries { object[key] = value }
        object["created_at"] = .string(createdAt)
        return object
    }
}

/// Whereabouts and visit diaries (contract §12).
public protocol PeopleRepository {
    /// Sets the cadre's entry of `day` (replacing one); returns when it was written.
    func setWhereabouts(_ whereabouts: Whereabouts, cadreID: Int64, day: CalendarDay) throws -> String
    /// Every active cadre of the township with its entry of `day`, by department then id.
    func whereaboutsBoard(townshipID: Int64, day: CalendarDay) throws -> [WhereaboutsLine]
    func addDiaryEntry(_ entry: DiaryEntry, cadreID: Int64) throws -> StoredDiaryEntry
    /// Village days (contract §12) of the township's cadres in `from`…`to`: the distinct dates
    /// with a diary entry or a whereabouts entry in a village; cadres without any are left out.
    func villageDays(townshipID: Int64, from: CalendarDay, to: CalendarDay) throws -> [Int64: Int]
    /// The cadre's entries dated `from`…`to` (inclusive, either open), oldest first.
    func diary(cadreID: Int64, from: CalendarDay?, to: CalendarDay?) throws -> [StoredDiaryEntry]
}
