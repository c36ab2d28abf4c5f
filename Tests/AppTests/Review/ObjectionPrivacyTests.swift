import Foundation
import Testing

/// An objection's sender stays unknown (contract §11): the access log of the real server writes
/// no address for it, while other requests keep theirs.
@Suite struct ObjectionPrivacyTests {
    @Test func theAccessLogHasNoAddressForAnObjection() throws {
        let directory = NSTemporaryDirectory() + "duping-objection-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let data = directory + "/data"
        let server = try ServerProcess(dataDirectory: data, logPath: directory + "/server.log")
        let root = try String(contentsOfFile: data + "/root.token", encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        func call(_ method: String, _ path: String, _ body: String? = nil, token: String? = nil) throws -> APIResponse {
            try TestApp.call(port: server.port, method, path, token: token, body: body)
        }
        _ = try call("POST", "/v1/townships", #"{"code":"nm","name":"牛马司镇"}"#, token: root)
        _ = try call("POST", "/v1/townships/nm/departments", #"{"name":"民政办"}"#, token: root)
        _ = try call("POST", "/v1/townships/nm/cadres", #"{"name":"张三","department_id":1}"#, token: root)
        _ = try call("POST", "/v1/townships/nm/assessments", #"{"year":2026}"#, token: root)
        #expect(try call("POST", "/v1/townships/nm/assessments/1/notice", #"{"days":5}"#, token: root).status == 200)
        let objection = try call(
            "POST", "/v1/public/townships/nm/assessments/1/objections", #"{"cadre_id":1,"text":"有意见"}"#)
        #expect(objection.status == 201)
        #expect(try call("GET", "/v1/public/townships/nm/assessments/1").status == 200)
        #expect(server.terminate() == 0)
        let lines = try String(contentsOfFile: directory + "/server.log", encoding: .utf8).split(separator: "\n")
        let objectionLines = lines.filter { $0.contains("/objections") }
        #expect(objectionLines.count == 1)
        #expect(objectionLines.allSatisfy { $0.contains(" - POST ") && !$0.contains("127.0.0.1") })
        #expect(lines.contains { $0.contains("GET /v1/public/townships/nm/assessments/1") && $0.contains("127.0.0.1") })
    }
}
