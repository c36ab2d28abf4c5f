/// How the supervising leader judges a target at a month's end (月底督查).
public enum CheckAssessment: String, Sendable, Hashable, CaseIterable {
    case onTrack = "on_track"
    case behind
    case blocked
    /// Finished; needs progress 100 (and progress 100 needs it).
    case done

    /// The word the township's posted boards use.
    public var chinese: String {
        switch self {
        case .onTrack: "正常推进"
        case .behind: "滞后"
        case .blocked: "受阻"
        case .done: "已完成"
        }
    }
}

/// The current check of one month of one project (contract §9).
public struct MonthlyCheck: Sendable, Equatable {
    public var month: CalendarMonth
    /// 0–100.
    public var progress: Int
    public var assessment: CheckAssessment
    public var note: String?

    public init(month: CalendarMonth, progress: Int, assessment: CheckAssessment, note: String? = nil) {
        self.month = month
        self.progress = progress
        self.assessment = assessment
        self.note = note
    }

    /// Most characters (Unicode scalars) a note may have.
    public static let noteLimit = 500
}
