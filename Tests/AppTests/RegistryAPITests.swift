import Domain
import Testing

/// Departments, cadres, projects and evaluators (contract §3).
@Suite struct RegistryAPITests {
    let app: TestApp
    let admin: String
    let base = "/v1/townships/niumasi"

    init() throws {
        app = try TestApp()
        admin = try app.makeTownship("niumasi")
    }

    private func create(_ resource: String, _ body: String) throws -> APIResponse {
        try app.call("POST", "\(base)/\(resource)", token: admin, body: body)
    }

    private func department(_ name: String) throws -> Int64 {
        let response = try create("departments", #"{"name":"\#(name)"}"#)
        #expect(response.status == 201)
        return response.json["id"]?.intValue ?? 0
    }

    @Test func departmentLifecycle() throws {
        let created = try create("departments", #"{"name":"民政办"}"#)
        #expect(created.status == 201)
        let id = created.json["id"]?.intValue ?? 0
        #expect(created.header("Location") == "\(base)/departments/\(id)")
        #expect(created.json["active"] == .bool(true))
        #expect(try create("departments", #"{"name":"民政办"}"#).status == 409)
        let patched = try app.call("PATCH", "\(base)/departments/\(id)", token: admin, body: #"{"active":false}"#)
        #expect(patched.json["active"] == .bool(false))
        #expect(patched.json["name"] == "民政办")
        #expect(try app.call("GET", "\(base)/departments/\(id)", token: admin).json["active"] == .bool(false))
        #expect(try app.call("PATCH", "\(base)/departments/\(id)", token: admin, body: #"{"name":null}"#).status == 422)
        #expect(try app.call("GET", "\(base)/departments/99999", token: admin).status == 404)
    }

    @Test func cadreNeedsADepartmentOfTheSameTownship() throws {
        let other = try app.makeTownship("other", name: "另一镇")
        let foreign = try app.call("POST", "/v1/townships/other/departments", token: other, body: #"{"name":"财政所"}"#)
        let foreignID = foreign.json["id"]?.intValue ?? 0
        let refused = try create("cadres", #"{"name":"张三","department_id":\#(foreignID)}"#)
        #expect(refused.status == 422)
        #expect(refused.errorFields == ["department_id"])
        let own = try department("民政办")
        let cadre = try create("cadres", #"{"name":"张三","department_id":\#(own),"post":"主任"}"#)
        #expect(cadre.status == 201)
        #expect(cadre.json["status"] == "active")
        #expect(cadre.json["post"] == "主任")
        // Another township's admin cannot see it: 404, not 403.
        let id = cadre.json["id"]?.intValue ?? 0
        #expect(try app.call("GET", "\(base)/cadres/\(id)", token: other).status == 404)
        #expect(try app.call("GET", "/v1/townships/other/cadres/\(id)", token: other).status == 404)
    }

    @Test(arguments: [
        ("cadres", #"{"name":"张三","department_id":1,"status":"fired"}"#, "status"),
        ("cadres", #"{"department_id":1}"#, "name"),
        ("cadres", #"{"name":"张三","department_id":"1"}"#, "department_id"),
        ("projects", #"{"title":"修建村道","board":"roads","year":2026}"#, "board"),
        ("projects", #"{"title":"修建村道","board":"service","year":1999}"#, "year"),
        ("projects", #"{"title":"修建村道","board":"service","year":2026.0}"#, "year"),
        ("evaluators", #"{"name":"李四","category":"mayor"}"#, "category"),
        ("evaluators", #"{"name":"李四","category":"deputy","age":70}"#, "age"),
        ("departments", #"{"name":"\#(String(repeating: "长", count: 101))"}"#, "name"),
    ])
    func validationFailuresName422Fields(resource: String, body: String, field: String) throws {
        _ = try department("民政办")
        let response = try create(resource, body)
        #expect(response.status == 422)
        #expect(response.errorFields.contains(field))
    }

    @Test func listsFilterAndPage() throws {
        let dept = try department("民政办")
        let otherDept = try department("财政所")
        for index in 1...5 {
            let status = index % 2 == 0 ? "suspended" : "active"
            #expect(
                try create(
                    "cadres",
                    #"{"name":"干部\#(index)","department_id":\#(index <= 3 ? dept : otherDept),"status":"\#(status)"}"#
                ).status == 201)
        }
        let first = try app.call("GET", "\(base)/cadres?limit=2", token: admin)
        #expect(first.items.count == 2)
        let cursor = first.json["next"]?.stringValue ?? ""
        let second = try app.call("GET", "\(base)/cadres?limit=2&after=\(cursor)", token: admin)
        #expect(second.items.map { $0["name"] } == ["干部3", "干部4"])
        let last = try app.call(
            "GET", "\(base)/cadres?limit=2&after=\(second.json["next"]?.stringValue ?? "")", token: admin)
        #expect(last.items.count == 1)
        #expect(last.json["next"] == .null)
        let suspended = try app.call("GET", "\(base)/cadres?status=suspended&department_id=\(dept)", token: admin)
        #expect(suspended.items.map { $0["name"] } == ["干部2"])
        #expect(try app.call("GET", "\(base)/cadres?limit=5000", token: admin).items.count == 5)
        // Larger than any Int is still only "larger": clamped, not refused.
        #expect(try app.call("GET", "\(base)/cadres?limit=99999999999999999999", token: admin).items.count == 5)
        #expect(try app.call("GET", "\(base)/cadres?limit=-99999999999999999999", token: admin).status == 400)
        #expect(try app.call("GET", "\(base)/cadres?limit=0", token: admin).status == 400)
        #expect(try app.call("GET", "\(base)/cadres?status=gone", token: admin).status == 400)
    }

    @Test func bulkJSONIsAllOrNothing() throws {
        let good = try create("departments", #"[{"name":"民政办"},{"name":"财政所"}]"#)
        #expect(good.status == 201)
        #expect(good.items.count == 2)
        #expect(good.header("Location") == nil)
        let bad = try create("departments", #"[{"name":"林业站"},{"name":""},{"name":"水利站"}]"#)
        #expect(bad.status == 422)
        #expect(bad.errorFields == ["[2].name"])
        #expect(bad.json["errors"]?.arrayValue?.first?.objectValue?["row"] == .int(2))
        let duplicate = try create("departments", #"[{"name":"林业站"},{"name":"林业站"}]"#)
        #expect(duplicate.status == 422)
        #expect(duplicate.errorFields == ["[2].name"])
        let clash = try create("departments", #"[{"name":"林业站"},{"name":"民政办"}]"#)
        #expect(clash.status == 409)
        #expect(clash.errorFields == ["[2].name"])
        let names = try app.call("GET", "\(base)/departments", token: admin).items.compactMap {
            $0["name"]?.stringValue
        }
        #expect(names == ["民政办", "财政所"])
    }

    @Test func bulkCSVAsExcelSavesIt() throws {
        let dept = try department("民政办")
        let csv = "\u{FEFF}name,department_id,post\r\n张三,\(dept),\"主任, 兼\"\"书记\"\"\"\r\n\"李\n四\",\(dept),\r\n"
        let response = try create("cadres", csv, contentType: "text/csv")
        #expect(response.status == 201)
        #expect(response.items.map { $0["name"] } == ["张三", "李\n四"])
        #expect(response.items.map { $0["post"] } == [.string("主任, 兼\"书记\""), .null])
    }

    @Test func badCSVRowLeavesNothingStored() throws {
        let dept = try department("民政办")
        let csv = "name,department_id\n张三,\(dept)\n李四,abc\n王五,\(dept)\n"
        let response = try create("cadres", csv, contentType: "text/csv")
        #expect(response.status == 422)
        #expect(response.errorFields == ["[2].department_id"])
        #expect(try app.call("GET", "\(base)/cadres", token: admin).items.isEmpty)
    }

    /// Pasting the same evaluator twice in one batch (evaluators have no unique field): the
    /// error names the whole second row.
    @Test func anIdenticalRowInABatchIsNamed() throws {
        let row = #"{"name":"王五","category":"deputy"}"#
        let response = try create("evaluators", "[\(row),\(row)]")
        #expect(response.status == 422)
        #expect(response.errorFields == ["[2]"])
        #expect(try app.call("GET", "\(base)/evaluators", token: admin).items.isEmpty)
    }

    /// A row with more cells than the header is a bad row like any other: 422 naming it.
    @Test func csvRowWithExtraCellsIsNamed() throws {
        let dept = try department("民政办")
        let csv = "name,department_id\n张三,\(dept)\n李四,\(dept),多余\n"
        let response = try create("cadres", csv, contentType: "text/csv")
        #expect(response.status == 422)
        #expect(response.errorFields == ["[2]"])
        #expect(response.json["errors"]?.arrayValue?.first?.objectValue?["row"] == .int(2))
        #expect(try app.call("GET", "\(base)/cadres", token: admin).items.isEmpty)
    }

    @Test(arguments: ["'); DROP TABLE cadres; --", "张三\u{0}李", "Robert\"); --", "😀 表情 \\ \" \n"])
    func stringsRoundTripExactly(name: String) throws {
        let dept = try department("民政办")
        let body = JSONWriter.encodeString(.object(["name": .string(name), "department_id": .int(dept)]))
        let created = try create("cadres", body)
        #expect(created.status == 201)
        let id = created.json["id"]?.intValue ?? 0
        #expect(try app.call("GET", "\(base)/cadres/\(id)", token: admin).json["name"] == .string(name))
    }

    @Test func projectsAndEvaluatorsAreCreatedWithOptionalFields() throws {
        let project = try create("projects", #"{"title":"修建村道","board":"prosperity","year":2026}"#)
        #expect(project.status == 201)
        #expect(project.json["department_id"] == .null)
        let evaluator = try create("evaluators", #"{"name":"王五","category":"retired_cadre","village":"太平村"}"#)
        #expect(evaluator.status == 201)
        #expect(evaluator.json["category"] == "retired_cadre")
        let filtered = try app.call("GET", "\(base)/evaluators?category=deputy", token: admin)
        #expect(filtered.items.isEmpty)
    }

    private func create(_ resource: String, _ body: String, contentType: String) throws -> APIResponse {
        try app.call("POST", "\(base)/\(resource)", token: admin, body: body, contentType: contentType)
    }
}
