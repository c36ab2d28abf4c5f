import App
import Foundation
import PostgresStorage
import Storage
import TestSupport
import Testing

/// `duping migrate` as a user runs it: the built executable, its exit status and what it prints.
@Suite(.requiresPostgresForApp) struct MigrateCommandTests {
    /// Runs `duping` with `arguments`; exit status and everything it printed.
    static func duping(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func copiesOnceRefusesTwiceAndNeverPrintsThePasswordOrTokens() throws {
        // SQLite whatever DUPING_TEST_BACKEND says: that is what migrate copies from.
        let directory = NSTemporaryDirectory() + "duping-migrate-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var configuration = AppConfiguration()
        configuration.dataDirectory = directory
        configuration.publicDirectory = directory + "/public-missing"
        configuration.server.port = 0
        configuration.server.accessLog = false
        let app = try Application(configuration: configuration, openStore: SQLiteStore.open)
        let rootToken = try String(contentsOfFile: directory + "/root.token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let created = try TestApp.call(
            port: app.port, "POST", "/v1/townships", token: rootToken, body: #"{"code":"niumasi","name":"牛马司镇"}"#)
        #expect(created.status == 201)
        app.shutdown()
        // The cluster trusts local sockets, so the password is never checked, only shown.
        let conninfo = try PostgresCluster.shared().makeDatabase() + " password=s3cret-pw"
        let first = try Self.duping(["migrate", "--from", directory, "--to", conninfo])
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("password=***"))
        #expect(first.output.contains("row counts equal"))
        #expect(!first.output.contains("s3cret-pw"))
        #expect(!first.output.contains(rootToken))

        let again = try Self.duping(["migrate", "--from", directory, "--to", conninfo])
        #expect(again.status == 1)
        #expect(again.output.contains("already holds DuPing data"))
        #expect(!again.output.contains("s3cret-pw"))

        let missing = try Self.duping(["migrate", "--from", directory + "/nowhere", "--to", conninfo])
        #expect(missing.status == 1 && missing.output.contains("no DuPing database"))
    }
}
