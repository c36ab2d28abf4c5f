/// A root, township-admin or cadre credential found by its token hash.
public struct StoredCredential: Sendable, Equatable {
    public enum Kind: String, Sendable { case root, admin, cadre }
    /// The credential's id; for a cadre token, the cadre's id.
    public var id: Int64
    public var kind: Kind
    public var townshipID: Int64?

    public init(id: Int64, kind: Kind, townshipID: Int64?) {
        self.id = id
        self.kind = kind
        self.townshipID = townshipID
    }
}

/// A township admin token as root may see it: never the token itself, which exists only in the
/// response that created it.
public struct AdminToken: Sendable, Equatable {
    public var id: Int64
    public var label: String
    public var createdAt: String
    public var revokedAt: String?

    public init(id: Int64, label: String, createdAt: String, revokedAt: String?) {
        self.id = id
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    public var json: JSONObject {
        [
            "id": .int(id), "label": .string(label), "created_at": .string(createdAt),
            "revoked_at": revokedAt.map(JSONValue.string) ?? .null,
        ]
    }
}
