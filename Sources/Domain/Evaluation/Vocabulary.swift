/// The three supervisions (三督) every department and cadre is scored on. The raw values are the
/// JSON keys used in ballots, rules and results.
public enum Supervision: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// 督下村时间: time spent working in the villages.
    case villageTime = "village_time"
    /// 督工作态度: work attitude toward the people.
    case attitude
    /// 督任务完成: completion of assigned tasks.
    case completion
}

/// The evaluator groups a panel is drawn from. A ballot carries its evaluator's category so that
/// `category_weights` can weigh the groups, but nothing that names the evaluator.
public enum EvaluatorCategory: String, Sendable, Hashable, Codable, CaseIterable,
    CodingKeyRepresentable
{
    /// 人大代表: people's-congress deputy.
    case deputy
    /// 村组干部: village or group cadre.
    case villageCadre = "village_cadre"
    /// 离退休干部: retired cadre.
    case retiredCadre = "retired_cadre"
    /// 干部联系户: cadre-contact household.
    case contactHousehold = "contact_household"
}

/// The board a practical project (实事) is listed under.
public enum ProjectBoard: String, Sendable, Hashable, Codable, CaseIterable {
    /// 为民办实事.
    case service
    /// 为民排忧解难.
    case relief
    /// 为民脱贫致富.
    case prosperity
}

/// Which review a round runs: the half-yearly 三督六评 or the quarterly leadership review (季评排队).
public enum RoundKind: String, Sendable, Hashable, Codable, CaseIterable {
    case semiannual
    case quarterly
}

/// The life of a round. It only moves forward: `draft → open → closed → published`.
public enum RoundState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Editable; no tokens exist yet.
    case draft
    /// Subject lists are frozen and ballots are accepted.
    case open
    /// No more ballots; results can be read by the township.
    case closed
    /// Results are public and written to the cadres' archives.
    case published
}

/// A cadre's standing. `suspended` is set by publication for a least-satisfied designation.
public enum CadreStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active
    case suspended
    case left
}
