import Dispatch
import PostgresStorage
import Primitives
import Testing

@Suite(.requiresPostgres)
struct PGPoolTests {
    @Test func concurrentCheckouts_NeverShareASessionAndStayWithinTheSize() throws {
        let database = try PGFixture.database()
        let pool = try PGPool(conninfo: database, size: 3, checkoutTimeout: 10)
        try pool.withConnection { try $0.execute("CREATE TABLE hits (pid INT, n INT)") }
        let inUse = Locked(Set<Int32>())
        let overlaps = Locked(0)
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for n in 0..<10 {
                do {
                    try pool.withConnection { connection in
                        let pid = connection.backendPID
                        if !inUse.withLock({ $0.insert(pid).inserted }) { overlaps.withLock { $0 += 1 } }
                        defer { _ = inUse.withLock { $0.remove(pid) } }
                        try connection.run("INSERT INTO hits VALUES (pg_backend_pid(), $1)", [worker * 100 + n])
                    }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(overlaps.withLock { $0 } == 0)
        #expect(pool.openCount <= 3)
        let (rows, sessions) = try #require(
            try pool.withConnection {
                try $0.queryOne("SELECT count(*), count(DISTINCT pid) FROM hits") { ($0.int(0), $0.int(1)) }
            })
        #expect(rows == 80)
        #expect(sessions <= 3)
    }

    @Test func writeTransactionsOfSeveralSessions_RunOneAfterAnother() throws {
        let pool = try PGPool(conninfo: try PGFixture.database(), size: 4, checkoutTimeout: 10)
        try pool.withConnection { try $0.execute("CREATE TABLE counter (v INT); INSERT INTO counter VALUES (0)") }
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<25 {
                do {
                    try pool.withConnection { connection in
                        try connection.inTransaction(.write) { c in
                            // Read-modify-write: loses updates unless writers are serialized.
                            let value = try c.queryOne("SELECT v FROM counter") { $0.int(0) } ?? 0
                            try c.run("UPDATE counter SET v = $1", [value + 1])
                        }
                    }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(try pool.withConnection { try $0.queryOne("SELECT v FROM counter") { $0.int(0) } } == 100)
    }

    @Test func checkout_TimesOutWhenEveryConnectionIsBusy() throws {
        let pool = try PGPool(conninfo: try PGFixture.database(), size: 1, checkoutTimeout: 0.2)
        try pool.withConnection { _ in
            let error = try #require(throws: PGError.self) { try pool.withConnection { _ in } }
            #expect(error.kind == .poolExhausted)
            #expect(error.storeError == .busy)
        }
        let one = try pool.withConnection { try $0.queryOne("SELECT 1") { $0.int(0) } }
        #expect(one == 1)
    }

    @Test func brokenConnection_IsReplacedByAFreshOne() throws {
        let database = try PGFixture.database()
        let pool = try PGPool(conninfo: database, size: 1, checkoutTimeout: 5)
        let killer = try PGConnection(conninfo: database)
        let first = try pool.withConnection { connection in
            let pid = connection.backendPID
            #expect(try killer.queryOne("SELECT pg_terminate_backend($1::int)", [Int64(pid)]) { $0.bool(0) } == true)
            let error = try #require(throws: PGError.self) { try connection.queryOne("SELECT 1") { $0.int(0) } }
            #expect(error.kind == .connection)
            #expect(connection.isBroken)
            return pid
        }
        let (one, second) = try pool.withConnection { connection in
            (try connection.queryOne("SELECT 1") { $0.int(0) }, connection.backendPID)
        }
        #expect(one == 1)
        #expect(second != first)
        #expect(pool.openCount == 1)
    }

    @Test func connectionLeftInATransaction_IsNotHandedOutAgain() throws {
        let pool = try PGPool(conninfo: try PGFixture.database(), size: 1, checkoutTimeout: 5)
        try pool.withConnection { try $0.execute("BEGIN; CREATE TABLE t (v INT)") }
        let (idle, absent) = try pool.withConnection { connection in
            (connection.isIdle, try connection.queryOne("SELECT to_regclass('t') IS NULL") { $0.bool(0) })
        }
        #expect(idle)
        #expect(absent == true)
    }
}
