import PostgresStorage
import TestSupport
import Testing

/// Connections to a fresh database of the test process's throwaway cluster.
enum PGFixture {
    /// A conninfo for a new, empty database.
    static func database() throws -> String {
        try PostgresCluster.shared().makeDatabase()
    }

    static func connection() throws -> PGConnection {
        try PGConnection(conninfo: database())
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs a PostgreSQL test only where a cluster can be started (always under CI, which sets
    /// DUPING_REQUIRE_POSTGRES=1 so a missing PostgreSQL fails instead of skipping).
    static var requiresPostgres: Self {
        .enabled(if: PostgresCluster.shouldRun, Comment(rawValue: PostgresCluster.skipReason ?? ""))
    }
}
