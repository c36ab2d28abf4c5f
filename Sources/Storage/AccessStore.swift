import Domain

/// A township as stored.
public struct Township: Sendable, Equatable {
    public var id: Int64
    public var code: String
    public var name: String
    public var createdAt: String

    public var json: JSONObject {
        ["code": .string(code), "name": .string(name), "created_at": .string(createdAt)]
    }
}

/// A root or township-admin credential found by its token hash.
public struct StoredCredential: Sendable, Equatable {
    public enum Kind: String, Sendable { case root, admin }
    public var id: Int64
    public var kind: Kind
    public var townshipID: Int64?
}

/// A township admin token as root may see it: never the token itself, which exists only in the
/// response that created it.
public struct AdminToken: Sendable, Equatable {
    public var id: Int64
    public var label: String
    public var createdAt: String
    public var revokedAt: String?

    public var json: JSONObject {
        [
            "id": .int(id), "label": .string(label), "created_at": .string(createdAt),
            "revoked_at": revokedAt.map(JSONValue.string) ?? .null,
        ]
    }
}

/// Townships and the credentials that manage them.
public struct AccessStore: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Creates a township; `RegistryError.conflict` when the code is taken.
    public func createTownship(code: String, name: String) throws -> Township {
        let now = Clock.timestamp()
        return try database.write { connection in
            do {
                try connection.run(
                    "INSERT INTO townships (code, name, created_at) VALUES (?, ?, ?)", [code, name, now])
            } catch StoreError.constraint(.unique, _) {
                throw RegistryError.conflict(row: nil, field: "code", value: code)
            }
            return Township(id: connection.lastInsertRowID, code: code, name: name, createdAt: now)
        }
    }

    public func township(id: Int64) throws -> Township? {
        try database.read { connection in
            try connection.queryOne(
                "SELECT id, code, name, created_at FROM townships WHERE id = ?", [id], Self.township)
        }
    }

    public func township(code: String) throws -> Township? {
        try database.read { connection in
            try connection.queryOne(
                "SELECT id, code, name, created_at FROM townships WHERE code = ?", [code], Self.township)
        }
    }

    /// Townships in id order after the cursor; `only` restricts the list to one township.
    public func townships(after: Int64?, limit: Int, only: Int64? = nil) throws -> (items: [Township], next: Int64?) {
        let rows = try database.read { connection in
            try connection.query(
                "SELECT id, code, name, created_at FROM townships WHERE id > ? AND (? IS NULL OR id = ?) ORDER BY id LIMIT ?",
                [after ?? 0, only, only, limit + 1], Self.township)
        }
        let page = Array(rows.prefix(limit))
        return (page, rows.count > limit ? page.last?.id : nil)
    }

    private static func township(_ row: Row) -> Township {
        Township(id: row.int64(0), code: row.string(1), name: row.string(2), createdAt: row.string(3))
    }

    /// Stores a credential by its token hash and returns its id.
    public func addCredential(kind: StoredCredential.Kind, townshipID: Int64?, label: String, tokenHash: [UInt8]) throws
        -> Int64
    {
        let now = Clock.timestamp()
        return try database.write { connection in
            try connection.run(
                "INSERT INTO credentials (kind, township_id, label, token_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                [kind.rawValue, townshipID, label, tokenHash, now])
            return connection.lastInsertRowID
        }
    }

    /// The live (not revoked) credential with this token hash.
    public func credential(tokenHash: [UInt8]) throws -> StoredCredential? {
        try database.read { connection in
            try connection.queryOne(
                "SELECT id, kind, township_id FROM credentials WHERE token_hash = ? AND revoked_at IS NULL", [tokenHash]
            ) { row in
                StoredCredential(
                    id: row.int64(0), kind: StoredCredential.Kind(rawValue: row.string(1)) ?? .admin,
                    townshipID: row.optionalInt64(2))
            }
        }
    }

    public func hasRootCredential() throws -> Bool {
        try database.read { connection in
            try connection.queryOne("SELECT 1 FROM credentials WHERE kind = 'root' LIMIT 1") { _ in true } ?? false
        }
    }

    /// The township's admin tokens in id order, revoked ones included, a page at a time.
    public func adminTokens(townshipID: Int64, after: Int64?, limit: Int) throws -> (items: [AdminToken], next: Int64?) {
        let rows = try database.read { connection in
            try connection.query(
                """
                SELECT id, label, created_at, revoked_at FROM credentials
                WHERE kind = 'admin' AND township_id = ? AND id > ? ORDER BY id LIMIT ?
                """, [townshipID, after ?? 0, limit + 1], Self.adminToken)
        }
        let page = Array(rows.prefix(limit))
        return (page, rows.count > limit ? page.last?.id : nil)
    }

    /// One admin token of the township, revoked or not.
    public func adminToken(id: Int64, townshipID: Int64) throws -> AdminToken? {
        try database.read { connection in
            try connection.queryOne(
                """
                SELECT id, label, created_at, revoked_at FROM credentials
                WHERE kind = 'admin' AND township_id = ? AND id = ?
                """, [townshipID, id], Self.adminToken)
        }
    }

    private static func adminToken(_ row: Row) -> AdminToken {
        AdminToken(id: row.int64(0), label: row.string(1), createdAt: row.string(2), revokedAt: row.optionalString(3))
    }

    /// Revokes an admin token of the township; false when there is no such live token.
    public func revokeCredential(id: Int64, townshipID: Int64) throws -> Bool {
        let now = Clock.timestamp()
        return try database.write { connection in
            try connection.run(
                "UPDATE credentials SET revoked_at = ? WHERE id = ? AND township_id = ? AND kind = 'admin' AND revoked_at IS NULL",
                [now, id, townshipID]) == 1
        }
    }
}
