/// A function that turns a request into a response. It may block (SQLite): the server runs
/// handlers registered as blocking on worker threads, never on an event loop.
public typealias HTTPHandlerFunction = @Sendable (HTTPRequest) -> HTTPResponse

/// Delivers the response of a request whose handler finishes it later, from any thread. Call
/// it exactly once: the connection waits for it (its next pipelined request too).
public typealias HTTPResponder = @Sendable (HTTPResponse) -> Void

/// A handler that starts on a worker thread and answers through the responder when it is done,
/// so that it need not hold a worker while it waits (a ballot waiting for its group commit).
public typealias HTTPDeferredHandlerFunction = @Sendable (HTTPRequest, @escaping HTTPResponder) -> Void

/// What the server runs for one request, with the route pattern for metrics and logs.
public struct RouteResolution: Sendable {
    public var handler: HTTPHandlerFunction
    /// False only for handlers that never block (health, metrics, static files, cached bytes).
    public var mayBlock: Bool
    /// The route pattern (`/v1/townships/{code}`), or a fixed label such as `static` or `unmatched`.
    public var name: String
    /// Set for a route registered with `addDeferred`; `handler` is then not used.
    public var deferred: HTTPDeferredHandlerFunction? = nil
    /// A fast path tried on the event loop first (memory lookups only); when it answers nil,
    /// `handler` runs as usual.
    public var inline: HTTPInlineHandlerFunction? = nil
    /// The access log writes `-` for the client's address and the route's pattern for its path
    /// (a route whose senders stay unknown, or whose path holds a secret such as a lookup code).
    public var redactsLog = false
}

/// A handler's fast path that never blocks: a response from memory, or nil to run the handler.
public typealias HTTPInlineHandlerFunction = @Sendable (HTTPRequest) -> HTTPResponse?

/// Maps method and path to a handler. Path patterns use `{name}` segments, whose percent-decoded
/// values reach the handler in `request.pathParameters`. HEAD falls back to GET, OPTIONS is
/// answered from the routes (`Allow`), and a path known under other methods gets 405 with `Allow`.
public struct Router: Sendable {
    struct Route: Sendable {
        var method: String
        var segments: [Substring]
        var pattern: String
        var handler: HTTPHandlerFunction
        var mayBlock: Bool
        var deferred: HTTPDeferredHandlerFunction? = nil
        var inline: HTTPInlineHandlerFunction? = nil
        var redactsLog = false

        var resolution: RouteResolution {
            RouteResolution(
                handler: handler, mayBlock: mayBlock, name: pattern, deferred: deferred, inline: inline,
                redactsLog: redactsLog)
        }
    }

    private var routes: [Route] = []
    /// Routes without parameters by method and path, so the common exact paths skip the scan.
    private var exact: [ExactKey: Int] = [:]

    private struct ExactKey: Hashable, Sendable {
        var method: String
        var path: String
    }
    /// Answers GET/HEAD requests no route matched (static files); nil → 404.
    public var fallback: (@Sendable (HTTPRequest) -> HTTPResponse?)?
    /// Headers every response carries unless its handler set them (security headers).
    public var commonHeaders = HTTPHeaders()
    /// Rewrites each response of status 400 or more before it is sent, the router's own 404 and
    /// 405 included (the app translates problem details into the client's language). Responses
    /// below 400 never reach it, so it costs them nothing.
    public var errorFilter: (@Sendable (HTTPRequest, HTTPResponse) -> HTTPResponse)?

    public init() {}

    /// Registers `handler` for `method` and `pattern` (e.g. `/v1/rounds/{id}`).
    public mutating func add(
        _ method: String, _ pattern: String, mayBlock: Bool = true,
        _ handler: @escaping HTTPHandlerFunction
    ) {
        let key = ExactKey(method: method, path: pattern)
        if !pattern.contains("{"), exact[key] == nil { exact[key] = routes.count }
        routes.append(
            Route(
                method: method, segments: Self.split(pattern), pattern: pattern, handler: handler,
                mayBlock: mayBlock))
    }

    /// Registers a handler that answers through a responder (see `HTTPDeferredHandlerFunction`).
    /// It starts on a worker thread, like every handler that may block.
    public mutating func addDeferred(
        _ method: String, _ pattern: String, _ handler: @escaping HTTPDeferredHandlerFunction
    ) {
        add(method, pattern) { _ in preconditionFailure("a deferred route is started through its responder") }
        routes[routes.count - 1].deferred = handler
    }

    /// Registers a blocking `handler` with a fast path (`inline`) the event loop tries first, for
    /// answers that are usually in memory but sometimes need the database.
    public mutating func add(
        _ method: String, _ pattern: String, inline: @escaping HTTPInlineHandlerFunction,
        _ handler: @escaping HTTPHandlerFunction
    ) {
        add(method, pattern, handler)
        routes[routes.count - 1].inline = inline
    }

    /// Registers a handler whose requests the access log records without the client's address
    /// and with the pattern instead of the path (objections, whose senders must stay unknown;
    /// lookups whose path is a person's code).
    public mutating func addRedactingLog(
        _ method: String, _ pattern: String, _ handler: @escaping HTTPHandlerFunction
    ) {
        add(method, pattern, handler)
        routes[routes.count - 1].redactsLog = true
    }

