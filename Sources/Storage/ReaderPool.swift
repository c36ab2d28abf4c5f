import Primitives

/// A fixed set of read-only connections lent out one per `Database.read`.
///
/// When all are busy a caller waits for one to come back, which bounds the number of open
/// file descriptors and SQLite page caches however many worker threads there are.
final class ReaderPool: @unchecked Sendable {
    // @unchecked: `idle`, `lent` and `isClosed` are only touched while holding `lock`, and a
    // lent connection is used by exactly one thread until it is returned.
    private let lock = Lock()
    private var idle: [Connection]
    private var lent = 0
    private var isClosed = false

    /// Opens `count` read-only connections to `path`.
    init(path: String, count: Int) throws(StoreError) {
        precondition(count > 0, "a database needs at least one reader connection")
        var connections: [Connection] = []
        for _ in 0..<count {
            connections.append(try Connection(path: path, mode: .reader))
        }
        idle = connections
    }

    /// Takes an idle connection, waiting while all are lent out.
    func checkOut() throws(StoreError) -> Connection {
        try lock.withLock { () throws(StoreError) -> Connection in
            while !isClosed && idle.isEmpty { lock.wait() }
            guard !isClosed, let connection = idle.popLast() else {
                throw StoreError.misuse("database is closed", sql: nil)
            }
            lent += 1
            return connection
        }
    }

    /// Returns a connection taken with `checkOut`.
    func checkIn(_ connection: Connection) {
        lock.withLock {
            idle.append(connection)
            lent -= 1
            lock.signalAll()
        }
    }

    /// Refuses new check-outs, waits for lent connections to come back, then closes them all.
    func close() {
        lock.withLock {
            isClosed = true
            lock.signalAll()
            while lent > 0 { lock.wait() }
            for connection in idle { connection.close() }
            idle.removeAll()
        }
    }
}
