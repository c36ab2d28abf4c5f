import Foundation
import Glibc
import Testing

/// What the real `duping` writes when it starts (contract §2, §8): the root token only to a
/// terminal, otherwise the path of `root.token`; every line in the `--log-format`.
@Suite struct StartupLogTests {
    /// Under systemd or Docker standard output is a pipe or a file: the token must not reach it.
    @Test func notOnATerminalTheRootTokenIsNeverPrintedOnlyItsPath() throws {
        let scratch = try Scratch()
        let data = scratch.path + "/data"
        let server = try ServerProcess(dataDirectory: data, logPath: scratch.path + "/server.log")
        #expect(server.terminate() == 0)
        let token = try String(contentsOfFile: data + "/root.token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let log = try String(contentsOfFile: scratch.path + "/server.log", encoding: .utf8)
        #expect(token.hasPrefix("dpr_"))
        #expect(!log.contains(token))
        #expect(log.contains(data + "/root.token"))
    }

    /// A person starting `duping` in a terminal sees the token once.
    @Test func onATerminalTheRootTokenIsPrintedOnce() throws {
        let scratch = try Scratch()
        let data = scratch.path + "/data"
        let terminal = try PseudoTerminal()
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = ["serve", "--port", "0", "--data", data, "--public", ServerProcess.checkoutPublic]
        process.standardOutput = FileHandle(fileDescriptor: terminal.follower, closeOnDealloc: false)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = terminal.read(until: "listening on", seconds: 20)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let token = try String(contentsOfFile: data + "/root.token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(output.contains("listening on"))
        #expect(output.components(separatedBy: token).count == 2, "the token, once: \(output)")
    }

    /// With `--log-format json` every line — root token path, demo, listening, access log,
    /// shutting down — is one JSON object with `time`; start-up lines have `level` and `message`.
    @Test func withJSONLogFormatEveryLineIsAJSONObject() throws {
        let scratch = try Scratch()
        let server = try ServerProcess(
            dataDirectory: scratch.path + "/data", logPath: scratch.path + "/server.log",
            extraArguments: ["--log-format", "json", "--demo"])
        #expect(try TestApp.call(port: server.port, "GET", "/healthz").status == 200)
        #expect(server.terminate() == 0)
        let lines = try String(contentsOfFile: scratch.path + "/server.log", encoding: .utf8)
            .split(separator: "\n")
        let objects = lines.compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        #expect(objects.count == lines.count, "lines that are not JSON objects: \(lines)")
        #expect(objects.allSatisfy { $0["time"] is String })
        let messages = objects.compactMap { $0["message"] as? String }
        for expected in ["root.token", "Demo township", "listening on", "shutting down"] {
            #expect(messages.contains { $0.contains(expected) }, "no JSON line about \(expected)")
        }
        #expect(objects.contains { $0["path"] as? String == "/healthz" }, "the access log line")
    }

    /// A start that fails says why in the same format, on standard error.
    @Test func withJSONLogFormatAFailedStartIsAJSONErrorLine() throws {
        let scratch = try Scratch()
        let run = try ServerProcess.runToExit([
            "serve", "--port", "0", "--data", scratch.path + "/data", "--public", scratch.path + "/none",
            "--log-format", "json",
        ])
        #expect(run.status != 0)
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 1)
        let object = lines.first.flatMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        #expect(object?["level"] as? String == "error")
        #expect((object?["message"] as? String)?.contains(scratch.path + "/none") == true)
    }
}

/// A pseudo-terminal: a child writing to `follower` writes to a terminal; the test reads `leader`.
final class PseudoTerminal {
    let leader: Int32
    let follower: Int32

    /// Linux's ioctls on /dev/ptmx (posix_openpt and friends are hidden from Swift's Glibc):
    /// TIOCSPTLCK unlocks the follower, TIOCGPTN gives its number in /dev/pts.
    private static let unlock: UInt = 0x4004_5431
    private static let number: UInt = 0x8004_5430

    init() throws {
        leader = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlocked: Int32 = 0
        var index: Int32 = -1
        guard leader >= 0, ioctl(leader, Self.unlock, &unlocked) == 0, ioctl(leader, Self.number, &index) == 0 else {
            throw CocoaError(.fileNoSuchFile)
        }
        follower = open("/dev/pts/\(index)", O_RDWR | O_NOCTTY)
        guard follower >= 0 else { throw CocoaError(.fileNoSuchFile) }
    }

    /// What the child wrote until `marker` appeared or `seconds` passed.
    func read(until marker: String, seconds: Double) -> String {
        var text = ""
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !text.contains(marker) && Date() < deadline {
            var poller = pollfd(fd: leader, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let count = Glibc.read(leader, &buffer, buffer.count)
            guard count > 0 else { break }
            text += String(decoding: buffer[..<count], as: UTF8.self)
        }
        return text
    }

    deinit {
        close(follower)
        close(leader)
    }
}
