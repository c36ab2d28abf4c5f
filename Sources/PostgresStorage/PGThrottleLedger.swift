import Primitives
import Store

/// `ThrottleLedger` in PostgreSQL's `throttle_windows`, so that every instance on the database
/// counts against one limit (contract §14). The table is UNLOGGED: it never reaches the WAL or
/// a replica, and a crash empties it, which only forgets some failed attempts. Times are the
/// injected clock's wall seconds; instances' clocks should agree to within a second or so.
final class PGThrottleLedger: ThrottleLedger {
    private let pool: PGPool
    private let clock: any TimeSource
    private let adds = Locked(0)
    /// Every this many adds, windows that have ended are deleted.
    static let sweepInterval = 512

    init(pool: PGPool, clock: any TimeSource) {
        self.pool = pool
        self.clock = clock
    }

    func add(scope: String, key: String, window: Double) throws -> ThrottleWindow {
        let now = clock.wallSeconds()
        let sweep = adds.withLock { count in
            count += 1
            return count % Self.sweepInterval == 0
        }
        return try PostgresStore.translating {
            try pool.withConnection { connection in
                if sweep { try connection.run("DELETE FROM throttle_windows WHERE ends <= $1", [now]) }
                // One statement: a window that has ended starts again at one.
                return try connection.queryOne(
                    """
                    INSERT INTO throttle_windows AS w (scope, key, count, ends) VALUES ($1, $2, 1, $3 + $4)
                    ON CONFLICT (scope, key) DO UPDATE SET
                        count = CASE WHEN w.ends <= $3 THEN 1 ELSE w.count + 1 END,
                        ends = CASE WHEN w.ends <= $3 THEN $3 + $4 ELSE w.ends END
                    RETURNING count, ends
                    """, [scope, key, now, Int64(window.rounded(.up))]
                ) { ThrottleWindow(count: $0.int(0), remaining: Double($0.int64(1) - now)) }!
            }
        }
    }

    func current(scope: String, key: String) throws -> ThrottleWindow? {
        let now = clock.wallSeconds()
        return try PostgresStore.translating {
            try pool.withReadOnlySession { connection in
                try connection.queryOne(
                    "SELECT count, ends FROM throttle_windows WHERE scope = $1 AND key = $2 AND ends > $3",
                    [scope, key, now]
                ) { ThrottleWindow(count: $0.int(0), remaining: Double($0.int64(1) - now)) }
            }
        }
    }
}
