import App
import Foundation
import PostgresStorage
import Primitives
import Storage
import Store
import TestSupport
import Testing

/// Which backend the live API tests run on: SQLite (default) or, with
/// `DUPING_TEST_BACKEND=postgres`, PostgreSQL in the test process's throwaway cluster, a fresh
/// database per data directory (so a test that restarts a server on the same directory finds
/// its data again).
enum TestBackend {
    static let isPostgres = ProcessInfo.processInfo.environment["DUPING_TEST_BACKEND"] == "postgres"

    /// Why a test of SQLite's own behaviour does not run on PostgreSQL.
    static func sqliteOnly(_ reason: String) -> ConditionTrait {
        .disabled(if: isPostgres, Comment(rawValue: "SQLite only: " + reason))
    }

    private static let databases = Locked([String: String]())

    /// The opener `Application` gets in the tests.
    static func opener(dataDirectory: String) -> (String, any TimeSource) throws -> any DataStore {
        guard isPostgres else { return SQLiteStore.open }
        return { _, clock in
            let conninfo = try databases.withLock { known in
                if let conninfo = known[dataDirectory] { return conninfo }
                let conninfo = try PostgresCluster.shared().makeDatabase()
                known[dataDirectory] = conninfo
                return conninfo
            }
            return try PostgresStore(conninfo: conninfo, clock: clock)
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs a test only where a PostgreSQL cluster can be started (always under CI, which sets
    /// DUPING_REQUIRE_POSTGRES=1 so that a missing PostgreSQL fails instead of skipping).
    static var requiresPostgresForApp: Self {
        .enabled(if: PostgresCluster.shouldRun, Comment(rawValue: PostgresCluster.skipReason ?? ""))
    }
}
