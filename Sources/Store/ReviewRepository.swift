import Domain

/// Quarterly reviews (contract §10) and the roster they rank.
public protocol ReviewRepository {
    /// - Throws: `RegistryError.conflict` (field `period`) when the township has a review of it.
    func createQuarterly(townshipID: Int64, period: Period, roundID: Int64?, rules: QuarterlyReviewRules) throws
        -> QuarterlyReview
    func quarterly(townshipID: Int64, id: Int64) throws -> QuarterlyReview?
    func quarterly(townshipID: Int64, period: Period) throws -> QuarterlyReview?
    /// The township's reviews by period, only the finalized ones when `finalOnly`.
    func quarterlies(townshipID: Int64, finalOnly: Bool) throws -> [QuarterlyReview]
    /// Freezes a draft with its commentary and rows; false when it is not a draft.
    func finalizeQuarterly(townshipID: Int64, id: Int64, commentary: String, cadres: [JSONObject]) throws -> Bool
    /// Every cadre of the township that has not left, with its department's name, by id.
    func roster(townshipID: Int64) throws -> [ReviewCadre]
}

/// An objection to a year-end assessment as the township office sees it: no sender.
public struct Objection: Sendable, Equatable {
    public var id: Int64
    public var cadreID: Int64
    public var text: String
    /// The day it came (UTC+8): no time, so it cannot be matched with a log line.
    public var receivedOn: String
    public var response: String?
    public var respondedAt: String?

    public init(
        id: Int64, cadreID: Int64, text: String, receivedOn: String, response: String?, respondedAt: String?
    ) {
        self.id = id
        self.cadreID = cadreID
        self.text = text
        self.receivedOn = receivedOn
        self.response = response
        self.respondedAt = respondedAt
    }

    public var json: JSONObject {
        [
            "id": .int(id), "cadre_id": .int(cadreID), "text": .string(text), "received_on": .string(receivedOn),
            "response": response.map(JSONValue.string) ?? .null,
            "responded_at": respondedAt.map(JSONValue.string) ?? .null,
        ]
    }
}

/// Year-end assessments (contract §11), their overrides and objections.
public protocol AssessmentRepository {
    /// - Throws: `RegistryError.conflict` (field `year`) when the township has one for the year.
    func create(townshipID: Int64, year: Int, rules: AssessmentRules) throws -> Assessment
    func get(townshipID: Int64, id: Int64) throws -> Assessment?
    func list(townshipID: Int64) throws -> [Assessment]
    func setOverride(assessmentID: Int64, cadreID: Int64, grade: AnnualGrade, reason: String) throws
    /// Draft → notice with the frozen inputs; false when not a draft.
    func startNotice(townshipID: Int64, id: Int64, ends: CalendarDay, inputs: [AssessmentInput]) throws -> Bool
    /// Notice → final; false when not in notice.
    func finalize(townshipID: Int64, id: Int64, commentary: String, noticeCutShort: String?) throws -> Bool
    func addObjection(assessmentID: Int64, cadreID: Int64, text: String) throws -> Int64
    func objections(assessmentID: Int64) throws -> [Objection]
    /// Records the office's answer; false when there is no such objection.
    func answer(assessmentID: Int64, objectionID: Int64, response: String) throws -> Bool
}
