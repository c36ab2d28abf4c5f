import Foundation
import Testing

/// Diary entries and request summaries can hold villagers' names (contract §12): the real
/// server never puts them on a public route, in a log line or in `/metrics`, in either log
/// format.
@Suite struct PeoplePrivacyTests {
    static let secrets = ["刘某某低保", "13912345678", "王大妈家漏雨", "李老汉山林纠纷"]

    @Test(arguments: ["text", "json"])
    func noPublicRouteLogOrMetricCarriesThem(format: String) throws {
        let directory = NSTemporaryDirectory() + "duping-privacy-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let data = directory + "/data"
        let server = try ServerProcess(
            dataDirectory: data, logPath: directory + "/server.log", extraArguments: ["--log-format", format])
        let root = try String(contentsOfFile: data + "/root.token", encoding: .utf8).trimmingCharacters(
            in: .whitespacesAndNewlines)
        var seen: [String] = []
        func call(_ method: String, _ path: String, _ body: String? = nil, token: String? = root) throws -> APIResponse
        {
            let response = try TestApp.call(port: server.port, method, path, token: token, body: body)
            return response
        }
        func look(_ path: String) throws {
            let response = try call("GET", path, token: nil)
            seen.append("\(path) \(response.status): \(response.raw.text)")
        }
        _ = try call("POST", "/v1/townships", #"{"code":"nm","name":"牛马司镇"}"#)
        _ = try call("POST", "/v1/townships/nm/departments", #"[{"name":"民政办"},{"name":"农办"}]"#)
        _ = try call("POST", "/v1/townships/nm/cadres", #"{"name":"张三","department_id":1,"village":"石桥村"}"#)
        let token = try call("POST", "/v1/townships/nm/cadres/1/token").json["token"]?.stringValue ?? ""
        let diary =
            #"{"date":"2026-01-05","village":"石桥村","summary":"\#(Self.secrets[0])","issues":["\#(Self.secrets[2])"]}"#
        #expect(try call("POST", "/v1/townships/nm/cadres/1/diary", diary, token: token).status == 201)
        let filed = try call(
            "POST", "/v1/townships/nm/requests", #"{"summary":"\#(Self.secrets[3])","contact":"\#(Self.secrets[1])"}"#,
            token: token)
        #expect(filed.status == 201)
        let code = filed.json["code"]?.stringValue ?? ""
        _ = try call("POST", "/v1/townships/nm/requests/1/handoffs", #"{"department_id":2,"note":"转农办"}"#, token: token)
        #expect(
            try call(
                "PUT", "/v1/townships/nm/cadres/1/whereabouts", #"{"place":"village","village":"石桥村"}"#, token: token
            ).status == 200)
        for path in [
            "/v1/public/requests/\(code)", "/v1/public/townships/nm/whereabouts",
            "/v1/public/townships/nm/responsibility",
            "/v1/public/townships/nm/rounds", "/v1/public/townships/nm/quarterly-reviews",
            "/v1/public/townships/nm/assessments", "/metrics", "/v1/openapi.json",
        ] {
            try look(path)
        }
        #expect(server.terminate() == 0)
        let log = try String(contentsOfFile: directory + "/server.log", encoding: .utf8)
        #expect(log.contains("/v1/townships/nm/requests"))  // the log was written
        for secret in Self.secrets {
            #expect(!log.contains(secret), "log carries \(secret)")
            for response in seen { #expect(!response.contains(secret), "\(response.prefix(80)) carries \(secret)") }
        }
        #expect(log.contains("/v1/public/requests/{code}"))
        #expect(!log.contains(code) && !log.contains(code.replacingOccurrences(of: "-", with: "")))
        #expect(!log.contains(token))
    }
}
