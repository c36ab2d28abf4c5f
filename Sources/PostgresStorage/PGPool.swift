import Primitives

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fixed number of PostgreSQL sessions shared by threads: `withConnection` checks one out,
/// waiting up to `checkoutTimeout` seconds when all are busy, and gives it back afterwards.
///
/// Sessions open lazily up to `size`. One given back broken (the server restarted, the network
/// dropped it) or still inside a transaction is closed and its place freed, so the next checkout
/// opens a fresh session instead of failing on the dead one.
public final class PGPool: @unchecked Sendable {
    // @unchecked: `idle`, `open` and `isClosed` are only touched while holding `lock`, and a
    // checked-out connection belongs to exactly one caller until it is given back.
    private let lock = Lock()
    private var idle: [PGConnection] = []
    private var open = 0
    private var isClosed = false
    private let conninfo: String
    public let size: Int
    public let checkoutTimeout: Double

    /// Opens one session at once, so a wrong conninfo fails here rather than at first use;
    /// with `openNow: false` the first checkout opens it.
    public init(conninfo: String, size: Int, checkoutTimeout: Double = 5, openNow: Bool = true) throws {
        precondition(size > 0, "a pool needs at least one connection")
        self.conninfo = conninfo
        self.size = size
        self.checkoutTimeout = checkoutTimeout
        if openNow {
            idle = [try PGConnection(conninfo: conninfo)]
            open = 1
        }
    }

    /// Runs `body` with a session nobody else uses meanwhile.
    ///
    /// - Throws: `PGError` of kind `.poolExhausted` when none became free in time, a connection
    ///   error when a new session could not be opened, and whatever `body` throws.
    public func withConnection<T>(_ body: (PGConnection) throws -> T) throws -> T {
        let connection = try checkOut()
        defer { checkIn(connection) }
        return try body(connection)
    }

    /// Sessions open now, idle or checked out; for tests and metrics.
    public var openCount: Int { lock.withLock { open } }

    /// Closes idle sessions and refuses later checkouts; sessions in use close when given back.
    public func close() {
        let closing = lock.withLock {
            isClosed = true
            open -= idle.count
            defer { idle.removeAll() }
            lock.signalAll()
            return idle
        }
        closing.forEach { $0.close() }
    }

    private func checkOut() throws -> PGConnection {
        // nil: a place is reserved for a session this thread opens outside the lock.
        let reused: PGConnection? = try lock.withLock { () throws(PGError) -> PGConnection? in
            let deadline = Self.now() + checkoutTimeout
            while true {
                if isClosed { throw .misuse("connection pool is closed", sql: nil) }
                if let connection = idle.popLast() { return connection }
                if open < size {
                    open += 1
                    return nil
                }
                let left = deadline - Self.now()
                if left <= 0 {
                    throw PGError(
                        sqlState: PGError.poolTimeoutState,
                        message: "no PostgreSQL connection free within \(checkoutTimeout) s (pool of \(size))", sql: nil
                    )
                }
                lock.wait(seconds: left)
            }
        }
        if let reused { return reused }
        do {
            return try PGConnection(conninfo: conninfo)
        } catch {
            lock.withLock {
                open -= 1
                lock.signal()
            }
            throw error
        }
    }

    private func checkIn(_ connection: PGConnection) {
        if connection.isBroken || !connection.isIdle {
            connection.rollbackIfNeeded()
        }
        let keep = !connection.isBroken && connection.isIdle
        let closing: PGConnection? = lock.withLock {
            if keep && !isClosed {
                idle.append(connection)
                lock.signal()
                return nil
            }
            open -= 1
            lock.signal()
            return connection
        }
        closing?.close()
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
