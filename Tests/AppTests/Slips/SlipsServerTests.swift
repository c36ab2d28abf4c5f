import Foundation
import Testing

/// Slips from the real `duping` executable: `--public-url` in their links, and no code in the
/// access log although the page that shows them and the ballots that use them went through it.
@Suite struct SlipsServerTests {
    @Test func linksUseThePublicURLAndTheLogHasNoCode() throws {
        let directory = NSTemporaryDirectory() + "duping-slips-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let data = directory + "/data"
        let log = directory + "/server.log"
        let server = try ServerProcess(
            dataDirectory: data, logPath: log, extraArguments: ["--public-url", "https://duping.example.gov.cn/nm/"])
        let root = try String(contentsOfFile: data + "/root.token", encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        func call(_ method: String, _ path: String, _ body: String? = nil, token: String? = nil, html: Bool = false)
            throws -> APIResponse
        {
            try TestApp.call(
                port: server.port, method, path, token: token ?? root, body: body,
                headers: html ? SlipsAPITests.html : [:])
        }
        let base = "/v1/townships/nm"
        #expect(try call("POST", "/v1/townships", #"{"code":"nm","name":"牛马司镇"}"#).status == 201)
        #expect(try call("POST", "\(base)/departments", #"{"name":"民政办"}"#).status == 201)
        #expect(try call("POST", "\(base)/cadres", #"{"name":"张三","department_id":1}"#).status == 201)
        #expect(
            try call(
                "POST", "\(base)/evaluators",
                #"[{"name":"李四","category":"deputy"},{"name":"王五","category":"deputy"}]"#
            ).status == 201)
        let round = #"{"title":"2026年第三季度季评","kind":"quarterly","period":"2026-Q3","evaluator_ids":[1,2]}"#
        #expect(try call("POST", "\(base)/rounds", round).status == 201)
        let slips = try Slip.all(in: try call("POST", "\(base)/rounds/1/open", html: true).raw.text)
        #expect(slips.count == 2)
        #expect(slips.allSatisfy { $0.link == "https://duping.example.gov.cn/nm/ballot.html#token=\($0.code)" })
        let reissued = try Slip.all(in: try call("POST", "\(base)/rounds/1/tokens/2/reissue", html: true).raw.text)
        let codes = [slips[0].code] + reissued.map(\.code)
        #expect(codes.count == 2)
        let ballot = #"{"supervision":[{"cadre_id":1,"village_time":80,"attitude":85,"completion":90}]}"#
        for code in codes {
            #expect(try call("GET", "/v1/ballot", token: code).status == 200)
            #expect(try call("POST", "/v1/ballot", ballot, token: code).status == 201)
        }
        #expect(server.terminate() == 0)

        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains("POST \(base)/rounds/1/open"), "the access log is on")
        #expect(text.contains("POST /v1/ballot"))
        for code in codes + slips.map(\.code) {
            let bare = code.replacingOccurrences(of: "-", with: "")
            #expect(!text.contains(code) && !text.contains(bare) && !text.lowercased().contains(bare.lowercased()))
        }
    }

    @Test(arguments: ["ftp://duping.example", "https://duping.example/?township=nm", "duping.example"])
    func aPublicURLThatIsNotOneStopsTheStart(url: String) throws {
        let directory = NSTemporaryDirectory() + "duping-slips-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("duping")
        process.arguments = ["serve", "--port", "0", "--data", directory, "--public-url", url]
        let output = Pipe()
        process.standardError = output
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(text.contains("--public-url"))
    }
}