    /// Every (method, pattern) pair, for documentation checks.
    public var routeTable: [(method: String, pattern: String)] {
        routes.map { ($0.method, $0.pattern) }
    }

    /// Methods that get a 404 on a path nothing serves. Any other method no route uses (`CONNECT`,
    /// `TRACE`, invented ones) gets 501 there instead (RFC 9110 §9.1); on a path that exists, every
    /// method not served gets 405 with `Allow`, as OpenAPI checkers such as schemathesis expect.
    static let recognizedMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    /// Finds what to run for `request`, filling in its path parameters.
    public func resolve(_ request: inout HTTPRequest) -> RouteResolution {
        let path = request.head.path
        if let index = exact[ExactKey(method: request.head.method, path: path)] {
            return routes[index].resolution
        }
        if path == "*" {
            let allow = allowHeader(Set(routes.map(\.method)))
            return fixed("options", HTTPResponse(status: 204, headers: ["Allow": allow]))
        }
        let segments = Self.split(path)
        var allowed: Set<String> = []
        var getMatch: (Route, [String: String])?
        for route in routes {
            guard let parameters = Self.match(route.segments, segments) else { continue }
            allowed.insert(route.method)
            if route.method == request.head.method {
                request.pathParameters = parameters
                return route.resolution
            }
            if route.method == "GET", getMatch == nil { getMatch = (route, parameters) }
        }
        if request.head.method == "HEAD", let (route, parameters) = getMatch {
            request.pathParameters = parameters
            return route.resolution
        }
        if !allowed.isEmpty {
            let allow = allowHeader(allowed)
            if request.head.method == "OPTIONS" {
                return fixed("options", HTTPResponse(status: 204, headers: ["Allow": allow]))
            }
            let detail = "\(request.head.method) is not allowed here; allowed: \(allow)."
            return fixed("method_not_allowed", Problem.response(status: 405, detail: detail, headers: ["Allow": allow]))
        }
        let method = request.head.method
        if let fallback, method == "GET" || method == "HEAD" {
            return RouteResolution(
                handler: { fallback($0) ?? Self.notFound($0) }, mayBlock: false, name: "static")
        }
        if !Self.recognizedMethods.contains(method), !routes.contains(where: { $0.method == method }) {
            let detail = "This server does not implement the request method."
            return fixed("not_implemented", Problem.response(status: 501, detail: detail))
        }
        if let fallback {
            return RouteResolution(
                handler: { Self.staticFileMethod($0, exists: fallback($0) != nil) }, mayBlock: false, name: "static")
        }
        return RouteResolution(handler: Self.notFound, mayBlock: false, name: "unmatched")
    }

    /// Another method than GET or HEAD on a path the fallback may serve: a file there allows
    /// only those (OPTIONS says so, anything else gets 405 with `Allow`); no file, 404.
    private static func staticFileMethod(_ request: HTTPRequest, exists: Bool) -> HTTPResponse {
        guard exists else { return notFound(request) }
        let allow = "GET, HEAD, OPTIONS"
        if request.head.method == "OPTIONS" { return HTTPResponse(status: 204, headers: ["Allow": allow]) }
        let detail = "\(request.head.method) is not allowed here; allowed: \(allow)."
        return Problem.response(status: 405, detail: detail, headers: ["Allow": allow])
    }

    private static func notFound(_ request: HTTPRequest) -> HTTPResponse {
        Problem.response(status: 404, detail: "Nothing is found at this path.")
    }

    private func fixed(_ name: String, _ response: HTTPResponse) -> RouteResolution {
        RouteResolution(handler: { _ in response }, mayBlock: false, name: name)
    }

    private func allowHeader(_ methods: Set<String>) -> String {
        var all = methods
        if all.contains("GET") { all.insert("HEAD") }
        all.insert("OPTIONS")
        return all.sorted().joined(separator: ", ")
    }

    /// The segments after the leading one: "/a/b" → ["a", "b"], "/" → [""], "" → [].
    /// Splits on the UTF-8 bytes ("/" is ASCII, so every cut is a valid String index): splitting
    /// by Character was ~12% of the instructions of a `/healthz` request (callgrind, issue 7).
    private static func split(_ path: String) -> [Substring] {
        var segments: [Substring] = []
        let utf8 = path.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "/") {
                segments.append(path[start..<index])
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        segments.append(path[start..<utf8.endIndex])
        segments.removeFirst()
        return segments
    }

    private static func match(_ pattern: [Substring], _ path: [Substring]) -> [String: String]? {
        guard pattern.count == path.count else { return nil }
        var parameters: [String: String] = [:]
        for (expected, actual) in zip(pattern, path) {
            if expected.first == "{" && expected.last == "}" {
                guard !actual.isEmpty, let value = PercentDecoding.decode(actual) else { return nil }
                parameters[String(expected.dropFirst().dropLast())] = value
            } else if expected != actual {
                return nil
            }
        }
        return parameters
    }
}
