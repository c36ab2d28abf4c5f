import Glibc
import Primitives
import Storage
import Store

/// `ChangeFeed` over PostgreSQL's LISTEN/NOTIFY (contract §14). A write transaction announces a
/// change with `pg_notify` on `SQLTransaction.changeChannel`, which PostgreSQL delivers when it
/// commits; `listen` keeps a session of its own listening on a thread, and when that session is
/// lost it reconnects and tells `.everything`, since announcements may have gone unheard.
///
/// Delivery is asynchronous: another instance hears a change within milliseconds of its commit,
/// not before the announcing request has answered.
final class PGChangeFeed: ChangeFeed, @unchecked Sendable {
    static let channel = SQLTransaction.changeChannel
    private let conninfo: String
    private let lock = Lock()
    // @unchecked: these two are only touched while holding `lock`.
    private var listening = false
    private var stopping = false

    init(conninfo: String) {
        self.conninfo = conninfo
    }

    func listen(_ handler: @escaping @Sendable (ChangeNotice) -> Void) {
        let start = lock.withLock {
            guard !listening && !stopping else { return false }
            listening = true
            return true
        }
        if start { startThread { [self] in run(handler) } }
    }

    /// Ends the listening thread and waits for it.
    func stop() {
        lock.withLock {
            stopping = true
            while listening { lock.wait() }
        }
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func run(_ handler: @Sendable (ChangeNotice) -> Void) {
        var session: PGConnection?
        var backoff = 0.1
        while !isStopping {
            do {
                if session == nil {
                    let connected = try PGConnection(conninfo: conninfo)
                    try connected.execute("LISTEN \(Self.channel)")
                    session = connected
                    backoff = 0.1
                    handler(.everything)
                }
                for heard in try session!.notifications(waitingUpTo: 0.2) where heard.channel == Self.channel {
                    handler(.township(heard.payload))
                }
            } catch {
                session?.close()
                session = nil
                pause(backoff)
                backoff = min(backoff * 2, 5)
            }
        }
        session?.close()
        lock.withLock {
            listening = false
            lock.signalAll()
        }
    }

    /// Sleeps `seconds` in short steps, so that `stop` is not kept waiting.
    private func pause(_ seconds: Double) {
        var left = seconds
        while left > 0 && !isStopping {
            usleep(100_000)
            left -= 0.1
        }
    }
}
