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
