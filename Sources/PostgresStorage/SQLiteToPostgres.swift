import Glibc
import Storage

/// `duping migrate`: copies a whole SQLite DuPing database into an empty PostgreSQL one, so a
/// township that started on the embedded default can move to PostgreSQL (contract §14).
///
/// The order of work, so that a refusal writes nothing and a failure leaves nothing half-done:
/// 1. the source must exist and be at the newest SQLite migration; it is opened read-only
///    (`Connection.readOnly`), so the file is never changed, and read in one snapshot;
/// 2. the target must hold no DuPing row in any table (checked before anything is written);
/// 3. the target is migrated to the newest `PostgresSchema` (each step its own transaction, as
///    `PostgresStore` would on start), then everything else happens in ONE write transaction
///    holding the writers' advisory lock: emptiness checked again, every table copied in an
///    order that satisfies the foreign keys, identities moved past the copied ids, and the copy
///    verified (row counts per table equal, every archive chain verifies, hashes identical). Any
///    failure rolls the whole copy back.
public struct SQLiteToPostgres {
    public let sourcePath: String
    public let conninfo: String

    /// - Parameters:
    ///   - sourcePath: the SQLite file (`DATA_DIR/duping.sqlite`).
    ///   - conninfo: the target, a `postgresql://` URL or a libpq conninfo.
    public init(sourcePath: String, conninfo: String) {
        self.sourcePath = sourcePath
        self.conninfo = conninfo
    }

    /// Copies, verifies and commits; returns what was copied.
    /// - Throws: `MigrationError` for a refusal or a failed check, `PGError` or `StoreError`
    ///   when a database fails; in every case nothing of the copy is committed.
    public func run() throws -> MigrationSummary {
        let started = ContinuousClock.now
        let source = try openSource()
        let target = try PGConnection(conninfo: conninfo)
        defer { target.close() }
        try Self.refuseData(in: target)
        try PGMigrator.migrate(target, to: PostgresSchema.migrations)
        var summary = try source.snapshot { source in
            try target.inTransaction(.write) { target in
                try Self.refuseData(in: target)
                var summary = MigrationSummary()
                try Self.copyTables(from: source, to: target, into: &summary)
                try Self.advanceIdentities(target)
                try Self.verify(source: source, target: target, into: &summary)
                return summary
            }
        }
        let elapsed = ContinuousClock.now - started
        summary.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return summary
    }

    /// The source, read-only, after checking it is a DuPing database at the newest migration.
    func openSource() throws -> Connection {
        guard access(sourcePath, F_OK) == 0 else { throw MigrationError.sourceMissing(path: sourcePath) }
        let source = try Connection.readOnly(path: sourcePath)
        let hasMigrations = try source.queryOne(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'"
        ) { _ in true }
        guard hasMigrations == true else { throw MigrationError.sourceNotDuPing(path: sourcePath) }
        let found = try source.queryOne("SELECT coalesce(max(version), 0) FROM schema_migrations") { $0.int(0) } ?? 0
        let newest = Schema.migrations.map(\.version).max() ?? 0
        guard found == newest else { throw MigrationError.sourceSchema(found: found, newest: newest) }
        return source
    }

    /// Throws `targetNotEmpty` when any DuPing table that exists in the target has a row.
    static func refuseData(in target: PGConnection) throws {
        var holding: [String] = []
        for table in tables {
            let exists = try target.queryOne(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1",
                [table]
            ) { $0.bool(0) }
            guard exists == true else { continue }
            if try target.queryOne("SELECT 1 FROM \(table) LIMIT 1", [], { _ in true }) == true {
                holding.append(table)
            }
        }
        guard holding.isEmpty else { throw MigrationError.targetNotEmpty(tables: holding) }
    }
}
