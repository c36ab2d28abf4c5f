import App
import Foundation
import PostgresStorage
import Storage
import TestSupport
import Testing

/// `duping migrate` as a user runs it: the built executable, its exit status and what it prints.
@Suite(.requiresPostgresForApp) struct MigrateCommandTests {
    @Test func copiesOnceRefusesTwiceAndNeverPrintsThePasswordOrTokens() throws {
        let source = try MigrationSource()
        let (directory, app, rootToken) = (source.directory, source.app, source.rootToken)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let created = try TestApp.call(
            port: app.port, "POST", "/v1/townships", token: rootToken, body: #"{"code":"niumasi","name":"牛马司镇"}"#)
        #expect(created.status == 201)
        app.shutdown()
        // The cluster trusts local sockets, so the password is never checked, only shown.
        let conninfo = try PostgresCluster.shared().makeDatabase() + " password=s3cret-pw"
        let first = try ServerProcess.runToExit(["migrate", "--from", directory, "--to", conninfo])
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("password=***"))
        #expect(first.output.contains("row counts equal"))
        #expect(!first.output.contains("s3cret-pw"))
        #expect(!first.output.contains(rootToken))

        let again = try ServerProcess.runToExit(["migrate", "--from", directory, "--to", conninfo])
        #expect(again.status == 1)
        #expect(again.output.contains("already holds DuPing data"))
        #expect(!again.output.contains("s3cret-pw"))

        let missing = try ServerProcess.runToExit(["migrate", "--from", directory + "/nowhere", "--to", conninfo])
        #expect(missing.status == 1 && missing.output.contains("no DuPing database"))
    }
}
