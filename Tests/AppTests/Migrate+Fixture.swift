import App
import Foundation
import Storage

/// A SQLite-backed DuPing in a fresh directory, whatever `DUPING_TEST_BACKEND` says: what
/// `duping migrate` copies from. The caller removes `directory` and shuts the app down.
struct MigrationSource {
    let directory = NSTemporaryDirectory() + "duping-migrate-" + UUID().uuidString
    /// The SQLite app's configuration, to start another app on the same directory.
    let configuration: AppConfiguration
    let app: Application
    let rootToken: String

    init(demo: Bool = false) throws {
        var configuration = AppConfiguration()
        configuration.dataDirectory = directory
        configuration.publicDirectory = directory + "/public-missing"
        configuration.server.port = 0
        configuration.server.accessLog = false
        configuration.demo = demo
        self.configuration = configuration
        app = try Application(configuration: configuration, openStore: SQLiteStore.open)
        rootToken = try String(contentsOfFile: directory + "/root.token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
