import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A throwaway PostgreSQL cluster for the tests of the PostgreSQL backend (contract §14): `initdb`
/// into a temporary directory, `pg_ctl start` listening only on a Unix socket in that directory
/// (no TCP port, fsync on as in production), stopped and deleted when the test process exits.
///
/// One cluster per test process, started on first use; each test gets a database of its own
/// (`makeDatabase`). When PostgreSQL is not installed the suites that need it are disabled with
/// `skipReason`; with `DUPING_REQUIRE_POSTGRES=1` (set by `.ci/run`) they run anyway and fail on
/// the missing cluster instead of being skipped.
public final class PostgresCluster: Sendable {
    /// The socket directory, usable as libpq's `host`.
    public let socketDirectory: String
    public let binDirectory: String
    let directory: String
    let runAsPostgres: Bool

    /// Why PostgreSQL tests cannot run here, or nil when they can (or must, under CI).
    public static var skipReason: String? {
        if ProcessInfo.processInfo.environment["DUPING_REQUIRE_POSTGRES"] == "1" { return nil }
        if binDirectory() == nil {
            return "PostgreSQL is not installed (no initdb on PATH or in /usr/lib/postgresql/*/bin); "
                + "apt-get install postgresql to run these tests"
        }
        return nil
    }

    /// Whether the PostgreSQL suites should run; for `.enabled(if:)`.
    public static var shouldRun: Bool { skipReason == nil }

    private static let started: Result<PostgresCluster, ClusterError> = Result {
        () throws(ClusterError) -> PostgresCluster in
        try PostgresCluster()
    }

    /// The process's cluster, started on the first call.
    public static func shared() throws -> PostgresCluster {
        try started.get()
    }

    /// A conninfo for a new, empty database of its own.
    public func makeDatabase() throws -> String {
        let name = "t_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        try run("createdb", ["-h", socketDirectory, "-U", Self.superuser, name], asPostgres: false)
        return conninfo(database: name)
    }

    /// A conninfo for a new, empty database whose default collation orders text by language, as
    /// most servers' databases do (this cluster's own are `C`): the C library's `en_US.UTF-8`
    /// where the system has that locale, else ICU's `en-US`, which PostgreSQL carries itself.
    public func makeLanguageOrderedDatabase() throws -> String {
        let name = "t_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let choices = [
            ["--lc-collate=en_US.UTF-8", "--lc-ctype=en_US.UTF-8"], ["--locale-provider=icu", "--icu-locale=en-US"],
        ]
        var failure: ClusterError?
        for options in choices {
            do {
                try run(
                    "createdb", ["-h", socketDirectory, "-U", Self.superuser, "-T", "template0"] + options + [name],
                    asPostgres: false)
                return conninfo(database: name)
            } catch {
                failure = error
            }
        }
        throw failure!
    }

    public func conninfo(database: String) -> String {
        "host=\(socketDirectory) dbname=\(database) user=\(Self.superuser)"
    }

    static let superuser = "duping"

    /// What went wrong starting the cluster, with the log when there is one.
    public struct ClusterError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    private init() throws(ClusterError) {
        guard let bin = Self.binDirectory() else {
            throw ClusterError(
                description: "DUPING_REQUIRE_POSTGRES=1 but PostgreSQL is not installed (apt-get install postgresql)")
        }
        binDirectory = bin
        var template = Array("/tmp/duping-pg.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ClusterError(description: "mkdtemp failed: \(errno)") }
        directory = String(cString: made)
        socketDirectory = directory
        // PostgreSQL refuses to run as root; CI containers run as root, so the server runs as
        // the `postgres` user Debian's package creates, owning the directory.
        runAsPostgres = geteuid() == 0
        if runAsPostgres {
            guard let user = getpwnam("postgres") else {
                throw ClusterError(description: "running as root and there is no postgres user to run the server")
            }
            chown(directory, user.pointee.pw_uid, user.pointee.pw_gid)
        }
        try run(
            "initdb", ["-D", directory + "/data", "-U", Self.superuser, "-A", "trust", "-E", "UTF8", "--no-locale"],
            asPostgres: runAsPostgres)
        try run(
            "pg_ctl",
            [
                "-D", directory + "/data", "-l", directory + "/server.log", "-w", "-o",
                "-k \(directory) -c listen_addresses='' -c max_connections=200", "start",
            ], asPostgres: runAsPostgres)
        PostgresCluster.stopAtExit = (bin, directory, runAsPostgres)
        atexit {
            guard let (bin, directory, asPostgres) = PostgresCluster.stopAtExit else { return }
            PostgresCluster.stop(bin: bin, directory: directory, asPostgres: asPostgres)
        }
    }

    nonisolated(unsafe) private static var stopAtExit: (String, String, Bool)?

    private static func stop(bin: String, directory: String, asPostgres: Bool) {
        let arguments = ["-D", directory + "/data", "-m", "immediate", "-w", "stop"]
        _ = try? launch(bin + "/pg_ctl", arguments, asPostgres: asPostgres, log: "/dev/null")
        _ = try? launch("/bin/rm", ["-rf", directory], asPostgres: false, log: "/dev/null")
    }

    private func run(_ tool: String, _ arguments: [String], asPostgres: Bool) throws(ClusterError) {
        let log = directory + "/\(tool).out"
        let status: Int32
        do {
            status = try Self.launch(binDirectory + "/" + tool, arguments, asPostgres: asPostgres, log: log)
        } catch {
            throw ClusterError(description: "could not run \(tool): \(error)")
        }
        guard status == 0 else {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            let server = (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
            throw ClusterError(description: "\(tool) exited with \(status):\n\(output)\n\(server.suffix(2000))")
        }
    }

    /// Runs `path` to completion with its output in `log`; posix_spawn and waitpid rather than
    /// Foundation's `Process`, whose `waitUntilExit` never returned here once `pg_ctl` had left a
    /// server running in the background.
    private static func launch(_ path: String, _ arguments: [String], asPostgres: Bool, log: String) throws -> Int32 {
        let argv = asPostgres ? ["/usr/sbin/runuser", "-u", "postgres", "--", path] + arguments : [path] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else { throw ClusterError(description: "posix_spawn \(argv[0]) failed: \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// The directory holding `initdb` and `pg_ctl`: from PATH, else Debian's newest
    /// `/usr/lib/postgresql/<version>/bin`.
    static func binDirectory() -> String? {
        let fileManager = FileManager.default
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for entry in path.split(separator: ":") where fileManager.isExecutableFile(atPath: "\(entry)/initdb") {
            var resolved = (try? fileManager.destinationOfSymbolicLink(atPath: "\(entry)/initdb")) ?? "\(entry)/initdb"
            if !resolved.hasPrefix("/") { resolved = "\(entry)/\(resolved)" }
            let directory = (resolved as NSString).deletingLastPathComponent
            if fileManager.isExecutableFile(atPath: directory + "/pg_ctl") { return directory }
        }
        let versions = (try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let directory = "/usr/lib/postgresql/\(version)/bin"
            if fileManager.isExecutableFile(atPath: directory + "/initdb") { return directory }
        }
        return nil
    }
}
