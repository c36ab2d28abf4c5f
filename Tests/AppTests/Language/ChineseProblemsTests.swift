import Domain
import Testing

/// Problems in the client's language (contract §8), live: Chinese titles, details and field
/// messages for `Accept-Language: zh…`, English otherwise.
@Suite struct ChineseProblemsTests {
    let app: TestApp
    let admin: String
    let base = "/v1/townships/niumasi"
    static let chinese = ["Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"]

    init() throws {
        app = try TestApp()
        admin = try app.makeTownship("niumasi")
    }

    private func messages(_ response: APIResponse) -> [String] {
        response.json["errors"]?.arrayValue?.compactMap { $0.objectValue?["message"]?.stringValue } ?? []
    }

    @Test func fieldErrorsComeInChineseWhenAsked() throws {
        let body = #"{"name":"","department_id":"x","extra":1}"#
        let english = try app.call("POST", "\(base)/cadres", token: admin, body: body)
        let chinese = try app.call("POST", "\(base)/cadres", token: admin, body: body, headers: Self.chinese)
        #expect(english.status == 422 && chinese.status == 422)
        #expect(english.json["title"] == "Unprocessable Content")
        #expect(english.json["detail"] == "The request has invalid fields.")
        #expect(english.header("Content-Language") == "en")
        #expect(Set(messages(english)) == ["must not be empty", "must be an integer", "unknown field"])
        #expect(chinese.json["title"] == "内容有误")
        #expect(chinese.json["detail"] == "请求中有字段填写有误。")
        #expect(Set(messages(chinese)) == ["不能为空", "必须是整数", "未知字段"])
        #expect(chinese.errorFields == english.errorFields)  // field names stay as the API names them
        #expect(chinese.json["type"] == english.json["type"])
        #expect(chinese.header("Content-Language") == "zh-CN")
        #expect(chinese.header("Content-Type") == "application/problem+json")
        #expect(chinese.header("Vary")?.contains("Accept-Language") == true)
    }

    @Test func theRoutersOwnNotFoundAndMethodNotAllowedAreTranslated() throws {
        let missing = try app.call("GET", "/v1/nothing-here", headers: Self.chinese)
        #expect(missing.status == 404)
        #expect(missing.json["title"] == "未找到")
        #expect(missing.json["detail"] == "此路径下没有内容。")
        let method = try app.call("DELETE", "/healthz", headers: Self.chinese)
        #expect(method.status == 405)
        #expect(method.json["title"] == "不允许的请求方法")
        #expect(method.json["detail"]?.stringValue?.hasPrefix("此处不允许 DELETE 请求；允许：") == true)
        #expect(try app.call("GET", "/v1/nothing-here").json["title"] == "Not Found")
    }

    @Test func conflictsAndUnauthorizedAreTranslatedWithTheirValues() throws {
        #expect(try app.call("POST", "\(base)/departments", token: admin, body: #"{"name":"民政办"}"#).status == 201)
        let again = try app.call(
            "POST", "\(base)/departments", token: admin, body: #"{"name":"民政办"}"#, headers: Self.chinese)
        #expect(again.status == 409)
        #expect(again.json["title"] == "冲突")
        #expect(again.json["detail"] == "name “民政办” 已被占用。")
        #expect(messages(again) == ["已存在"])
        let stranger = try app.call("GET", "\(base)/cadres", token: "not-a-token", headers: ["Accept-Language": "zh"])
        #expect(stranger.status == 401)
        #expect(stranger.json["title"] == "未通过身份验证")
        #expect(stranger.json["detail"] == "令牌无效或已被吊销。")
        #expect(stranger.header("WWW-Authenticate") == "Bearer")
        let english = try app.call(
            "GET", "\(base)/cadres", token: "not-a-token", headers: ["Accept-Language": "en,zh;q=0.5"])
        #expect(english.json["detail"] == "The token is unknown or has been revoked.")
    }

    @Test func aCSVImportErrorNamesItsLineInChinese() throws {
        let csv = "name,department_id\r\n张三,1\r\n\"李\r\n四\",1,多余\r\n"
        let response = try app.call(
            "POST", "\(base)/cadres", token: admin, body: csv, contentType: "text/csv", headers: Self.chinese)
        #expect(response.status == 422)
        #expect(messages(response) == ["单元格比表头的列多"])
        let malformed = try app.call(
            "POST", "\(base)/cadres", token: admin, body: "name\r\n甲\r\n\r\n乙\"\r\n", contentType: "text/csv",
            headers: Self.chinese)
        #expect(malformed.status == 400)
        #expect(malformed.json["title"] == "请求有误")
        #expect(malformed.json["detail"] == "CSV 文件格式有误：第 4 行（第 2 条数据）：没有引号的单元格中出现了引号。")
        #expect(malformed.json["line"] == .int(4))
    }

    @Test func successfulResponsesAreLeftAlone() throws {
        let response = try app.call("GET", "/healthz", headers: Self.chinese)
        #expect(response.status == 200)
        #expect(response.header("Content-Language") == nil)
        #expect(response.json["status"] == "ok")
    }
}
