import Foundation
import Testing

/// `Scripts/quarterly-review.sh` run end to end against a live `duping serve` child process:
/// a generated panel CSV, slips, ballots cast with the printed codes, turnout, close, results.csv
/// and publication, plus the failure paths (API detail on stderr, non-zero exit, no token leaks).
@Suite struct QuarterlyReviewScriptTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/quarterly-review.sh").path

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the script with `arguments`; the token comes from `environment` or a file argument.
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"].merging(
            environment
        ) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The panel file: BOM, CRLF and a village column, as Excel saves "CSV UTF-8".
    static func panelCSV() -> String {
        let categories = ["deputy", "village_cadre", "retired_cadre", "contact_household"]
        var lines = ["name,category,village"]
        for (index, category) in categories.enumerated() {
            for member in 0..<3 { lines.append("督评员\(index)-\(member),\(category),\(member == 0 ? "牛马司村" : "")") }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test func wholeQuarterlyReviewRunsFromTheScript() throws {
        let directory = NSTemporaryDirectory() + "duping-qr-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try ServerProcess(dataDirectory: directory + "/data", logPath: directory + "/server.log")
        defer { _ = server.terminate() }
        let port = server.port
        let root = try String(contentsOfFile: directory + "/data/root.token", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        func call(_ method: String, _ path: String, _ body: String? = nil, token: String? = nil) throws -> APIResponse {
            try TestApp.call(port: port, method, path, token: token ?? root, body: body)
        }
        #expect(try call("POST", "/v1/townships", #"{"code":"niumasi","name":"牛马司镇"}"#).status == 201)
        let admin =
            try call("POST", "/v1/townships/niumasi/tokens", #"{"label":"县委组织部"}"#).json["token"]?.stringValue ?? ""
        let s = "/v1/townships/niumasi"
        #expect(try call("POST", s + "/departments", #"[{"name":"党政办"},{"name":"财政所"}]"#).status == 201)
        #expect(
            try call(
                "POST", s + "/cadres",
                #"[{"name":"张三","department_id":1},{"name":"李四","department_id":2},{"name":"王五","department_id":1}]"#
            ).status == 201)
        // Registered before: the script must reuse this evaluator, not create a second one.
        #expect(try call("POST", s + "/evaluators", #"{"name":"督评员0-0","category":"deputy"}"#).status == 201)
        _ = FileManager.default.createFile(atPath: directory + "/panel.csv", contents: Data(Self.panelCSV().utf8))
        _ = FileManager.default.createFile(
            atPath: directory + "/admin.token", contents: Data((admin + "\n").utf8),
            attributes: [.posixPermissions: 0o600])
        let common = ["--server", "http://127.0.0.1:\(port)", "--township", "niumasi", "--period", "2026-Q1"]
        let withFile = common + ["--token-file", directory + "/admin.token"]
        var outputs: [String] = []
        func script(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
            let run = try Self.run(arguments, environment: environment, in: directory)
            outputs += [run.stdout, run.stderr]
            return run
        }

        // A draft left for the period (say, by a run that stopped) is reused, not duplicated.
        #expect(
            try call(
                "POST", s + "/rounds", #"{"title":"草稿","kind":"quarterly","period":"2026-Q1","evaluator_ids":[1]}"#
            ).status == 201)
        let started = try script(withFile + ["--slips", "slips.txt", "run", "panel.csv"])
        #expect(started.status == 0, "\(started.stderr)")
        #expect(started.stdout.contains("reusing draft round 1"))
        #expect(started.stdout.contains("12 ballot slips written to slips.txt"))
        #expect(try call("GET", s + "/evaluators").items.count == 12, "existing evaluator reused")
        let slips = try String(contentsOfFile: directory + "/slips.txt", encoding: .utf8)
        let codes = slips.split(separator: "\n").filter { $0.hasPrefix("测评码: ") }.map { String($0.dropFirst(5)) }
        #expect(codes.count == 12)
        #expect(slips.contains("http://127.0.0.1:\(port)/ballot.html#token=\(codes[0])"))
        let mode = try FileManager.default.attributesOfItem(atPath: directory + "/slips.txt")[.posixPermissions] as? Int
        #expect(mode == 0o600, "slips hold live codes")

        let ballot =
            #"{"supervision":[{"cadre_id":1,"village_time":90,"attitude":90,"completion":90},{"cadre_id":2,"village_time":70,"attitude":70,"completion":70}],"most_satisfied":{"cadre_id":1},"least_satisfied":{"cadre_id":2}}"#
        for code in codes.prefix(9) { #expect(try call("POST", "/v1/ballot", ballot, token: code).status == 201) }

        let turnout = try script(common + ["turnout"], environment: ["DUPING_TOKEN": admin])
        #expect(turnout.status == 0 && turnout.stdout.contains("9 of 12 voted"), "\(turnout.stdout)\(turnout.stderr)")
        #expect(try script(withFile + ["close"]).status == 0)
        let again = try script(withFile + ["close"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("HTTP 409") && again.stderr.contains("The round is closed"), "\(again.stderr)")
        let rerun = try script(withFile + ["run", "panel.csv"])
        #expect(
            rerun.status == 1 && rerun.stderr.contains("already has a quarterly round (id 1: closed)"),
            "\(rerun.stderr)")
        let results = try script(withFile + ["results", "--out", "results.csv"])
        #expect(results.status == 0, "\(results.stderr)")
        let csv = try Data(contentsOf: URL(fileURLWithPath: directory + "/results.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with BOM for Excel")
        #expect(String(decoding: csv, as: UTF8.self).contains("排名,姓名,部门"))
        _ = FileManager.default.createFile(
            atPath: directory + "/commentary.txt", contents: Data("镇党委讲评：张三同志表现突出。\n".utf8))
        let published = try script(withFile + ["publish", "--commentary-file", "commentary.txt"])
        #expect(published.status == 0, "\(published.stderr)")
        let board = try call("GET", "/v1/public/townships/niumasi/rounds/1")
        #expect(board.json["commentary"]?.stringValue == "镇党委讲评：张三同志表现突出。\n")
        #expect(board.json["receipts"]?.arrayValue?.count == 9)

        _ = FileManager.default.createFile(atPath: directory + "/wrong.token", contents: Data("dpa_wrong".utf8))
        let refused = try script(common + ["--token-file", directory + "/wrong.token", "turnout"])
        #expect(refused.status == 1 && refused.stderr.contains("HTTP 401"), "\(refused.stderr)")
        let onCommandLine = try script(common + ["--token", admin, "turnout"])
        #expect(onCommandLine.status != 0)
        for output in outputs { #expect(!output.contains(admin), "the admin token is never printed") }
        let log = try String(contentsOfFile: directory + "/server.log", encoding: .utf8)
        #expect(!log.contains(admin) && !codes.contains { log.contains($0) }, "no token in the access log")
    }
}
