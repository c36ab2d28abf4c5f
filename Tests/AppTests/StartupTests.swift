import App
import Foundation
import Glibc
import Testing

/// How the real `duping` executable starts (contract §2, §8): its version, where its pages come
/// from, where the root token goes, and the format of its start-up lines.
@Suite struct StartupTests {
    @Test func versionFlagPrintsTheVersion() throws {
        let run = try ServerProcess.runToExit(["--version"])
        #expect(run.status == 0)
        #expect(run.output.trimmingCharacters(in: .whitespacesAndNewlines) == Version.number)
    }

    @Test func aMissingPagesDirectoryStopsTheStartNamingPathAndFlag() throws {
        let scratch = try Scratch()
        let missing = scratch.path + "/no-such-pages"
        let run = try ServerProcess.runToExit([
            "serve", "--port", "0", "--data", scratch.path + "/data", "--public", missing,
        ])
        #expect(run.status != 0)
        #expect(run.output.contains(missing) && run.output.contains("--public"))
        #expect(!run.output.contains("listening on"))
    }

    @Test func aPagesDirectoryWithoutIndexStopsTheStart() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path + "/empty", withIntermediateDirectories: true)
        let run = try ServerProcess.runToExit(
            ["serve", "--port", "0", "--data", scratch.path + "/data", "--public", scratch.path + "/empty"])
        #expect(run.status != 0)
        #expect(run.output.contains("index.html") && run.output.contains("--public"))
    }

    /// Outside a checkout, without `--public`: no `./Public` to fall back on, so no start.
    @Test func withoutPagesBesideTheBinaryOrInTheWorkingDirectoryTheStartStops() throws {
        let scratch = try Scratch()
        let run = try ServerProcess.runToExit(
            ["serve", "--port", "0", "--data", scratch.path + "/data"], environment: Self.environmentWithoutPublic,
            currentDirectory: scratch.path)
        #expect(run.status != 0)
        #expect(run.output.contains("./Public") && run.output.contains("--public"))
    }

    /// Installed as `<prefix>/bin/duping`, the pages in `<prefix>/share/duping/Public` are served
    /// without `--public`, whatever the working directory.
    @Test func pagesInstalledBesideTheBinaryAreTheDefault() throws {
        let scratch = try Scratch()
        let prefix = scratch.path + "/usr"
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try Self.writePage(in: prefix + "/share/duping/Public", marker: "installed-pages")
        try Self.writePage(in: scratch.path + "/Public", marker: "working-directory-pages")
        let binary = prefix + "/bin/duping"
        if link(ServerProcess.binary.path, binary) != 0 {
            try FileManager.default.copyItem(atPath: ServerProcess.binary.path, toPath: binary)
        }
        let server = try ServerProcess(
            dataDirectory: scratch.path + "/data", logPath: scratch.path + "/server.log",
            arguments: ["serve", "--port", "0", "--data", scratch.path + "/data"],
            environment: Self.environmentWithoutPublic, currentDirectory: scratch.path, binary: binary)
        let page = try TestApp.call(port: server.port, "GET", "/")
        #expect(server.terminate() == 0)
        #expect(page.status == 200 && page.raw.text.contains("installed-pages"))
    }

    /// In a checkout (no installed pages beside the build), `./Public` is the default, and
    /// `DUPING_PUBLIC` comes before it.
    @Test func workingDirectoryPagesAreTheFallbackAndTheEnvironmentComesFirst() throws {
        let scratch = try Scratch()
        try Self.writePage(in: scratch.path + "/Public", marker: "working-directory-pages")
        try Self.writePage(in: scratch.path + "/elsewhere", marker: "environment-pages")
        let fallback = try ServerProcess(
            dataDirectory: scratch.path + "/data", logPath: scratch.path + "/first.log",
            arguments: ["serve", "--port", "0", "--data", scratch.path + "/data"],
            environment: Self.environmentWithoutPublic, currentDirectory: scratch.path)
        let fromCheckout = try TestApp.call(port: fallback.port, "GET", "/")
        #expect(fallback.terminate() == 0)
        #expect(fromCheckout.raw.text.contains("working-directory-pages"))

        var environment = Self.environmentWithoutPublic
        environment["DUPING_PUBLIC"] = scratch.path + "/elsewhere"
        let configured = try ServerProcess(
            dataDirectory: scratch.path + "/data", logPath: scratch.path + "/second.log",
            arguments: ["serve", "--port", "0", "--data", scratch.path + "/data"],
            environment: environment, currentDirectory: scratch.path)
        let fromEnvironment = try TestApp.call(port: configured.port, "GET", "/")
        #expect(configured.terminate() == 0)
        #expect(fromEnvironment.raw.text.contains("environment-pages"))
    }

    // MARK: - Helpers

    /// The test process's environment without `DUPING_PUBLIC`, so defaults are what is tested.
    static var environmentWithoutPublic: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["DUPING_PUBLIC"] = nil
        environment["DUPING_LOG_FORMAT"] = nil
        return environment
    }

    static func writePage(in directory: String, marker: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data("<!doctype html><title>\(marker)</title>".utf8).write(
            to: URL(fileURLWithPath: directory + "/index.html"))
    }
}

/// A fresh directory under the system's temporary directory, removed when the test ends.
final class Scratch {
    let path = NSTemporaryDirectory() + "duping-startup-" + UUID().uuidString

    init() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
