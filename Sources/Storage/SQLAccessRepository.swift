import Domain
import Primitives
import Store

/// Townships and the credentials that manage them, on either backend.
struct SQLAccessRepository: AccessRepository {
    let session: any SQLSession
    let clock: any TimeSource

    func createTownship(code: String, name: String) throws -> Township {
        let now = clock.timestamp()
        let id: Int64?
        do {
            id = try session.guarded {
                try session.queryOne(
                    "INSERT INTO townships (code, name, created_at) VALUES (?, ?, ?) RETURNING id", [code, name, now]
                ) { $0.int64(0) }
            }
        } catch StoreError.constraint(.unique, _) {
            throw RegistryError.conflict(row: nil, field: "code", value: code)
        }
        return Township(id: id ?? 0, code: code, name: name, createdAt: now)
    }

    func township(id: Int64) throws -> Township? {
        try session.queryOne("SELECT \(Self.townshipColumns) FROM townships WHERE id = ?", [id], Self.township)
    }

    func township(code: String) throws -> Township? {
        try session.queryOne(
            "SELECT \(Self.townshipColumns) FROM townships WHERE code = ?", [code], Self.township)
    }

    func townships(after: Int64?, limit: Int, only: Int64?) throws -> (items: [Township], next: Int64?) {
        let rows = try session.query(
            """
            SELECT \(Self.townshipColumns) FROM townships
            WHERE id > ? AND (CAST(? AS BIGINT) IS NULL OR id = CAST(? AS BIGINT)) ORDER BY id LIMIT ?
            """,
            [after ?? 0, only, only, limit + 1], Self.township)
        let page = Array(rows.prefix(limit))
        return (page, rows.count > limit ? page.last?.id : nil)
    }

    private static let townshipColumns = "id, code, name, created_at, settings"

    private static func township(_ row: any SQLRow) -> Township {
        var settings = TownshipSettings()
        if let text = row.optionalString(4), let object = (try? JSONParser.parse(text))?.objectValue {
            settings = TownshipSettings.read(object, base: settings).settings
        }
        return Township(
            id: row.int64(0), code: row.string(1), name: row.string(2), createdAt: row.string(3), settings: settings)
    }

    func setSettings(_ settings: TownshipSettings, townshipID: Int64) throws {
        try session.run(
            "UPDATE townships SET settings = ? WHERE id = ?",
            [JSONWriter.encodeString(.object(settings.json)), townshipID])
    }

    func setCadreToken(cadreID: Int64, tokenHash: [UInt8]) throws {
        try session.run(
            """
            INSERT INTO cadre_tokens (cadre_id, token_hash, created_at) VALUES (?, ?, ?)
            ON CONFLICT (cadre_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at
            """,
            [cadreID, tokenHash, clock.timestamp()])
    }

    func revokeCadreToken(cadreID: Int64) throws -> Bool {
        try session.run("DELETE FROM cadre_tokens WHERE cadre_id = ?", [cadreID]) == 1
    }

    func addCredential(kind: StoredCredential.Kind, townshipID: Int64?, label: String, tokenHash: [UInt8]) throws
        -> Int64
    {
        try session.queryOne(
            """
            INSERT INTO credentials (kind, township_id, label, token_hash, created_at)
            VALUES (?, ?, ?, ?, ?) RETURNING id
            """,
            [kind.rawValue, townshipID, label, tokenHash, clock.timestamp()]
        ) { $0.int64(0) } ?? 0
    }

    func credential(tokenHash: [UInt8]) throws -> StoredCredential? {
        // Root and admin tokens first: they make most requests, and then one lookup suffices.
        let manager = try session.queryOne(
            "SELECT id, kind, township_id FROM credentials WHERE token_hash = ? AND revoked_at IS NULL", [tokenHash]
        ) { row in
            StoredCredential(
                id: row.int64(0), kind: StoredCredential.Kind(rawValue: row.string(1)) ?? .admin,
                townshipID: row.optionalInt64(2))
        }
        if let manager { return manager }
        return try session.queryOne(
            """
            SELECT c.id, c.township_id FROM cadre_tokens t JOIN cadres c ON c.id = t.cadre_id
            WHERE t.token_hash = ? AND c.status != 'left'
            """, [tokenHash]
        ) { row in StoredCredential(id: row.int64(0), kind: .cadre, townshipID: row.int64(1)) }
    }

    func hasRootCredential() throws -> Bool {
        try session.queryOne("SELECT 1 FROM credentials WHERE kind = 'root' LIMIT 1") { _ in true } ?? false
    }

    func adminTokens(townshipID: Int64, after: Int64?, limit: Int) throws -> (items: [AdminToken], next: Int64?) {
        let rows = try session.query(
            """
            SELECT id, label, created_at, revoked_at FROM credentials
            WHERE kind = 'admin' AND township_id = ? AND id > ? ORDER BY id LIMIT ?
            """, [townshipID, after ?? 0, limit + 1], Self.adminToken)
        let page = Array(rows.prefix(limit))
        return (page, rows.count > limit ? page.last?.id : nil)
    }

    func adminToken(id: Int64, townshipID: Int64) throws -> AdminToken? {
        try session.queryOne(
            """
            SELECT id, label, created_at, revoked_at FROM credentials
            WHERE kind = 'admin' AND township_id = ? AND id = ?
            """, [townshipID, id], Self.adminToken)
    }

    private static func adminToken(_ row: any SQLRow) -> AdminToken {
        AdminToken(id: row.int64(0), label: row.string(1), createdAt: row.string(2), revokedAt: row.optionalString(3))
    }

    func revokeCredential(id: Int64, townshipID: Int64) throws -> Bool {
        try session.run(
            "UPDATE credentials SET revoked_at = ? WHERE id = ? AND township_id = ? AND kind = 'admin' AND revoked_at IS NULL",
            [clock.timestamp(), id, townshipID]) == 1
    }
}
