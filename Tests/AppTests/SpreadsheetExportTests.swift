import Domain
import Foundation
import Testing

@testable import App

/// Every table download as `.csv` and its `.xlsx` twin (contract §8): the same cells, numbers
/// as numeric cells, the workbook's type and file name beside the CSV's.
@Suite struct SpreadsheetExportTests {
    /// Downloads `path`.csv and `path`.xlsx with `get` and checks that the workbook holds
    /// exactly the CSV's cells; returns the CSV's header and rows.
    @discardableResult
    static func expectTwins(
        _ path: String, _ get: (String) throws -> APIResponse, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CSVTable {
        let csv = try get(path + ".csv")
        let xlsx = try get(path + ".xlsx")
        #expect(csv.status == 200 && xlsx.status == 200, "\(path)", sourceLocation: sourceLocation)
        #expect(
            xlsx.header("Content-Type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            sourceLocation: sourceLocation)
        let csvName = try #require(csv.header("Content-Disposition"), sourceLocation: sourceLocation)
        #expect(
            csvName.hasPrefix("attachment; filename=\"") && csvName.hasSuffix(".csv\""), sourceLocation: sourceLocation)
        #expect(
            xlsx.header("Content-Disposition") == String(csvName.dropLast(5)) + ".xlsx\"",
            sourceLocation: sourceLocation)
        let table = try CSVReader.parse(csv.raw.body)
        let sheet = try XLSXSheetReader(workbook: xlsx.raw.body)
        for (column, name) in table.header.enumerated() {
            #expect(sheet.cells[XLSXSheet.column(column) + "1"]?.value == name, sourceLocation: sourceLocation)
        }
        for (index, row) in table.rows.enumerated() {
            for (column, name) in table.header.enumerated() {
                let reference = XLSXSheet.column(column) + String(index + 2)
                let cell = sheet.cells[reference]
                guard let value = row[name] else {
                    #expect(cell == nil, "\(path) \(reference) is empty", sourceLocation: sourceLocation)
                    continue
                }
                if let number = Double(value) {
                    #expect(cell?.type == nil, "\(path) \(reference) is a number", sourceLocation: sourceLocation)
                    #expect(
                        cell.flatMap { Double($0.value) } == number, "\(path) \(reference)",
                        sourceLocation: sourceLocation)
                } else {
                    #expect(
                        cell == .init(type: "s", style: nil, value: value), "\(path) \(reference)",
                        sourceLocation: sourceLocation)
                }
            }
        }
        #expect(sheet.cells.keys.allSatisfy { Int($0.drop { $0.isLetter })! <= table.rows.count + 1 })
        #expect(sheet.attributes["pane"]?["state"] == "frozen", sourceLocation: sourceLocation)
        return table
    }

    @Test func roundResultsAsAWorkbook() throws {
        let f = try EvaluationFixture()
        let round = try f.createRound()
        let codes = try f.open(round)
        for (index, code) in codes.values.sorted().enumerated() {
            #expect(try f.vote(code, f.ballot(score: 70 + index, most: f.cadres[0], least: f.cadres[3])).status == 201)
        }
        let early = try f.get("/rounds/\(round)/results.xlsx")
        #expect(early.status == 409, "no results before the round is closed, as for the CSV")
        #expect(try f.post("/rounds/\(round)/close").status == 200)
        let table = try Self.expectTwins("/rounds/\(round)/results", f.get)
        #expect(table.header.first == "排名" && table.header.count == 11)
        #expect(table.rows.count == f.cadres.count)
        let first = try f.get("/rounds/\(round)/results.xlsx")
        #expect(first.header("Content-Disposition") == "attachment; filename=\"round-\(round)-results.xlsx\"")
        #expect(try f.get("/rounds/\(round)/results.xlsx").raw.body == first.raw.body, "the same bytes again")
        let sheet = try XLSXSheetReader(workbook: first.raw.body)
        #expect(sheet.cells["H2"]?.style == "2", "a score shows two places")
    }

    @Test func theResponsibilityBoardAsAWorkbookForAdminsAndCadres() throws {
        let (f, _) = try ResponsibilityBoardAPITests.township()
        let table = try Self.expectTwins("/responsibility", { try f.get($0 + "?as_of=2026-06-30") })
        #expect(table.rows.count == 7)
        #expect(table.header == ResponsibilityTable.header)
        let cadre = try #require(f.tokens.values.first)
        try Self.expectTwins("/responsibility", { try f.get($0, token: cadre) })
        let bad = try f.get("/responsibility.xlsx?as_of=2026-02-30")
        #expect(bad.status == 422 && bad.errorFields == ["as_of"], "the CSV's query parameters, checked the same way")
    }

    @Test func aQuarterlyReviewsRankingInDraftAndFinal() throws {
        let f = try EvaluationFixture()
        let round = try QuarterlyReviewAPITests.closedRound(f)
        let id = try #require(
            try f.post("/quarterly-reviews", #"{"period":"2026-Q2","round_id":\#(round)}"#).json["id"]?.intValue)
        let draft = try Self.expectTwins("/quarterly-reviews/\(id)/ranking", f.get)
        #expect(draft.header == ["排名", "姓名", "部门", "任务得分", "测评得分", "综合得分", "等次", "提示"])
        #expect(draft.rows.map { $0["排名"] } == ["1", "2", "3", "4"])
        #expect(draft.rows.map { $0["综合得分"] } == ["90.00", "80.00", "70.00", "60.00"])
        #expect(draft.rows.map { $0["等次"] } == ["好", "较好", "一般", "一般"])
        #expect(draft.rows.allSatisfy { $0["任务得分"] == nil }, "no targets: empty cells")
        #expect(try f.post("/quarterly-reviews/\(id)/finalize", #"{"commentary":"讲评"}"#).status == 200)
        let final = try Self.expectTwins("/quarterly-reviews/\(id)/ranking", f.get)
        #expect(final == draft)
        let response = try f.get("/quarterly-reviews/\(id)/ranking.xlsx")
        #expect(response.header("Content-Disposition") == "attachment; filename=\"quarterly-review-2026-Q2.xlsx\"")
        #expect(try f.get("/quarterly-reviews/999999/ranking.xlsx").status == 404)
    }

    @Test func aQuarterlyReviewFlagsTheBottomStreak() {
        let rows: [JSONObject] = [
            ["rank": 1, "name": "甲", "department": .null, "score": 61.5, "grade": "一般", "flags": []],
            ["rank": 2, "name": "乙", "department": "民政办", "score": 40, "grade": "较差", "flags": ["bottom_streak"]],
            ["rank": .null, "name": "丙", "department": .null, "score": .null, "grade": .null, "flags": []],
        ]
        let table = QuarterlyReviewTable.table(rows)
        #expect(table.rows[0] == [1, "甲", .empty, .empty, .empty, .decimal("61.50"), "一般", .empty])
        #expect(table.rows[1][7] == "连续末位")
        #expect(table.rows[2] == [.empty, "丙", .empty, .empty, .empty, .empty, .empty, .empty])
    }

    @Test func theYearEndAssessmentsGrades() throws {
        let (f, _, _) = try AssessmentAPITests.township()
        let id = try #require(try f.post("/assessments", #"{"year":2026,"excellent_quota":0.25}"#).json["id"]?.intValue)
        let reason = try f.app.call(
            "PUT", f.base + "/assessments/\(id)/grades/\(f.cadres[0])", token: f.admin,
            body: #"{"grade":"称职","reason":"年内两次迟到"}"#)
        #expect(reason.status == 200)
        let table = try Self.expectTwins("/assessments/\(id)/grades", f.get)
        #expect(table.header == AssessmentTable.header)
        #expect(table.rows.map { $0["姓名"] } == (0..<4).map { "干部\($0)" } + ["新调入"])
        #expect(table.rows.map { $0["综合得分"] } == ["90.00", "80.00", "70.00", "60.00", nil])
        #expect(table.rows.map { $0["拟定等次"] } == ["优秀", "称职", "称职", "基本称职", nil])
        #expect(table.rows.map { $0["等次"] } == ["称职", "称职", "称职", "基本称职", nil])
        #expect(table.rows[0]["调整理由"] == "年内两次迟到" && table.rows[1]["调整理由"] == nil)
        #expect(table.rows.map { $0["可评优秀"] } == ["是", "是", "是", "是", "是"])
        let response = try f.get("/assessments/\(id)/grades.xlsx")
        #expect(response.header("Content-Disposition") == "attachment; filename=\"assessment-2026.xlsx\"")
        #expect(try f.get("/assessments/999999/grades.csv").status == 404)
    }
}
