import Domain
import Testing

/// A CSV upload's errors name the spreadsheet line beside the data row (contract §8): the
/// header is line 1, a quoted cell with line breaks stays one line, a blank line is a line.
@Suite struct CSVImportLinesTests {
    let app: TestApp
    let admin: String
    let base = "/v1/townships/niumasi"

    init() throws {
        app = try TestApp()
        admin = try app.makeTownship("niumasi")
    }

    private func entries(_ response: APIResponse) -> [JSONObject] {
        response.json["errors"]?.arrayValue?.compactMap(\.objectValue) ?? []
    }

    @Test func validationErrorsCarryRowAndLine() throws {
        let department = try app.call("POST", "\(base)/departments", token: admin, body: #"{"name":"民政办"}"#)
        let id = department.json["id"]?.intValue ?? 0
        // Line 1 header, 2 张三 (a two-line post), 3 blank, 4 李四 (bad department), 5 王五 (blank name).
        let csv = "\u{FEFF}name,department_id,post\r\n张三,\(id),\"主任\r\n兼书记\"\r\n\r\n李四,abc,\r\n\"\",\(id),\r\n"
        let response = try app.call("POST", "\(base)/cadres", token: admin, body: csv, contentType: "text/csv")
        #expect(response.status == 422)
        let errors = entries(response)
        #expect(errors.map { $0["row"] } == [.int(2), .int(3)])
        #expect(errors.map { $0["line"] } == [.int(4), .int(5)])
        #expect(try app.call("GET", "\(base)/cadres", token: admin).items.isEmpty)
    }

    @Test func aConflictWithStoredDataNamesTheLine() throws {
        #expect(try app.call("POST", "\(base)/departments", token: admin, body: #"{"name":"民政办"}"#).status == 201)
        let csv = "name\r\n\r\n财政所\r\n\"民政办\"\r\n"
        let response = try app.call("POST", "\(base)/departments", token: admin, body: csv, contentType: "text/csv")
        #expect(response.status == 409)
        #expect(entries(response).map { $0["row"] } == [.int(2)])
        #expect(entries(response).map { $0["line"] } == [.int(4)])
    }

    @Test func aRowWithTooManyCellsAndBrokenQuotingNameTheirLines() throws {
        let tooMany = try app.call(
            "POST", "\(base)/departments", token: admin, body: "name\r\n\"a\nb\"\r\n\r\nc,d\r\n",
            contentType: "text/csv")
        #expect(tooMany.status == 422)
        #expect(entries(tooMany).map { $0["line"] } == [.int(4)])
        #expect(entries(tooMany).map { $0["row"] } == [.int(2)])
        let broken = try app.call(
            "POST", "\(base)/departments", token: admin, body: "name\r\n\"a\nb\"\r\n\r\n\"c", contentType: "text/csv")
        #expect(broken.status == 400)
        #expect(broken.json["line"] == .int(4))
        #expect(broken.json["row"] == .int(2))
        #expect(broken.json["detail"] == "The CSV is malformed: Line 4 (row 2): quoted cell is never closed.")
    }

    @Test func jsonBulkErrorsHaveNoLine() throws {
        let response = try app.call("POST", "\(base)/departments", token: admin, body: #"[{"name":"a"},{"name":""}]"#)
        #expect(response.status == 422)
        #expect(entries(response).map { $0["row"] } == [.int(2)])
        #expect(entries(response).first?["line"] == nil)
    }
}
