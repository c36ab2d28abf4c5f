/// The kinds of record in a cadre's archive (档案).
///
/// Publishing a round writes the automatic kinds; township staff add the manual kinds through
/// `POST .../archive`, which refuses automatic kinds so no one can forge a commendation.
public enum ArchiveKind: String, Sendable, CaseIterable, Codable {
    /// The cadre's result in a published round: rank, scores, votes. Automatic.
    case evaluation
    /// Designated most-satisfied cadre (表彰奖励). Automatic.
    case commendation
    /// Designated least-satisfied cadre, suspended pending reassignment (待岗处理). Automatic.
    case suspension
    /// Year-end or other assessment (考核). Manual.
    case assessment
    /// Reward (奖励). Manual.
    case award
    /// Disciplinary sanction (处分). Manual.
    case sanction
    /// Appointment, transfer or promotion (任免). Manual.
    case appointment
    /// Free-form note. Manual.
    case note
    /// The cadre's place in a finalized quarterly review (季评排队, contract §10). Automatic.
    case quarterlyReview = "quarterly_review"
    /// The year-end assessment's final grade (年底全面考核, contract §11). Automatic.
    case annualAssessment = "annual_assessment"

    /// True for the kinds only publication may write.
    public var isAutomatic: Bool {
        switch self {
        case .evaluation, .commendation, .suspension, .quarterlyReview, .annualAssessment: true
        case .assessment, .award, .sanction, .appointment, .note: false
        }
    }

    /// The kinds staff may add by hand, in declaration order.
    public static let manualKinds: [ArchiveKind] = allCases.filter { !$0.isAutomatic }
}
