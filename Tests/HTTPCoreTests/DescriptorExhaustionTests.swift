import Foundation
import Glibc
import TestSupport
import Testing

/// Running out of file descriptors, on the real executable: `duping serve` runs in a child
/// process under `ulimit -n 64` (lowering the limit in the test process would starve the tests
/// running beside this one). New connections then fail, the ones already open keep working,
/// and service comes back when connections close.
@Suite struct DescriptorExhaustionTests {
    /// `duping serve` on a free port in a fresh data directory, with a low descriptor limit.
    final class Child {
        let process = Process()
        let directory = NSTemporaryDirectory() + "duping-fd-" + UUID().uuidString
        private(set) var port = 0

        init(executable: String, descriptorLimit: Int) throws {
            try FileManager.default.createDirectory(atPath: directory + "/public", withIntermediateDirectories: true)
            // A pages directory without index.html stops the start.
            _ = FileManager.default.createFile(atPath: directory + "/public/index.html", contents: Data("<p>".utf8))
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            // A long idle timeout: under ThreadSanitizer on a busy machine, filling the server
            // once took over a minute, and the default 60 s closed the first clients meanwhile
            // (which freed descriptors, so a new client was served and the old ones failed).
            process.arguments = [
                "-c",
                "ulimit -n \(descriptorLimit) && exec \"$0\" serve --port 0 --data \"$1\" "
                    + "--public \"$1/public\" --no-access-log --idle-timeout 3600",
                executable, directory,
            ]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            // Startup lines end with "duping listening on http://127.0.0.1:PORT".
            var port: Int?
            while port == nil {
                var line: [UInt8] = []
                while let byte = try output.fileHandleForReading.read(upToCount: 1)?.first, byte != 10 {
                    line.append(byte)
                }
                let text = String(decoding: line, as: UTF8.self)
                if text.contains("listening on") {
                    port = text.split(separator: ":").last.flatMap { Int($0) }
                } else if line.isEmpty && !process.isRunning {
                    break
                }
            }
            guard let port else { throw RawClient.ClientError.malformed }
            self.port = port
        }

        deinit {
            // Also runs when `init` throws, maybe before the child started: only stop a running one.
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// The `duping` executable built next to this test bundle.
    static var dupingPath: String? {
        guard let me = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            return nil
        }
        let path = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("duping").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// A keep-alive client that has had one `/healthz` answered, or nil when the server could
    /// not take the connection. A refusal is immediate (the server accepts with its spare
    /// descriptor and closes); the long timeout keeps a slow answer on a loaded machine (or under
    /// ThreadSanitizer) from counting as one.
    static func servedClient(port: Int) -> RawClient? {
        guard let client = try? RawClient(port: port, timeout: 10),
            (try? client.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").status) == 200
        else { return nil }
        return client
    }

    @Test func outOfDescriptorsRefusesNewConnectionsKeepsOldOnesAndRecovers() throws {
        let duping = try #require(Self.dupingPath, "build the duping product first")
        let child = try Child(executable: duping, descriptorLimit: 64)
        var open: [RawClient] = []
        // Fill until the server refuses three times in a row, so one slow answer on a loaded
        // machine does not end the filling early.
        var refusals = 0
        while open.count < 64 && refusals < 3 {
            if let client = Self.servedClient(port: child.port) {
                open.append(client)
                refusals = 0
            } else {
                refusals += 1
            }
        }
        #expect(open.count >= 10 && open.count < 64)
        for _ in 0..<3 {
            #expect(Self.servedClient(port: child.port) == nil)
        }
        for client in open {
            #expect((try? client.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").status) == 200)
        }
        open.removeLast(5)
        var recovered: RawClient?
        for _ in 0..<40 where recovered == nil {
            recovered = Self.servedClient(port: child.port)
            if recovered == nil { usleep(50_000) }
        }
        #expect(recovered != nil)
    }
}
