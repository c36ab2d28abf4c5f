import Domain
import Store

extension DemoData {
    /// The year-end assessment of the demo's year (contract §11), posted for objections for a
    /// week from today (公示), with the default weights and 优秀 quota, as the township office
    /// would start it once the year's reviews are in.
    static func seedAssessment(store: any DataStore, townshipID: Int64, year: Int, today: CalendarDay) throws {
        try store.write { transaction in
            let assessment = try transaction.assessments.create(
                townshipID: townshipID, year: year, rules: AssessmentRules())
            let inputs = try AssessmentWorkflow.inputs(assessment, transaction)
            _ = try transaction.assessments.startNotice(
                townshipID: townshipID, id: assessment.id, ends: today.adding(days: noticeDays), inputs: inputs)
        }
    }

    /// How long the demo's notice runs.
    static let noticeDays = 7
}
