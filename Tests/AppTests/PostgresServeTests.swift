import App
import Foundation
import PostgresStorage
import Primitives
import Store
import TestSupport
import Testing

/// `duping serve --database …` on a throwaway PostgreSQL cluster (contract §14): the real
/// executable starts on PostgreSQL, the instance that creates the database writes root.token in
/// --data, the data outlives the process, and the URL's password never reaches the output.
@Suite(.requiresPostgresForApp) struct PostgresServeTests {
    static let password = "s3cret-Pa55word"

    /// A URL with a password for a new database of the cluster (the cluster trusts local
    /// sessions, so the password is only there to be hidden).
    static func databaseURL() throws -> String {
        let cluster = try PostgresCluster.shared()
        let conninfo = try cluster.makeDatabase()
        let name = conninfo.split(separator: " ").first { $0.hasPrefix("dbname=") }!.dropFirst(7)
        return "postgresql://duping:\(password)@/\(name)?host=\(cluster.socketDirectory)"
    }

    @Test func servesFromPostgresWritesRootTokenOnceAndKeepsDataAcrossRestarts() throws {
        let directory = NSTemporaryDirectory() + "duping-pg-serve-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let url = try Self.databaseURL()
        let data = directory + "/data"
        let first = try ServerProcess(
            dataDirectory: data, logPath: directory + "/first.log", extraArguments: ["--database", url])
        let root = try String(contentsOfFile: data + "/root.token", encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(!FileManager.default.fileExists(atPath: data + "/duping.sqlite"), "no SQLite database on PostgreSQL")
        let created = try TestApp.call(
            port: first.port, "POST", "/v1/townships", token: root, body: #"{"code":"nm","name":"牛马司镇"}"#)
        #expect(created.status == 201)
        #expect(first.terminate() == 0)

        // The same database from the environment, with a data directory of its own: the database
        // already has its root token, so this instance writes none.
        let otherData = directory + "/other"
        var environment = ProcessInfo.processInfo.environment
        environment["DUPING_DATABASE_URL"] = url
        let second = try ServerProcess(
            dataDirectory: otherData, logPath: directory + "/second.log", environment: environment)
        let fetched = try TestApp.call(port: second.port, "GET", "/v1/townships/nm", token: root)
        #expect(fetched.status == 200)
        #expect(fetched.json["name"]?.stringValue == "牛马司镇")
        #expect(!FileManager.default.fileExists(atPath: otherData + "/root.token"))
        #expect(second.terminate() == 0)

        for log in ["first.log", "second.log"] {
            let text = try String(contentsOfFile: directory + "/" + log, encoding: .utf8)
            #expect(text.contains("duping storage: PostgreSQL at postgresql://duping:***@/"), "\(log): \(text)")
            #expect(!text.contains(Self.password), "\(log) shows the password")
        }
    }

    @Test func backupOnPostgresExitsTwoNamingPgDump() throws {
        let directory = NSTemporaryDirectory() + "duping-pg-backup-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let url = try Self.databaseURL()
        let flagged = try Self.run(["backup", "--data", directory, "--database", url, directory + "/copy"])
        #expect(flagged.status == 2)
        #expect(flagged.output.contains("pg_dump --format=custom --file=\(directory)/copy"), "\(flagged.output)")
        #expect(!flagged.output.contains(Self.password))

        // From the environment with no SQLite database in the data directory: the same refusal.
        let fromEnvironment = try Self.run(
            ["backup", "--data", directory, directory + "/copy"], environment: ["DUPING_DATABASE_URL": url])
        #expect(fromEnvironment.status == 2)
        #expect(fromEnvironment.output.contains("pg_dump"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/copy"))
    }

    @Test func anAddressThatIsNeitherURLNorConninfoIsAUsageError() throws {
        let result = try Self.run(["serve", "--port", "0", "--data", "/nonexistent", "--database", "mysql://u:pw@h/db"])
        #expect(result.status == 64)
        #expect(result.output.contains("not a postgresql:// URL"))
        #expect(!result.output.contains("pw@"), "the password is hidden: \(result.output)")
    }

    /// Runs `duping` to completion; its exit status and standard output and error together.
    static func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

/// Several instances starting together on one new PostgreSQL database make one root token.
@Suite(.requiresPostgresForApp) struct PostgresRootTokenTests {
    @Test func instancesStartingTogetherOnANewDatabaseWriteOneRootToken() throws {
        let conninfo = try PostgresCluster.shared().makeDatabase()
        let base = NSTemporaryDirectory() + "duping-pg-root-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let directories = (0..<4).map { base + "/instance\($0)" }
        let apps = Locked([Application]())
        DispatchQueue.concurrentPerform(iterations: directories.count) { index in
            var configuration = AppConfiguration()
            configuration.dataDirectory = directories[index]
            configuration.publicDirectory = base + "/public-missing"
            configuration.server.port = 0
            configuration.server.accessLog = false
            let opener: (String, any TimeSource) throws -> any DataStore = { _, clock in
                try PostgresStore(conninfo: conninfo, clock: clock, poolSize: 2)
            }
            if let app = try? Application(configuration: configuration, openStore: opener) {
                apps.withLock { $0.append(app) }
            }
        }
        defer { apps.withLock { $0.forEach { $0.shutdown() } } }
        #expect(apps.withLock { $0.count } == directories.count)
        let tokens = directories.filter { FileManager.default.fileExists(atPath: $0 + "/root.token") }
        #expect(tokens.count == 1, "root.token in \(tokens)")
        let roots = try apps.withLock { try $0[0].store.read { try $0.access.hasRootCredential() } }
        #expect(roots)
    }
}
