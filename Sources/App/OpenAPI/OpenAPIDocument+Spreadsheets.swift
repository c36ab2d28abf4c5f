import Domain

/// The table downloads (contract §8): each `.csv` export and its `.xlsx` twin. `results.csv`
/// and `responsibility.csv` are documented beside their JSON; the rest are here.
extension OpenAPIDocument {
    static let spreadsheetPaths: Operations = [
        xlsx(
            id: "getRoundResultsXLSX", "/v1/townships/{code}/rounds/{id}/results.xlsx", "rounds", parameters: [code, id],
            "The cadre table of results.csv as an Excel workbook (409 before the round is closed)"),
        xlsx(
            id: "getResponsibilityBoardXLSX", "/v1/townships/{code}/responsibility.xlsx", "responsibility", parameters: [code] + boardQuery,
            "The board of responsibility.csv as an Excel workbook (admin, root, the township's cadres)"),
        csv(
            id: "getQuarterlyReviewRankingCSV", "/v1/townships/{code}/quarterly-reviews/{id}/ranking.csv", "reviews", parameters: [code, id],
            "The review's ranking as CSV (UTF-8 with BOM): live while a draft, frozen once final",
            header: QuarterlyReviewTable.header, example: "1,王德明,民政办,95.00,93.59,94.44,好,\r\n"),
        xlsx(
            id: "getQuarterlyReviewRankingXLSX", "/v1/townships/{code}/quarterly-reviews/{id}/ranking.xlsx", "reviews", parameters: [code, id],
            "The review's ranking of ranking.csv as an Excel workbook"),
        csv(
            id: "getAssessmentGradesCSV", "/v1/townships/{code}/assessments/{id}/grades.csv", "reviews", parameters: [code, id],
            "The year-end assessment's cadres with parts, score, rank and grade as CSV (UTF-8 with BOM)",
            header: AssessmentTable.header,
            example: "1,郭玉兰,纪检监察室,94.29,95.10,92.00,93.85,是,优秀,优秀,\r\n"),
        xlsx(
            id: "getAssessmentGradesXLSX", "/v1/townships/{code}/assessments/{id}/grades.xlsx", "reviews", parameters: [code, id],
            "The assessment's table of grades.csv as an Excel workbook"),
    ]

    /// A CSV download whose description names its columns.
    private static func csv(
        id: String, _ path: String, _ tag: String, parameters: [JSONValue], _ summary: String, header: [String],
        example row: String
    ) -> (path: String, method: String, operation: JSONValue) {
        let response = OAS.response(
            "UTF-8 with BOM, CRLF; columns " + header.joined(separator: ","), OAS.string(),
            mediaType: "text/csv", example: .string(header.joined(separator: ",") + "\r\n" + row))
        return (
            path, "GET", OAS.operation(id: id, summary, tag: tag, parameters: parameters, responses: [("200", response)])
        )
    }

    /// An `.xlsx` download: the same table as its `.csv` twin, Chinese headers, numbers as
    /// numbers, the header row frozen.
    private static func xlsx(id: String, _ path: String, _ tag: String, parameters: [JSONValue], _ summary: String) -> (
        path: String, method: String, operation: JSONValue
    ) {
        let response = OAS.response(
            "An Office Open XML workbook: the .csv twin's table with Chinese headers, numbers as numbers and the header row frozen.",
            OAS.string().adding("format", "binary"), mediaType: XLSXWriter.mediaType)
        return (
            path, "GET", OAS.operation(id: id, summary, tag: tag, parameters: parameters, responses: [("200", response)])
        )
    }
}
