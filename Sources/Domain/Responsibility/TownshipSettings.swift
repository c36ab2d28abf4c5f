/// A township's quotas for its responsibility boards (contract §9), by default the seed's: at
/// least 5 service-board projects a year, and 2 a year for each stationed cadre in its village.
public struct TownshipSettings: Sendable, Equatable {
    public var yearlyServiceProjects: Int
    public var cadreVillageProjects: Int

    public init(yearlyServiceProjects: Int = 5, cadreVillageProjects: Int = 2) {
        self.yearlyServiceProjects = yearlyServiceProjects
        self.cadreVillageProjects = cadreVillageProjects
    }

    public static let keys = ["yearly_service_projects", "cadre_village_projects"]
    /// Each quota is a count of projects a year.
    public static let range: ClosedRange<Int64> = 0...1000

    public var json: JSONObject {
        [
            "yearly_service_projects": .int(Int64(yearlyServiceProjects)),
            "cadre_village_projects": .int(Int64(cadreVillageProjects)),
        ]
    }

    /// Reads a `settings` object; keys left out keep their value in `base`.
    public static func read(_ object: JSONObject, base: TownshipSettings, path: String = "settings")
        -> (settings: TownshipSettings, errors: [FieldError])
    {
        var reader = JSONObjectReader(object, path: path)
        var settings = base
        if let value = reader.int(keys[0], required: false, range: range) {
            settings.yearlyServiceProjects = Int(value)
        }
        if let value = reader.int(keys[1], required: false, range: range) { settings.cadreVillageProjects = Int(value) }
        reader.finish(allowed: Set(keys))
        return (settings, reader.errors)
    }
}
