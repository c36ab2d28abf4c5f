import Primitives

/// Every limit and timeout of the server in one place (contract §8: all configurable).
public struct ServerConfiguration: Sendable {
    /// Wall and monotonic time for every timeout and `Date` field; tests pass a `ManualClock`.
    public var clock: any TimeSource = SystemClock()
    public var host: String = "127.0.0.1"
    /// 0 picks a free port (tests); the bound port is reported by `HTTPServer.port`.
    public var port: Int = 8080
    /// Event-loop threads; 0 means one per CPU core.
    public var eventLoops: Int = 0
    /// Threads that run handlers which may block (SQLite).
    public var workerThreads: Int = 16
    public var maxHeaderBytes: Int = 16 * 1024
    public var maxBodyBytes: Int = 1 << 20
    /// A request head must arrive completely within this time from its first byte (slowloris).
    public var headerTimeout: Double = 10
    /// A request body must have arrived this long after the head's time is up (a whole request
    /// gets `headerTimeout + bodyTimeout`, so a trickling body cannot hold a connection).
    public var bodyTimeout: Double = 30
    /// A keep-alive connection with nothing to do is closed after this long.
    public var idleTimeout: Double = 60
    /// A client that does not read its responses is dropped after this long without progress.
    public var writeTimeout: Double = 30
    /// Connections beyond this number are answered 503 and closed.
    public var maxConnections: Int = 20_000
    /// Bytes of unsent responses after which a connection stops reading (backpressure). What a
    /// client that pipelines and never reads can make the server hold: this plus one response.
    public var outboundHighWater: Int = 256 * 1024
    /// How long a graceful shutdown waits for in-flight requests before closing anyway.
    public var shutdownTimeout: Double = 10
    /// Whether to write one access-log line per request to standard output.
    public var accessLog: Bool = true
    /// `text` (one readable line) or `json` (one JSON object per line).
    public var logFormat: AccessLog.Format = .text

    public init() {}

    var parserLimits: HTTPParserLimits {
        HTTPParserLimits(maxHeaderBytes: maxHeaderBytes, maxBodyBytes: maxBodyBytes)
    }
}
