import Domain
import Glibc
import HTTPCore
import Primitives
import Store

/// A running DuPing: the database, the credentials and the HTTP server with every route.
/// Used by `duping serve` and by the tests.
public final class Application: Sendable {
    public let configuration: AppConfiguration
    public let server: HTTPServer
    /// The storage backend, opened by the `openStore` given to `init`.
    public let store: any DataStore

    /// Opens (or creates) the data directory and the store (`openStore` gets the database path
    /// in the data directory), makes the root token on first start, and starts serving; returns
    /// once requests are accepted.
    public init(
        configuration: AppConfiguration, openStore: (String, any TimeSource) throws -> any DataStore,
        announce: @Sendable (String) -> Void = { _ in }
    ) throws {
        self.configuration = configuration
        for proxy in configuration.trustedProxies where !Self.isIPAddress(proxy) {
            throw APIError(500, "trusted proxy '\(proxy)' is not an IPv4 or IPv6 address")
        }
        if let url = configuration.publicURL, Self.validatedPublicURL(url) == nil {
            throw APIError(500, "public URL '\(url)' is not an http or https URL without query or fragment")
        }
        try DataDirectory.prepare(configuration.dataDirectory)
        store = try openStore(DataDirectory.databasePath(configuration.dataDirectory), configuration.clock)
        do {
            try RootToken.ensure(
                store: store, dataDirectory: configuration.dataDirectory,
                reveal: configuration.revealRootToken, announce: announce)
        } catch {
            store.close()
            throw error
        }
        if configuration.demo,
            try DemoData.seedIfEmpty(
                store: store, dataDirectory: configuration.dataDirectory, clock: configuration.clock)
        {
            announce(
                "Demo township 牛马司镇 (niumasi) created: board at /board.html?township=niumasi&round=1; "
                    + "ballot codes of the open quarterly round in \(configuration.dataDirectory)/demo-ballot-codes.txt, "
                    + "request codes in \(configuration.dataDirectory)/demo-request-codes.txt"
            )
        }
        let metrics = ServerMetrics()
        let listening = Locked(configuration.server.port)
        let router = Self.makeRouter(configuration: configuration, store: store, metrics: metrics, port: listening)
        do {
            server = try HTTPServer(configuration: configuration.server, router: router, metrics: metrics)
            listening.withLock { [port = server.port] in $0 = port }
        } catch {
            // Port taken, say: leave no writer thread or open database behind.
            store.close()
            throw error
        }
    }

    /// Whether `text` is an IPv4 or IPv6 address literal (what `trustedProxies` takes).
    public static func isIPAddress(_ text: String) -> Bool {
        ClientAddress.canonical(text) != nil
    }

    /// `text` as a public URL for ballot slips (http or https, no query or fragment) without
    /// trailing slashes, or nil when it is not one.
    public static func validatedPublicURL(_ text: String) -> String? {
        BallotLinks.validatedPublicURL(text)
    }

    /// The port the server listens on.
    public var port: Int { server.port }

    /// Graceful stop: answers what was received, closes every connection, then the database.
    public func shutdown() {
        server.shutdown()
        store.close()
    }

    static func makeRouter(
        configuration: AppConfiguration, store: any DataStore, metrics: ServerMetrics, port: Locked<Int> = Locked(0)
    ) -> Router {
        var router = Router()
        router.commonHeaders = SecurityHeaders.all
        router.errorFilter = ProblemTranslator.filter
        let healthy = HTTPResponse.json(["status": "ok"])  // encoded once: probes hit this often
        router.add("GET", "/healthz", mayBlock: false) { _ in healthy }
        router.add("GET", "/v1/openapi.json", mayBlock: false, OpenAPIDocument.response)
        // Blocking: the rounds-by-state gauge reads the database.
        router.add("GET", "/metrics") { _ in
            HTTPResponse(
                status: 200, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"],
                body: Array(metrics.render().utf8))
        }
        let auth = Authenticator(store: store)
        let scope = TownshipScope(auth: auth)
        let boards = ResponsibilityCache()
        let changes = TownshipChanges(store: store, boards: boards)
        store.changes.listen { notice in
            switch notice {
            case .township(let code): boards.invalidate(township: code)
            case .everything: boards.invalidateAll()
            }
        }
        TownshipRoutes(store: store, auth: auth, changes: changes).register(in: &router)
        for spec in Registry.all {
            RegistryRoutes(
                spec: spec, store: store, scope: scope, limit: configuration.registryLimit, changes: changes
            ).register(in: &router)
        }
        CadreTokenRoutes(store: store, scope: scope).register(in: &router)
        ResponsibilityRoutes(
            store: store, scope: scope, clock: configuration.clock, cache: boards, changes: changes
        ).register(in: &router)
        let host = configuration.server.host
        let links = BallotLinks(
            publicURL: configuration.publicURL.flatMap(BallotLinks.validatedPublicURL),
            listenAddress: { (host.contains(":") ? "[\(host)]" : host) + ":\(port.withLock { $0 })" })
        let rounds = RoundRoutes(
            store: store, scope: scope, subjectLimit: configuration.roundSubjectLimit, changes: changes, links: links)
        rounds.register(in: &router)
        let throttle = FailureThrottle(
            scope: "ballot-codes", limit: configuration.ballotFailureLimit,
            window: configuration.ballotFailureWindow, ledger: store.throttleLedger)
        let counters = BallotCounters()
        AppMetrics.install(on: metrics, store: store, ballots: counters)
        let clientAddress = ClientAddress(trustedProxies: configuration.trustedProxies) ?? .direct
        BallotRoutes(
            ballots: store.ballotBox, store: store, rounds: rounds, auth: auth, throttle: throttle,
            clientAddress: clientAddress,
            counters: counters
        ).register(in: &router)
        ArchiveRoutes(store: store, scope: scope).register(in: &router)
        QuarterlyReviewRoutes(store: store, scope: scope).register(in: &router)
        AssessmentRoutes(
            store: store, scope: scope, clock: configuration.clock,
            objectionLimit: FailureThrottle(scope: "objections", limit: 5, window: 3600, ledger: store.throttleLedger),
            clientAddress: clientAddress
        ).register(in: &router)
        PeopleRoutes(store: store, scope: scope, clock: configuration.clock).register(in: &router)
        RequestRoutes(store: store, scope: scope, clock: configuration.clock).register(in: &router)
        RequestLookupRoute(
            store: store, clock: configuration.clock,
            throttle: FailureThrottle(
                scope: "request-codes", limit: configuration.ballotFailureLimit,
                window: configuration.ballotFailureWindow, ledger: store.throttleLedger),
            clientAddress: clientAddress
        ).register(in: &router)
        PublicRoutes(store: store).register(in: &router)
        let files = StaticFiles(root: configuration.publicDirectory)
        router.fallback = { request in files.response(rawPath: request.path, headers: request.headers) }
        return router
    }
}

/// The data directory: created owner-only (0700) when missing, and where its files lie.
public enum DataDirectory {
    static func prepare(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 { return }
        guard mkdir(path, 0o700) == 0 else {
            throw APIError(500, "cannot create data directory \(path): errno \(errno)")
        }
    }

    /// The SQLite database in `directory`.
    public static func databasePath(_ directory: String) -> String { directory + "/duping.sqlite" }
    static func rootTokenPath(_ directory: String) -> String { directory + "/root.token" }
}
