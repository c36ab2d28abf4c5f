import Primitives

/// Request counters, a latency histogram and the open-connection gauge, rendered in the
/// Prometheus text format (version 0.0.4). Other layers add their own lines through `collectors`.
public final class ServerMetrics: Sendable {
    struct Key: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    /// Upper bounds of the latency buckets, in seconds.
    static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    private struct State {
        var requests: [Key: Int] = [:]
        var bucketCounts = [Int](repeating: 0, count: ServerMetrics.buckets.count)
        var latencyCount = 0
        var latencySum = 0.0
        var openConnections: (@Sendable () -> Int)?
        var collectors: [@Sendable () -> String] = []
    }

    private let state = Locked(State())

    public init() {}

    var openConnections: (@Sendable () -> Int)? {
        get { state.withLock { $0.openConnections } }
        set { state.withLock { $0.openConnections = newValue } }
    }

    /// Adds a source of extra exposition lines (e.g. ballots accepted), rendered after the core's.
    public func addCollector(_ collector: @escaping @Sendable () -> String) {
        state.withLock { $0.collectors.append(collector) }
    }

    /// The `method` label of a request: its method when the router recognizes it, else `other`.
    /// A client may send any token as a method; counting each under its own name would let it
    /// grow `/metrics` (and this process) without bound.
    static func methodLabel(_ method: String) -> String {
        Router.recognizedMethods.contains(method) ? method : "other"
    }

    /// Counts one response. `route` and `method` must come from bounded sets: route patterns or
    /// fixed names such as `unmatched`, and `methodLabel`.
    func record(route: String, method: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests[Key(route: route, method: method, status: status), default: 0] += 1
            if let index = Self.buckets.firstIndex(where: { seconds <= $0 }) { state.bucketCounts[index] += 1 }
            state.latencyCount += 1
            state.latencySum += seconds
        }
    }

    /// The exposition text.
    public func render() -> String {
        let (snapshot, collectors) = state.withLock { ($0, $0.collectors) }
        var out = "# HELP duping_http_requests_total HTTP requests by route, method and status.\n"
        out += "# TYPE duping_http_requests_total counter\n"
        let keys = snapshot.requests.keys.sorted { ($0.route, $0.method, $0.status) < ($1.route, $1.method, $1.status) }
        for key in keys {
            out +=
                "duping_http_requests_total{route=\"\(Self.escape(key.route))\",method=\"\(Self.escape(key.method))\",status=\"\(key.status)\"} \(snapshot.requests[key]!)\n"
        }
        out += PrometheusText.histogram(
            "duping_http_request_duration_seconds", help: "Time from a complete request to its encoded response.",
            bounds: Self.buckets, bucketCounts: snapshot.bucketCounts, count: snapshot.latencyCount,
            sum: snapshot.latencySum)
        out += "# HELP duping_open_connections Client connections open now.\n"
        out += "# TYPE duping_open_connections gauge\n"
        out += "duping_open_connections \(snapshot.openConnections?() ?? 0)\n"
        for collector in collectors { out += collector() }
        return out
    }

    private static func escape(_ label: String) -> String {
        var out = ""
        for character in label {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }
}
