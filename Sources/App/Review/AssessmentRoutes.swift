import Domain
import HTTPCore
import Primitives
import Store

/// The year-end assessment (年底全面考核, contract §11): create, the live draft, the committee's
/// overrides, the public notice (公示) with objections, and finalization into the archive.
struct AssessmentRoutes {
    let store: any DataStore
    let scope: TownshipScope
    let clock: any TimeSource
    /// Accepted objections per address (5 an hour over the whole server).
    let objectionLimit: FailureThrottle
    let clientAddress: ClientAddress

    /// Largest objection body: 1,000 characters of text need far less.
    static let objectionBodyLimit = 16 * 1024

    func register(in router: inout Router) {
        let base = "/assessments"
        scope.add("POST", base, to: &router, create)
        scope.add("GET", base, to: &router, list)
        scope.add("GET", base + "/{id}", to: &router, get)
        scope.add("PUT", base + "/{id}/grades/{cadre_id}", to: &router, override)
        scope.add("POST", base + "/{id}/notice", to: &router, notice)
        scope.add("GET", base + "/{id}/objections", to: &router, objections)
        scope.add("PUT", base + "/{id}/objections/{oid}", to: &router, answer)
        scope.add("POST", base + "/{id}/finalize", to: &router, finalize)
        for format in ExportFormat.allCases {
            scope.add("GET", base + "/{id}/grades.\(format.rawValue)", to: &router) { try grades($0, as: format) }
        }
        let publicBase = "/v1/public/townships/{code}/assessments/{id}"
        router.add("GET", publicBase, endpoint(publicNotice))
        // Nothing about a sender is kept: not in the table, not in the access log.
        router.addRedactingLog("POST", publicBase + "/objections", endpoint(object))
        router.add("GET", "/v1/public/townships/{code}/assessments", endpoint(publicList))
    }

    private var notFound: APIError { APIError.notFound("No such assessment in this township.") }

    private func create(_ request: TownshipRequest) throws -> HTTPResponse {
        let township = request.township
        var reader = JSONObjectReader(try RequestBody.object(request.http))
        let year = reader.int("year", range: Int64(Period.years.lowerBound)...Int64(Period.years.upperBound))
        let rules = AssessmentRules.read(&reader)
        reader.finish(allowed: ["year", "weights", "excellent_quota"])
        guard reader.isValid, let year else { throw APIError.invalid(reader.errors) }
        let document = try store.write { transaction -> (Int64, JSONObject) in
            let assessment = try transaction.assessments.create(townshipID: township.id, year: Int(year), rules: rules)
            return (assessment.id, try Self.document(assessment, transaction))
        }
        return .json(
            .object(document.1), status: 201, location: "/v1/townships/\(township.code)/assessments/\(document.0)")
    }

    private func list(_ request: TownshipRequest) throws -> HTTPResponse {
        let items = try store.read { try $0.assessments.list(townshipID: request.township.id) }
        return .json(["items": .array(items.map { .object($0.summary) }), "next": .null])
    }

    private func get(_ request: TownshipRequest) throws -> HTTPResponse {
        let id = try request.id("id", missing: notFound)
        return .json(.object(try store.read { try Self.document(try assessment(request, id, $0), $0) }))
    }

    /// `grades.csv` or `grades.xlsx`: the cadres' rows as `GET .../assessments/{id}` has them.
    private func grades(_ request: TownshipRequest, as format: ExportFormat) throws -> HTTPResponse {
        let id = try request.id("id", missing: notFound)
        let (year, rows) = try store.read { transaction in
            let assessment = try assessment(request, id, transaction)
            return (assessment.year, try AssessmentWorkflow.rows(assessment, transaction))
        }
        return try format.download(AssessmentTable.table(rows), name: "assessment-\(year)")
    }

