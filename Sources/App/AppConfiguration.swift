import HTTPCore
import Primitives

/// Everything `duping serve` can be told, with the defaults of contract §8.
public struct AppConfiguration: Sendable {
    public var server = ServerConfiguration()
    /// The one clock of the whole server (it lives in `server`): "today" (UTC+8), timestamps,
    /// timeouts and windows all come from it; tests set a `ManualClock`.
    public var clock: any TimeSource {
        get { server.clock }
        set { server.clock = newValue }
    }
    /// Directory holding the database and `root.token`; created 0700 when missing.
    public var dataDirectory = "./data"
    /// Directory of the web pages served at `/`.
    public var publicDirectory = "./Public"
    /// Whether the first start may print the root token itself (`duping serve` sets it when
    /// standard output is a terminal); otherwise only the path of `root.token` is announced.
    public var revealRootToken = false
    /// Fill an empty database with a sample township (`--demo`).
    public var demo = false
    /// Unknown ballot codes one address may try per `ballotFailureWindow` seconds before 429.
    public var ballotFailureLimit = 20
    public var ballotFailureWindow: Double = 600
    /// Reverse proxies whose `X-Forwarded-For` names the client for that throttle (IP literals).
    public var trustedProxies: [String] = []
    /// Fair use (contract §8): most departments, cadres, projects or evaluators per township.
    public var registryLimit = 5_000
    /// Fair use: most subjects (cadres, departments and projects together) in one round.
    public var roundSubjectLimit = 2_000
    /// The address evaluators' phones open, for the links and QR codes on ballot slips
    /// (`--public-url`, e.g. `https://duping.example.gov.cn`); nil: the request's `Host`.
    public var publicURL: String?

    public init() {}
}
