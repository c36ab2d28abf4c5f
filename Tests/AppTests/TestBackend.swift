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

extension Application {
    /// Runs one statement on the database behind the store, whichever backend it is, for tests
    /// that tamper with stored rows. `?` placeholders, as SQLite writes them, become PostgreSQL's
    /// `$1`, `$2`… there.
    func tamper(_ sql: String, _ arguments: [any SQLBindable] = []) throws {
        if let postgres = store as? PostgresStore {
            _ = try postgres.pool.withConnection { try $0.run(Self.numberedPlaceholders(sql), arguments) }
        } else {
            try database.write { _ = try $0.run(sql, arguments) }
        }
    }

    /// The text of one column of every row a query returns, on either backend.
    func strings(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> [String] {
        if let postgres = store as? PostgresStore {
            return try postgres.pool.withConnection {
                try $0.query(Self.numberedPlaceholders(sql), arguments) { $0.string(0) }
            }
        }
        return try database.read { try $0.query(sql, arguments) { $0.string(0) } }
    }

    private static func numberedPlaceholders(_ sql: String) -> String {
        var number = 0
        return sql.split(separator: "?", omittingEmptySubsequences: false).enumerated().map { index, part in
            guard index > 0 else { return String(part) }
            number += 1
            return "$\(number)" + part
        }.joined()
    }
}
