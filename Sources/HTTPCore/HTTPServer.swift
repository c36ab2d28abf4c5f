import CSystem
import Glibc
import Primitives
import Synchronization

/// What every event loop of one server shares.
final class ServerContext: Sendable {
    let configuration: ServerConfiguration
    let router: Router
    let workers: WorkerPool
    let metrics: ServerMetrics
    let log: AccessLog
    let listenFD: Int32
    let openConnections = Atomic<Int>(0)
    /// Every loop of the server, which accepted connections are dealt out to.
    let loops = LoopRing()
    /// The router's common headers, and their lines encoded once for every response.
    let commonHeaders: (headers: HTTPHeaders, names: [String], encoded: [UInt8])
    /// A descriptor kept open so that, when the process runs out of them, one can be freed to
    /// accept and close a pending connection instead of spinning on a listener that stays readable.
    private let spareFD = Locked<Int32>(-1)

    init(configuration: ServerConfiguration, router: Router, listenFD: Int32, metrics: ServerMetrics) {
        self.configuration = configuration
        self.router = router
        self.listenFD = listenFD
        self.metrics = metrics
        workers = WorkerPool(threads: configuration.workerThreads)
        commonHeaders = (
            router.commonHeaders, router.commonHeaders.fields.map(\.name),
            HTTPResponseEncoder.encodeFields(router.commonHeaders)
        )
        log = AccessLog(enabled: configuration.accessLog, format: configuration.logFormat)
        spareFD.withLock { $0 = open("/dev/null", O_RDONLY | O_CLOEXEC) }
    }

    /// Out of descriptors: accept one waiting connection with the spare and close it at once.
    func shedOneConnection() {
        spareFD.withLock { spare in
            guard spare >= 0 else { return }
            close(spare)
            let fd = cs_accept4(listenFD, nil, nil, Int32(SOCK_CLOEXEC.rawValue))
            if fd >= 0 { close(fd) }
            spare = open("/dev/null", O_RDONLY | O_CLOEXEC)
        }
    }

    /// Above `maxConnections`: answer 503 without reading and close.
    func rejectOverCapacity(_ fd: Int32) {
        let response = Problem.response(status: 503, detail: "The server has too many connections; try again shortly.")
        let bytes = HTTPResponseEncoder.encode(
            response, version: .http1_1, keepAlive: false, headOnly: false, date: HTTPDate.now(configuration.clock),
            extraFields: commonHeaders.encoded)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        openConnections.subtract(1, ordering: .relaxed)
    }
}

/// DuPing's HTTP/1.1 server: a shared non-blocking listener, one epoll loop per core, and a
/// worker pool for handlers that block.
public final class HTTPServer: Sendable {
    public let configuration: ServerConfiguration
    public let metrics: ServerMetrics
    /// The port actually bound (useful with port 0).
    public let port: Int
    private let context: ServerContext
    private let loops: [EventLoop]
    private let running: Countdown

    /// Binds the listener and starts the loops; requests are served once this returns.
    public init(configuration: ServerConfiguration, router: Router, metrics: ServerMetrics = ServerMetrics()) throws {
        signal(SIGPIPE, SIG_IGN)
        let (fd, port) = try Socket.listen(host: configuration.host, port: configuration.port)
        self.configuration = configuration
        self.metrics = metrics
        self.port = port
        let context = ServerContext(configuration: configuration, router: router, listenFD: fd, metrics: metrics)
        self.context = context
        let count = configuration.eventLoops > 0 ? configuration.eventLoops : Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        loops = try (0..<max(1, count)).map { _ in try EventLoop(context: context) }
        context.loops.set(loops)
        metrics.openConnections = { context.openConnections.load(ordering: .relaxed) }
        let running = Countdown(loops.count)
        self.running = running
        for loop in loops {
            startThread {
                loop.run()
                running.countDown()
            }
        }
    }

    /// How many connections each event loop holds now, read on each loop's own thread.
    func connectionsPerLoop() -> [Int] {
        let counts = Locked([Int](repeating: 0, count: loops.count))
        let done = Countdown(loops.count)
        for (index, loop) in loops.enumerated() {
            loop.execute {
                counts.withLock { $0[index] = loop.connectionCount }
                done.countDown()
            }
        }
        done.wait()
        return counts.withLock { $0 }
    }

    /// Stops accepting, answers every request already received, closes every connection and
    /// returns when all loops have finished (or `shutdownTimeout` has passed).
    public func shutdown() {
        let deadline = configuration.clock.monotonicSeconds() + configuration.shutdownTimeout
        // Refuse new connections at once (the descriptor is closed only when no loop uses it).
        Glibc.shutdown(context.listenFD, Int32(SHUT_RDWR))
        for loop in loops { loop.beginStop(deadline: deadline) }
        running.wait()
        context.loops.set([])  // the ring and the loops' context refer to each other
        close(context.listenFD)
        context.workers.stop()
        context.log.flush()
    }
}

/// The loops of one server, handed out in turn to the connections they accept.
final class LoopRing: @unchecked Sendable {
    // Safe: `loops` is set before any loop thread starts and emptied after they have all
    // finished (to break the ring ↔ context cycle); loop threads only read it in between.
    private var loops: [EventLoop] = []
    private let counter = Atomic<UInt>(0)

    func set(_ loops: [EventLoop]) { self.loops = loops }

    /// The loop for the next connection; nil once the server has stopped.
    func next() -> EventLoop? {
        guard !loops.isEmpty else { return nil }
        return loops[Int(counter.wrappingAdd(1, ordering: .relaxed).oldValue % UInt(loops.count))]
    }
}
