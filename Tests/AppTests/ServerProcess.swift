import Foundation
import Glibc

/// The real `duping` executable in a child process, for tests that must kill it.
final class ServerProcess {
    let process = Process()
    let logPath: String
    private(set) var port = 0

    /// The `duping` executable built beside the test bundle.
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("duping")
    /// The checkout's `Public` directory (the pages).
    static let checkoutPublic = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Public").path

    /// Runs `duping` to its end; standard output and error together.
    static func runToExit(
        _ arguments: [String], environment: [String: String]? = nil, currentDirectory: String? = nil
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: bytes, as: UTF8.self))
    }

    /// Starts `duping serve` on a free port with `dataDirectory` and the checkout's pages; waits
    /// until it listens. `arguments` replaces the whole command line when given, `binary` the
    /// executable.
    init(
        dataDirectory: String, logPath: String, extraArguments: [String] = [], arguments: [String]? = nil,
        environment: [String: String]? = nil, currentDirectory: String? = nil, binary: String? = nil
    ) throws {
        self.logPath = logPath
        process.executableURL = binary.map { URL(fileURLWithPath: $0) } ?? Self.binary
        process.arguments =
            arguments
            ?? ["serve", "--port", "0", "--data", dataDirectory, "--public", Self.checkoutPublic] + extraArguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        for _ in 0..<500 {
            if let text = try? String(contentsOfFile: logPath, encoding: .utf8),
                let port = Self.listeningPort(in: text)
            {
                self.port = port
                return
            }
            if !process.isRunning { break }
            usleep(20_000)
        }
        if process.isRunning { process.terminate() }
        throw CocoaError(.fileReadUnknown)
    }

    /// The port of the "duping listening on http://HOST:PORT" line, in either log format.
    static func listeningPort(in log: String) -> Int? {
        guard let line = log.split(separator: "\n").last(where: { $0.contains("duping listening on http://") }),
            let afterColon = line.split(separator: ":").last
        else { return nil }
        return Int(afterColon.prefix(while: \.isNumber))
    }

    /// SIGKILL: no chance to flush or clean up, like a power cut for the process.
    func kill9() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func terminate() -> Int32 {
        Glibc.kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        return process.terminationStatus
    }
}
