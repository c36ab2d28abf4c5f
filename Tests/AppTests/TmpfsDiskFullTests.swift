import Foundation
import Glibc
import Testing

/// The real thing where the machine allows it (root may mount a small tmpfs): the data directory
/// runs out of space, ballots and registry writes get a clear 503, reads keep working, nothing
/// is corrupted, and writes succeed again once the file system has room. `DiskFullTests` checks
/// the same through SQLite's size cap everywhere.
@Suite(.serialized) struct TmpfsDiskFullTests {
    static let canMount: Bool = {
        let probe = NSTemporaryDirectory() + "duping-mount-probe-" + UUID().uuidString
        guard (try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)) != nil else {
            return false
        }
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard mount("tmpfs", probe, "tmpfs", 0, "size=64k") == 0 else { return false }
        umount(probe)
        return true
    }()

    @Test(.enabled(if: canMount, "needs permission to mount a tmpfs"))
    func fullTmpfsGives503AndRecoversWhenSpaceIsFreed() throws {
        let directory = NSTemporaryDirectory() + "duping-tmpfs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(mount("tmpfs", directory, "tmpfs", 0, "size=2m") == 0)
        defer {
            umount2(directory, Int32(MNT_DETACH))
            try? FileManager.default.removeItem(atPath: directory)
        }
        let data = directory + "/data"
        let server = try ServerProcess(
            dataDirectory: data, logPath: NSTemporaryDirectory() + "duping-tmpfs-\(UUID()).log")
        let root = try String(contentsOfFile: data + "/root.token", encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        func call(_ method: String, _ path: String, _ body: String? = nil) throws -> APIResponse {
            try TestApp.call(port: server.port, method, path, token: root, body: body)
        }
        #expect(try call("POST", "/v1/townships", #"{"code":"nm","name":"牛马司镇"}"#).status == 201)
        let longName = String(repeating: "办", count: 90)
        var created = 0
        var last: APIResponse?
        for batch in 0..<400 {
            let rows = (0..<50).map { #"{"name":"\#(longName)\#(batch)-\#($0)"}"# }.joined(separator: ",")
            let response = try call("POST", "/v1/townships/nm/departments", "[\(rows)]")
            last = response
            if response.status != 201 { break }
            created += 50
        }
        #expect(last?.status == 503)
        #expect(last?.header("Content-Type") == "application/problem+json")
        #expect(try TestApp.call(port: server.port, "GET", "/healthz").status == 200)
        let listed = try call("GET", "/v1/townships/nm/departments?limit=1000")
        #expect(listed.status == 200)
        // Free space: the same file system grows, as when an operator clears the disk.
        #expect(mount("tmpfs", directory, "tmpfs", UInt(MS_REMOUNT), "size=32m") == 0)
        #expect(try call("POST", "/v1/townships/nm/departments", #"{"name":"新部门"}"#).status == 201)
        #expect(server.terminate() == 0)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = [
            "sqlite3", data + "/duping.sqlite", "PRAGMA integrity_check; SELECT count(*) FROM departments;",
        ]
        let output = Pipe()
        check.standardOutput = output
        if (try? check.run()) != nil {
            check.waitUntilExit()
            let lines = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(
                separator: "\n")
            #expect(lines.first == "ok")
            #expect(
                lines.last == Substring(String(created + 1)),
                "exactly the acknowledged rows, nothing of the failed batch")
        }
    }
}
