import CPostgres
import Glibc

extension PGConnection {
    /// One `NOTIFY` heard on a channel this session `LISTEN`s to.
    public struct Notification: Sendable, Equatable {
        public var channel: String
        public var payload: String
    }

    /// Waits up to `timeout` seconds for the server to send something, then returns the
    /// notifications that have arrived (possibly none). Throws when the session is lost.
    public func notifications(waitingUpTo timeout: Double) throws(PGError) -> [Notification] {
        var heard = drainNotifications()
        guard heard.isEmpty else { return heard }
        let socket = PQsocket(handle)
        guard socket >= 0 else { throw .connectionFailure("the session has no socket", sql: nil) }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32((timeout * 1000).rounded()))
        guard ready > 0 else { return [] }
        guard PQconsumeInput(handle) == 1 else {
            throw .connectionFailure(String(cString: PQerrorMessage(handle)), sql: nil)
        }
        heard = drainNotifications()
        return heard
    }

    private func drainNotifications() -> [Notification] {
        var heard: [Notification] = []
        while let notify = PQnotifies(handle) {
            heard.append(
                Notification(
                    channel: String(cString: notify.pointee.relname), payload: String(cString: notify.pointee.extra)))
            PQfreemem(notify)
        }
        return heard
    }
}
