/// A township as stored.
public struct Township: Sendable, Equatable {
    public var id: Int64
    public var code: String
    public var name: String
    public var createdAt: String

    public init(id: Int64, code: String, name: String, createdAt: String) {
        self.id = id
        self.code = code
        self.name = name
        self.createdAt = createdAt
    }

    public var json: JSONObject {
        ["code": .string(code), "name": .string(name), "created_at": .string(createdAt)]
    }
}
