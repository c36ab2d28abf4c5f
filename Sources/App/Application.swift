import Domain
import Glibc
import HTTPCore
import Storage

/// A running DuPing: the database, the credentials and the HTTP server with every route.
/// Used by `duping serve` and by the tests.
public final class Application: Sendable {
    public let configuration: AppConfiguration
    public let server: HTTPServer
    public let database: Database
    private let committer: GroupCommitter

    /// Opens (or creates) the data directory and database, makes the root token on first start,
    /// and starts serving; returns once requests are accepted.
    public init(configuration: AppConfiguration, announce: @Sendable (String) -> Void = { _ in }) throws {
        self.configuration = configuration
        for proxy in configuration.trustedProxies where !Self.isIPAddress(proxy) {
            throw APIError(500, "trusted proxy '\(proxy)' is not an IPv4 or IPv6 address")
        }
        try DataDirectory.prepare(configuration.dataDirectory)
        database = try Database(
            path: DataDirectory.databasePath(configuration.dataDirectory), migrations: Schema.migrations)
        let access = AccessStore(database: database)
        try RootToken.ensure(access: access, dataDirectory: configuration.dataDirectory, announce: announce)
        committer = GroupCommitter(database: database)
        if configuration.demo,
            try DemoData.seedIfEmpty(
                database: database, committer: committer, dataDirectory: configuration.dataDirectory)
        {
            announce(
                "Demo township 牛马司镇 (niumasi) created: board at /board.html?township=niumasi&round=1; "
                    + "ballot codes of the open quarterly round in \(configuration.dataDirectory)/demo-ballot-codes.txt"
            )
        }
        let metrics = ServerMetrics()
        let router = Self.makeRouter(
            configuration: configuration, database: database, committer: committer, metrics: metrics)
        do {
            server = try HTTPServer(configuration: configuration.server, router: router, metrics: metrics)
        } catch {
            // Port taken, say: leave no writer thread or open database behind.
            committer.stop()
            database.close()
            throw error
        }
    }

    /// Whether `text` is an IPv4 or IPv6 address literal (what `trustedProxies` takes).
    public static func isIPAddress(_ text: String) -> Bool {
        ClientAddress.canonical(text) != nil
    }

    /// The port the server listens on.
    public var port: Int { server.port }

    /// Graceful stop: answers what was received, closes every connection, then the database.
    public func shutdown() {
        server.shutdown()
        committer.stop()
        database.close()
    }

    static func makeRouter(
        configuration: AppConfiguration, database: Database, committer: GroupCommitter, metrics: ServerMetrics
    ) -> Router {
        var router = Router()
        router.commonHeaders = SecurityHeaders.all
        let healthy = HTTPResponse.json(["status": "ok"])  // encoded once: probes hit this often
        router.add("GET", "/healthz", mayBlock: false) { _ in healthy }
        router.add("GET", "/v1/openapi.json", mayBlock: false, OpenAPIDocument.response)
        // Blocking: the rounds-by-state gauge reads the database.
        router.add("GET", "/metrics") { _ in
            HTTPResponse(
                status: 200, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"],
                body: Array(metrics.render().utf8))
        }
        let access = AccessStore(database: database)
        let auth = Authenticator(access: access)
        TownshipRoutes(access: access, auth: auth).register(in: &router)
        let registry = RegistryStore(database: database)
        for spec in Registry.all {
            RegistryRoutes(spec: spec, store: registry, auth: auth, limit: configuration.registryLimit).register(
                in: &router)
        }
        let ballots = BallotStore(database: database, committer: committer)
        let rounds = RoundRoutes(
            rounds: RoundStore(database: database), ballots: ballots, auth: auth,
            subjectLimit: configuration.roundSubjectLimit)
        rounds.register(in: &router)
        let throttle = FailureThrottle(
            limit: configuration.ballotFailureLimit, window: configuration.ballotFailureWindow)
        let counters = BallotCounters()
        AppMetrics.install(on: metrics, database: database, ballots: counters)
        let clientAddress = ClientAddress(trustedProxies: configuration.trustedProxies) ?? .direct
        BallotRoutes(
            ballots: ballots, rounds: rounds, auth: auth, throttle: throttle, clientAddress: clientAddress,
            counters: counters
        ).register(in: &router)
        ArchiveRoutes(archive: ArchiveStore(database: database), registry: registry, auth: auth).register(in: &router)
        PublicRoutes(database: database, access: access).register(in: &router)
        let files = StaticFiles(root: configuration.publicDirectory)
        router.fallback = { request in files.response(rawPath: request.path, headers: request.headers) }
        return router
    }
}

/// The data directory: created owner-only (0700) when missing.
enum DataDirectory {
    static func prepare(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 { return }
        guard mkdir(path, 0o700) == 0 else {
            throw APIError(500, "cannot create data directory \(path): errno \(errno)")
        }
    }

    static func databasePath(_ directory: String) -> String { directory + "/duping.sqlite" }
    static func rootTokenPath(_ directory: String) -> String { directory + "/root.token" }
}
