import Storage

/// Brings a PostgreSQL database up to the newest of `PostgresSchema.migrations`, as SQLite's
/// `Migrator` does: each step in its own transaction with its `schema_migrations` row, applied
/// versions re-read inside it, and a database migrated by a newer build refused.
///
/// Every step runs as a write transaction, so it holds the writers' advisory lock: several
/// instances starting at once against one empty database apply each step exactly once.
public enum PGMigrator {
    static let createTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )
        """

    /// Applies every known migration not yet recorded and returns the highest recorded version.
    ///
    /// - Throws: `StoreError.databaseTooNew` when the database records a version above the
    ///   highest of `migrations`; `PGError` when a step fails (that step is rolled back whole).
    @discardableResult
    public static func migrate(_ connection: PGConnection, to migrations: [Migration]) throws -> Int {
        let ordered = migrations.sorted { $0.version < $1.version }
        let versions = ordered.map(\.version)
        precondition(Set(versions).count == versions.count, "duplicate migration versions: \(versions)")
        precondition(versions.allSatisfy { $0 > 0 }, "migration versions must be positive: \(versions)")

        try connection.inTransaction(.write) { try $0.execute(createTable) }
        let known = versions.last ?? 0
        let found = try appliedVersions(connection).max() ?? 0
        guard found <= known else { throw StoreError.databaseTooNew(found: found, known: known) }

        for migration in ordered {
            try connection.inTransaction(.write) { connection in
                guard try !appliedVersions(connection).contains(migration.version) else { return }
                try connection.execute(migration.sql)
                try connection.run(
                    """
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES ($1, $2, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                    """, [migration.version, migration.name])
            }
        }
        return try appliedVersions(connection).max() ?? 0
    }

    static func appliedVersions(_ connection: PGConnection) throws -> Set<Int> {
        Set(try connection.query("SELECT version FROM schema_migrations") { $0.int(0) })
    }
}
