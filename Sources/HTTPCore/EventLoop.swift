import CSystem
import Glibc
import Primitives

/// One thread running an epoll loop: accepts from the shared listener, reads, parses, runs
/// non-blocking handlers inline, hands blocking ones to the worker pool, and writes responses.
/// Connections belong to exactly one loop and are only touched on its thread.
final class EventLoop: @unchecked Sendable {
    // Safe: everything but `pendingTasks` is touched only on the loop's own thread; the task
    // queue is guarded by `taskLock` and the loop is woken through an eventfd.
    let context: ServerContext
    /// The server's clock, for sweeps and for each connection.
    let clock: any TimeSource
    private let epollFD: Int32
    private let wakeFD: Int32
    private var connections: [Connection?] = []
    private(set) var connectionCount = 0
    private let taskLock = Lock()
    private var pendingTasks: [() -> Void] = []
    private(set) var stopping = false
    private var stopDeadline = Double.infinity
    private var listening = true
    private var nextSweep = 0.0
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    var requestIDs = RequestID.Generator()

    init(context: ServerContext) throws {
        self.context = context
        clock = context.configuration.clock
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard epollFD >= 0, wakeFD >= 0 else { throw Socket.Failure(call: "epoll_create1/eventfd", code: errno) }
        register(wakeFD, events: EPOLLIN.rawValue)
        // EPOLLEXCLUSIVE: one loop wakes per new connection instead of all of them.
        register(context.listenFD, events: EPOLLIN.rawValue | EPOLLEXCLUSIVE.rawValue)
    }

    /// Runs `task` on the loop thread soon. Callable from any thread.
    /// Only the task that finds the queue empty writes the eventfd: the loop reads the eventfd
    /// before it takes the queue, so a task queued behind others is run with them.
    func execute(_ task: @escaping () -> Void) {
        let first = taskLock.withLock {
            pendingTasks.append(task)
            return pendingTasks.count == 1
        }
        guard first else { return }
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    /// Starts a graceful stop: no more accepting; idle connections close; in-flight requests finish.
    func beginStop(deadline: Double) {
        execute { [self] in
            stopping = true
            stopDeadline = deadline
            if listening {
                epoll_ctl(epollFD, EPOLL_CTL_DEL, context.listenFD, nil)
                listening = false
            }
            for case let connection? in connections { connection.serverStopping() }
        }
    }

    /// The loop body; returns once a graceful stop has finished.
    func run() {
        let capacity: Int32 = 256
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: Int(capacity))
        defer { events.deallocate() }
        while !(stopping && connectionCount == 0) {
            let ready = epoll_wait(epollFD, events, capacity, 250)
            for index in 0..<Int(max(ready, 0)) {
                let fd = cs_epoll_event_fd(events + index)
                let flags = events[index].events
                if fd == wakeFD {
                    runPendingTasks()
                } else if fd == context.listenFD {
                    acceptConnections()
                } else if let connection = connection(fd) {
                    connection.handle(events: flags)
                }
            }
            let now = clock.monotonicSeconds()
            if now >= nextSweep {
                nextSweep = now + 0.25
                sweep(now: now)
            }
        }
        close(epollFD)
        close(wakeFD)
    }

    private func runPendingTasks() {
        var value: UInt64 = 0
        _ = read(wakeFD, &value, 8)
        let tasks = taskLock.withLock {
            let tasks = pendingTasks
            pendingTasks.removeAll(keepingCapacity: true)
            return tasks
        }
        for task in tasks { task() }
    }

    /// Accepts the waiting connections and deals them out to the loops in turn: whichever loop
    /// the kernel wakes takes a whole burst (wrk opens 64 connections at once), and a loop that
    /// kept them all would serve them alone while the others idled.
    private func acceptConnections() {
        for _ in 0..<64 {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    cs_accept4(context.listenFD, $0, &length, Int32(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue))
                }
            }
            if fd < 0 {
                if errno == EMFILE || errno == ENFILE { context.shedOneConnection() }
                return
            }
            if context.openConnections.add(1, ordering: .relaxed).newValue > context.configuration.maxConnections {
                context.rejectOverCapacity(fd)
                continue
            }
            Socket.setNoDelay(fd)
            let remote = Socket.addressText(storage)
            let target = context.loops.next() ?? self
            if target === self {
                adopt(fd, remote: remote)
            } else {
                target.execute { target.adopt(fd, remote: remote) }
            }
        }
    }

    /// Takes on a connection accepted by any loop; a loop already stopping closes it.
    private func adopt(_ fd: Int32, remote: String) {
        guard !stopping else {
            close(fd)
            context.openConnections.subtract(1, ordering: .relaxed)
            return
        }
        let connection = Connection(fd: fd, remote: remote, loop: self)
        if Int(fd) >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: Int(fd) + 1 - connections.count + 64))
        }
        connections[Int(fd)] = connection
        connectionCount += 1
        register(fd, events: EPOLLIN.rawValue)
    }

    private func connection(_ fd: Int32) -> Connection? {
        Int(fd) < connections.count ? connections[Int(fd)] : nil
    }

    /// Timeouts are checked a few times a second rather than with one timer per connection.
    private func sweep(now: Double) {
        let forced = stopping && now > stopDeadline
        for case let connection? in connections {
            if forced { connection.closeNow() } else { connection.checkTimeouts(now: now) }
        }
        context.log.flush()
    }

    // MARK: Used by connections

    func register(_ fd: Int32, events: UInt32) {
        var event = epoll_event()
        event.events = events
        cs_epoll_event_set_fd(&event, fd)
        epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event)
    }

    func modify(_ fd: Int32, events: UInt32) {
        var event = epoll_event()
        event.events = events
        cs_epoll_event_set_fd(&event, fd)
        epoll_ctl(epollFD, EPOLL_CTL_MOD, fd, &event)
    }

    func forget(_ fd: Int32) {
        epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, nil)
        connections[Int(fd)] = nil
        connectionCount -= 1
        context.openConnections.subtract(1, ordering: .relaxed)
    }
}
