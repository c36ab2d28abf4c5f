/// A township as stored.
public struct Township: Sendable, Equatable {
    public var id: Int64
    public var code: String
    public var name: String
    public var createdAt: String
    /// The responsibility boards' quotas (contract §9).
    public var settings: TownshipSettings

    public init(id: Int64, code: String, name: String, createdAt: String, settings: TownshipSettings = .init()) {
        self.id = id
        self.code = code
        self.name = name
        self.createdAt = createdAt
        self.settings = settings
    }

    public var json: JSONObject {
        [
            "code": .string(code), "name": .string(name), "created_at": .string(createdAt),
            "settings": .object(settings.json),
        ]
    }
}
