import Foundation
import Glibc

/// The real `duping` executable in a child process, for tests that must kill it.
final class ServerProcess {
    let process = Process()
    let logPath: String
    private(set) var port = 0

    /// Starts `duping serve` on a free port with `dataDirectory`; waits until it listens.
    init(dataDirectory: String, logPath: String, extraArguments: [String] = []) throws {
        self.logPath = logPath
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "duping")
        process.executableURL = binary
        process.arguments =
            ["serve", "--port", "0", "--data", dataDirectory, "--public", dataDirectory + "/no-pages"] + extraArguments
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        for _ in 0..<500 {
            if let text = try? String(contentsOfFile: logPath, encoding: .utf8),
                let line = text.split(separator: "\n").last(where: { $0.hasPrefix("duping listening on") }),
                let port = Int(line.split(separator: ":").last ?? "")
            {
                self.port = port
                return
            }
            usleep(20_000)
        }
        process.terminate()
        throw CocoaError(.fileReadUnknown)
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