    /// The committee's grade for one cadre, with a reason (draft or notice): the proposal stays
    /// beside it.
    private func override(_ request: TownshipRequest) throws -> HTTPResponse {
        let id = try request.id("id", missing: notFound)
        let cadreID = try request.id("cadre_id", missing: APIError.notFound("No such cadre in this assessment."))
        var reader = JSONObjectReader(try RequestBody.object(request.http))
        let gradeText = reader.string("grade")
        let grade = gradeText.flatMap(AnnualGrade.init(rawValue:))
        if gradeText != nil, grade == nil {
            reader.fail("grade", "must be one of \(AnnualGrade.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let reason = reader.string("reason", minLength: 1, maxLength: 500)
        reader.finish(allowed: ["grade", "reason"])
        guard reader.isValid, let grade, let reason else { throw APIError.invalid(reader.errors) }
        let row = try store.write { transaction -> JSONObject in
            let assessment = try assessment(request, id, transaction)
            guard assessment.state != .final else { throw APIError.conflict("The assessment is final.") }
            let rows = try AssessmentWorkflow.rows(assessment, transaction)
            guard rows.contains(where: { $0.input.cadre.id == cadreID }) else {
                throw APIError.notFound("No such cadre in this assessment.")
            }
            if let refusal = AnnualAssessment.overrideRefusal(
                rows, cadreID: cadreID, grade: grade, rules: assessment.rules)
            {
                throw APIError.invalid([FieldError(field: "grade", message: refusal)])
            }
            try transaction.assessments.setOverride(assessmentID: id, cadreID: cadreID, grade: grade, reason: reason)
            var updated = assessment
            updated.overrides[cadreID] = (grade, reason)
            return try AssessmentWorkflow.rows(updated, transaction).first { $0.input.cadre.id == cadreID }!.json
        }
        return .json(.object(row))
    }

    /// Starts the public notice: the figures freeze, `notice_ends` = today + days.
    private func notice(_ request: TownshipRequest) throws -> HTTPResponse {
        let id = try request.id("id", missing: notFound)
        var reader = JSONObjectReader(try RequestBody.object(request.http))
        let days = reader.int("days", range: 1...30)
        reader.finish(allowed: ["days"])
        guard reader.isValid, let days else { throw APIError.invalid(reader.errors) }
        let ends = CalendarDay(clock.today())!.adding(days: Int(days))
        let document = try store.write { transaction -> JSONObject in
            let assessment = try assessment(request, id, transaction)
            guard assessment.state == .draft else { throw APIError.conflict("The notice has already started.") }
            let inputs = try AssessmentWorkflow.inputs(assessment, transaction)
            _ = try transaction.assessments.startNotice(
                townshipID: request.township.id, id: id, ends: ends, inputs: inputs)
            return try Self.document(try self.assessment(request, id, transaction), transaction)
        }
        return .json(.object(document))
    }

    private func objections(_ request: TownshipRequest) throws -> HTTPResponse {
        let id = try request.id("id", missing: notFound)
        let items = try store.read { transaction in
            _ = try assessment(request, id, transaction)
            return try transaction.assessments.objections(assessmentID: id)
        }
        return .json(["items": .array(items.map { .object($0.json) }), "next": .null])
    }

    private func answer(_ request: TownshipRequest) throws -> HTTPResponse {
        let id = try request.id("id", missing: notFound)
        let missing = APIError.notFound("No such objection.")
        let objectionID = try request.id("oid", missing: missing)
        var reader = JSONObjectReader(try RequestBody.object(request.http))
        let response = reader.string("response", minLength: 1, maxLength: 2000)
        reader.finish(allowed: ["response"])
        guard reader.isValid, let response else { throw APIError.invalid(reader.errors) }
        let answered = try store.write { transaction -> Objection? in
            _ = try assessment(request, id, transaction)
            guard try transaction.assessments.answer(assessmentID: id, objectionID: objectionID, response: response)
            else { return nil }
            return try transaction.assessments.objections(assessmentID: id).first { $0.id == objectionID }
        }
        guard let answered else { throw missing }
        return .json(.object(answered.json))
    }

    /// Notice → final: every cadre graded (409 naming those without), the reason for cutting the
    /// notice short before it ends, and an `annual_assessment` record per graded cadre.
    private func finalize(_ request: TownshipRequest) throws -> HTTPResponse {
        let id = try request.id("id", missing: notFound)
        var reader = JSONObjectReader(try RequestBody.object(request.http))
        let commentary = reader.string("commentary", required: false, maxLength: 10_000) ?? ""
        let cutShort = reader.string("notice_cut_short", required: false, minLength: 1, maxLength: 500)
        reader.finish(allowed: ["commentary", "notice_cut_short"])
        guard reader.isValid else { throw APIError.invalid(reader.errors) }
        let today = CalendarDay(clock.today())!
        let document = try store.write { transaction -> JSONObject in
            let assessment = try assessment(request, id, transaction)
            try AssessmentWorkflow.finalize(
                assessment, commentary: commentary, noticeCutShort: cutShort, today: today, transaction)
            return try Self.document(try self.assessment(request, id, transaction), transaction)
        }
        return .json(.object(document))
    }

    // MARK: public

    /// The notice (公示): the 拟评优秀 names and the count per grade; 404 before the notice.
    private func publicNotice(_ request: HTTPRequest) throws -> HTTPResponse {
        let (assessment, rows) = try publicAssessment(request)
        var counts = JSONObject()
        for grade in AnnualGrade.allCases {
            counts[grade.rawValue] = .int(Int64(rows.filter { $0.grade == grade }.count))
        }
        let excellent: [JSONValue] = rows.filter { $0.grade == .excellent }.map {
            [
                "cadre_id": .int($0.input.cadre.id), "name": .string($0.input.cadre.name),
                "department": $0.input.cadre.department.map(JSONValue.string) ?? .null,
            ]
        }
        let cadres: [JSONValue] = rows.map {
            ["cadre_id": .int($0.input.cadre.id), "name": .string($0.input.cadre.name)]
        }
        return .json([
            "id": .int(assessment.id), "year": .int(Int64(assessment.year)),
            "state": .string(assessment.state.rawValue),
            "notice_ends": .string(assessment.noticeEnds?.text ?? ""), "excellent": .array(excellent),
            "counts": .object(counts), "cadres": .array(cadres),
        ])
    }

    /// An objection from anyone during the notice: no credential, nothing about the sender kept.
    private func object(_ request: HTTPRequest) throws -> HTTPResponse {
        guard request.body.count <= Self.objectionBodyLimit else {
            throw APIError(413, "An objection body is at most \(Self.objectionBodyLimit) bytes.")
        }
        let client = clientAddress.of(request)
        try objectionLimit.check(client, tooMany: "objections")
        var reader = JSONObjectReader(try RequestBody.object(request))
        let cadreID = reader.int("cadre_id", range: 1...Int64.max)
        let text = reader.string("text")?.trimmingAllWhitespace
        if let text, text.isEmpty || text.unicodeScalars.count > 1000 {
            reader.fail("text", "must be 1–1000 characters")
        }
        reader.finish(allowed: ["cadre_id", "text"])
        guard reader.isValid, let cadreID, let text else { throw APIError.invalid(reader.errors) }
        let (assessment, rows) = try publicAssessment(request, includingDraft: true)
        let today = CalendarDay(clock.today())!
        guard assessment.state == .notice, let ends = assessment.noticeEnds, today <= ends else {
            throw APIError.conflict("Objections are taken only during the public notice.")
        }
        guard rows.contains(where: { $0.input.cadre.id == cadreID }) else {
            throw APIError.invalid([FieldError(field: "cadre_id", message: "names no cadre of this assessment")])
        }
        let id = try store.write {
            try $0.assessments.addObjection(assessmentID: assessment.id, cadreID: cadreID, text: text)
        }
        try objectionLimit.record(client)
        return .json(["id": .int(id)], status: 201)
    }

    /// The township's assessments that have been posted (notice or final), by year.
    private func publicList(_ request: HTTPRequest) throws -> HTTPResponse {
        let code = request.pathParameters["code"] ?? ""
        let items = try store.read { transaction -> [Assessment]? in
            guard let township = try transaction.access.township(code: code) else { return nil }
            return try transaction.assessments.list(townshipID: township.id).filter { $0.state != .draft }
        }
        guard let items else { throw APIError.notFound("No township '\(code)'.") }
        let json: [JSONValue] = items.map {
            [
                "id": .int($0.id), "year": .int(Int64($0.year)), "state": .string($0.state.rawValue),
                "notice_ends": .string($0.noticeEnds?.text ?? ""),
            ]
        }
        return .json(["items": .array(json), "next": .null])
    }

    /// The assessment named by a public path; a draft is not public (404) unless `includingDraft`.
    private func publicAssessment(_ request: HTTPRequest, includingDraft: Bool = false) throws -> (
        Assessment, [AssessmentRow]
    ) {
        let code = request.pathParameters["code"] ?? ""
        let missing = APIError.notFound("No assessment in public notice here.")
        guard let id = Int64(request.pathParameters["id"] ?? "") else { throw missing }
        let found = try store.read { transaction -> (Assessment, [AssessmentRow])? in
            guard let township = try transaction.access.township(code: code),
                let assessment = try transaction.assessments.get(townshipID: township.id, id: id),
                includingDraft || assessment.state != .draft
            else { return nil }
            return (assessment, try AssessmentWorkflow.rows(assessment, transaction))
        }
        guard let found else { throw missing }
        return found
    }

    private func assessment(_ request: TownshipRequest, _ id: Int64, _ transaction: any StoreTransaction) throws
        -> Assessment
    {
        guard let assessment = try transaction.assessments.get(townshipID: request.township.id, id: id) else {
            throw notFound
        }
        return assessment
    }

    static func document(_ assessment: Assessment, _ transaction: any StoreTransaction) throws -> JSONObject {
        var object = assessment.summary
        object["cadres"] = .array(try AssessmentWorkflow.rows(assessment, transaction).map { .object($0.json) })
        return object
    }
}
