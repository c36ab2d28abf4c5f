import App
import ArgumentParser
import Glibc
import HTTPCore

/// The `duping` command: `serve` (default) and maintenance subcommands.
struct Duping: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "DuPing (督评): cadre evaluation server for townships.",
        version: Version.number,
        subcommands: [Serve.self, Backup.self, VerifyArchive.self, Migrate.self],
        defaultSubcommand: Serve.self)
}

/// Flags may also come from the environment: `DUPING_HOST`, `DUPING_PORT`, `DUPING_DATA`,
/// `DUPING_DATABASE_URL`, `DUPING_PUBLIC`, `DUPING_PUBLIC_URL`, `DUPING_LOG_FORMAT` (the Debian package's /etc/default/duping sets them).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the HTTP server.")
    private static func environment(_ name: String) -> String? { PublicPages.environment(name) }

    @Option(help: "Address to listen on (IPv4 or IPv6 literal, or 'localhost'). Env DUPING_HOST.")
    var host: String = environment("DUPING_HOST") ?? "127.0.0.1"
    @Option(help: "TCP port; 0 picks a free one. Env DUPING_PORT.")
    var port: Int = Int(environment("DUPING_PORT") ?? "") ?? 8080
    @Option(help: "Data directory (database, root.token). Env DUPING_DATA.")
    var data: String = environment("DUPING_DATA") ?? "./data"
    @Option(
        help:
            "PostgreSQL instead of SQLite in --data: a postgresql:// (or postgres://) URL or a libpq key=value conninfo; --data then keeps only root.token and demo files. Env DUPING_DATABASE_URL."
    )
    var database: String?
    @Option(
        name: .customLong("public"),
        help:
            "Directory of the web pages. Env DUPING_PUBLIC; default the pages installed with the binary (../share/duping/Public), else ./Public."
    )
    var publicDirectory: String?
    @Option(
        name: .customLong("public-url"),
        help:
            "Address evaluators' phones open, for the links and QR codes on ballot slips (http or https, e.g. https://duping.example.gov.cn); default: the request's Host. Env DUPING_PUBLIC_URL."
    )
    var publicURLFlag: String?
    /// `--public-url`, else a non-empty `DUPING_PUBLIC_URL`.
    private var publicURL: String? {
        publicURLFlag ?? Self.environment("DUPING_PUBLIC_URL").flatMap { $0.isEmpty ? nil : $0 }
    }
    @Flag(help: "Fill an empty database with a sample township and a published round.")
    var demo = false
    @Option(help: "Largest request body in bytes.") var maxBodyBytes = 1 << 20
    @Option(help: "Largest request header section in bytes.") var maxHeaderBytes = 16 * 1024
    @Option(help: "Seconds a request head may take to arrive.") var headerTimeout = 10.0
    @Option(help: "Seconds an idle keep-alive connection stays open.") var idleTimeout = 60.0
    @Option(help: "Most client connections at once.") var maxConnections = 20_000
    @Flag(inversion: .prefixedNo, help: "Write one access-log line per request.") var accessLog = true
    @Option(help: "Format of every log line (access log, start-up, errors): text or json. Env DUPING_LOG_FORMAT.")
    var logFormat: AccessLog.Format = environment("DUPING_LOG_FORMAT").flatMap(AccessLog.Format.init) ?? .text
    @Option(help: "Unknown ballot codes one address may try per 10 minutes before 429.") var ballotFailureLimit = 20
    @Option(help: "Most departments, cadres, projects or evaluators (each) per township.") var maxRegistryRows = 5_000
    @Option(help: "Most subjects (cadres, departments and projects) in one round.") var maxRoundSubjects = 2_000
    @Option(
        name: .customLong("trusted-proxy"),
        help: "A reverse proxy's address (repeatable): its X-Forwarded-For names the client for that limit.")
    var trustedProxies: [String] = []

    func validate() throws {
        if let address = StoreChoice.databaseAddress(flag: database), let problem = StoreChoice.problem(with: address) {
            throw ValidationError(problem)
        }
        for proxy in trustedProxies where !Application.isIPAddress(proxy) {
            throw ValidationError("--trusted-proxy '\(proxy)' is not an IPv4 or IPv6 address.")
        }
        if let publicURL, Application.validatedPublicURL(publicURL) == nil {
            throw ValidationError(
                "--public-url '\(publicURL)' is not an http or https URL (host, optional port and path; no query or fragment)."
            )
        }
    }

    func run() throws {
        ProcessLog.format = logFormat
        do {
            try serve()
        } catch {
            let reason = (error as? APIError)?.detail ?? String(describing: error)
            ProcessLog.write("duping cannot start: \(reason)", level: .error, to: STDERR_FILENO)
            throw ExitCode.failure
        }
    }

    /// Checks the pages, opens the data and listens; returns after SIGTERM or SIGINT.
    private func serve() throws {
        let pages = publicDirectory ?? PublicPages.defaultDirectory()
        if let problem = PublicPages.problem(with: pages) { throw APIError(500, problem) }
        var configuration = AppConfiguration()
        configuration.server.host = host
        configuration.server.port = port
        configuration.server.maxBodyBytes = maxBodyBytes
        configuration.server.maxHeaderBytes = maxHeaderBytes
        configuration.server.headerTimeout = headerTimeout
        configuration.server.idleTimeout = idleTimeout
        configuration.server.maxConnections = maxConnections
        configuration.server.accessLog = accessLog
        configuration.server.logFormat = logFormat
        configuration.ballotFailureLimit = ballotFailureLimit
        configuration.registryLimit = maxRegistryRows
        configuration.roundSubjectLimit = maxRoundSubjects
        configuration.trustedProxies = trustedProxies
        configuration.dataDirectory = data
        configuration.publicDirectory = pages
        configuration.demo = demo
        configuration.publicURL = publicURL
        configuration.revealRootToken = isatty(STDOUT_FILENO) == 1

        let signals = ShutdownSignals()
        let address = StoreChoice.databaseAddress(flag: database)
        ProcessLog.write(StoreChoice.description(address: address, dataDirectory: data))
        let app = try Application(configuration: configuration, openStore: StoreChoice.opener(address: address)) {
            ProcessLog.write($0)
        }
        ProcessLog.write("duping listening on http://\(host.contains(":") ? "[\(host)]" : host):\(app.port)")
        signals.wait()
        ProcessLog.write("duping: shutting down")
        app.shutdown()
    }
}

extension AccessLog.Format: ExpressibleByArgument {}

/// Blocks SIGTERM and SIGINT in every thread (the mask is inherited by threads started later)
/// so that the main thread can wait for them and stop the server gracefully.
struct ShutdownSignals {
    private var set = sigset_t()

    init() {
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    func wait() {
        var set = self.set
        var received: Int32 = 0
        sigwait(&set, &received)
    }
}

Duping.main()
