/// One step of the schema's history: plain SQL applied once, in version order.
///
/// Once released a migration is never edited; a change to the schema is a new migration with
/// a higher version. The SQL runs inside a transaction the migrator opens, so it must not
/// contain `BEGIN`/`COMMIT` itself.
public struct Migration: Sendable, Equatable {
    /// Positive and unique; orders the migrations and is what `schema_migrations` records.
    public let version: Int
    /// A short label for people reading `schema_migrations` (e.g. "create townships").
    public let name: String
    /// One or more SQL statements.
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

/// Brings a database up to the newest known migration, as GRDB's `DatabaseMigrator` does
/// with identifiers, but keyed by integer version.
enum Migrator {
    static let createTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """

    /// Applies every known migration the database has not recorded and returns the highest
    /// recorded version afterwards.
    ///
    /// Each migration runs in its own `BEGIN IMMEDIATE` transaction together with its
    /// `schema_migrations` row, so a crash leaves the database at a whole version. Applied
    /// versions are re-read inside each transaction, so two processes opening the same file
    /// at once cannot apply a step twice. A database that has recorded a version above the
    /// highest known one is refused before anything runs: an older build would misread it.
    static func migrate(_ connection: Connection, to migrations: [Migration]) throws(StoreError) -> Int {
        let ordered = migrations.sorted { $0.version < $1.version }
        let versions = ordered.map(\.version)
        precondition(Set(versions).count == versions.count, "duplicate migration versions: \(versions)")
        precondition(versions.allSatisfy { $0 > 0 }, "migration versions must be positive: \(versions)")

        try connection.inTransaction(.immediate) { c throws(StoreError) in try c.execute(createTable) }.get()
        let known = versions.last ?? 0
        let found = try appliedVersions(connection).max() ?? 0
        guard found <= known else { throw StoreError.databaseTooNew(found: found, known: known) }

        for migration in ordered {
            try connection.inTransaction(.immediate) { connection throws(StoreError) in
                guard try !appliedVersions(connection).contains(migration.version) else { return }
                try connection.execute(migration.sql)
                try connection.run(
                    """
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    """,
                    [migration.version, migration.name]
                )
            }.get()
        }
        return try appliedVersions(connection).max() ?? 0
    }

    static func appliedVersions(_ connection: Connection) throws(StoreError) -> Set<Int> {
        Set(try connection.values("SELECT version FROM schema_migrations") { $0.int(0) })
    }
}
