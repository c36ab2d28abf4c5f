/// Checks a submitted ballot against the rules of §5 and turns it into a `ValidBallot`.
///
/// Rules, each reported with the JSON path of the offending field:
/// - every supervision entry names exactly one of `cadre_id` / `department_id`
///   (`supervision[i]`);
/// - it carries all three scores, each inside the round's scale (`supervision[i].attitude`);
/// - the id is in the round's frozen list (`supervision[i].cadre_id`), and no subject appears
///   twice (reported on the later entry);
/// - every pick is nil or in the frozen list of its kind (`most_satisfied.project_id`);
/// - most and least do not name the same subject of a kind (reported on `least_satisfied.*`);
/// - `comment` has at most 500 characters, counted as Unicode scalar values (§5): a combining
///   mark counts, so a short-looking comment cannot carry megabytes of stacked accents.
///
/// An empty supervision list and all-null picks are allowed: an evaluator may leave out every
/// subject they do not know. All errors are collected, not just the first, so a clerk typing a
/// paper ballot can fix everything in one go.
public enum BallotValidator {
    /// Longest comment accepted, in characters.
    public static let commentLimit = 500

    /// The validated ballot, or every rule it breaks.
    public static func validate(_ submission: BallotSubmission, form: BallotForm) -> Result<
        ValidBallot, FieldErrors
    > {
        var errors: [FieldError] = []
        var entries: [ScoreEntry] = []
        var seen: [SubjectKey: Int] = [:]

        entries.reserveCapacity(submission.supervision.count)
        seen.reserveCapacity(submission.supervision.count)
        // Paths are only spelled out for an error: this loop runs for every entry of every ballot.
        for (index, entry) in submission.supervision.enumerated() {
            let subject = subject(of: entry, index: index, form: form, errors: &errors)
            let v = score(entry, .villageTime, index: index, scale: form.scale, errors: &errors)
            let a = score(entry, .attitude, index: index, scale: form.scale, errors: &errors)
            let c = score(entry, .completion, index: index, scale: form.scale, errors: &errors)
            guard let subject else { continue }
            if let first = seen[subject] {
                errors.append(
                    FieldError(
                        field: "\(entryPath(index)).\(idField(subject.kind))",
                        message: "\(subject.kind.rawValue) \(subject.id) is already scored in supervision[\(first)]"))
                continue
            }
            seen[subject] = index
            if let v, let a, let c {
                entries.append(ScoreEntry(subject: subject, villageTime: v, attitude: a, completion: c))
            }
        }

        let most = submission.mostSatisfied ?? Picks()
        let least = submission.leastSatisfied ?? Picks()
        errors += pickErrors(most, path: "most_satisfied", form: form)
        errors += pickErrors(least, path: "least_satisfied", form: form)
        for kind in SubjectKind.allCases {
            if let id = least[kind], id == most[kind] {
                errors.append(
                    FieldError(
                        field: "least_satisfied.\(idField(kind))",
                        message: "names the same \(kind.rawValue) as most_satisfied.\(idField(kind))"))
            }
        }

        if let comment = submission.comment, comment.unicodeScalars.count > commentLimit {
            errors.append(
                FieldError(
                    field: "comment",
                    message: "must be at most \(commentLimit) characters, got \(comment.unicodeScalars.count)"))
        }

        guard errors.isEmpty else { return .failure(FieldErrors(errors)) }
        return .success(
            ValidBallot(entries: entries, mostSatisfied: most, leastSatisfied: least, comment: submission.comment))
    }

    /// The path of supervision entry `index`.
    private static func entryPath(_ index: Int) -> String { "supervision[\(index)]" }

    /// The subject an entry scores, or nil (with errors appended) when it names none, both,
    /// or one outside the frozen lists.
    private static func subject(
        of entry: SupervisionEntry, index: Int, form: BallotForm, errors: inout [FieldError]
    ) -> SubjectKey? {
        let subject: SubjectKey
        switch (entry.cadreID, entry.departmentID) {
        case (let id?, nil): subject = .cadre(id)
        case (nil, let id?): subject = .department(id)
        default:
            errors.append(
                FieldError(field: entryPath(index), message: "must name exactly one of cadre_id or department_id"))
            return nil
        }
        guard form.allows(subject.kind, subject.id) else {
            errors.append(
                FieldError(
                    field: "\(entryPath(index)).\(idField(subject.kind))",
                    message: "\(subject.kind.rawValue) \(subject.id) is not on this round's list"))
            return nil
        }
        return subject
    }

    /// The entry's score for `supervision` if present and on the scale; otherwise nil with an
    /// error appended.
    private static func score(
        _ entry: SupervisionEntry, _ supervision: Supervision, index: Int, scale: Scale, errors: inout [FieldError]
    ) -> Int? {
        guard let value = entry[supervision] else {
            errors.append(FieldError(field: "\(entryPath(index)).\(supervision.rawValue)", message: "is required"))
            return nil
        }
        guard scale.contains(value) else {
            errors.append(
                FieldError(
                    field: "\(entryPath(index)).\(supervision.rawValue)",
                    message: "must be between \(scale.min) and \(scale.max)"))
            return nil
        }
        return value
    }

    /// Errors for picks that name a subject outside the frozen lists.
    private static func pickErrors(_ picks: Picks, path: String, form: BallotForm) -> [FieldError] {
        SubjectKind.allCases.compactMap { kind in
            guard let id = picks[kind], !form.allows(kind, id) else { return nil }
            return FieldError(
                field: "\(path).\(idField(kind))", message: "\(kind.rawValue) \(id) is not on this round's list")
        }
    }

    /// The JSON field that carries an id of `kind`.
    static func idField(_ kind: SubjectKind) -> String { "\(kind.rawValue)_id" }
}

/// What a ballot may mention: the round's scale and its frozen subject lists.
public struct BallotForm: Sendable, Hashable {
    public var scale: Scale
    public var cadreIDs: Set<Int>
    public var departmentIDs: Set<Int>
    public var projectIDs: Set<Int>

    public init(scale: Scale, cadreIDs: Set<Int>, departmentIDs: Set<Int>, projectIDs: Set<Int>) {
        self.scale = scale
        self.cadreIDs = cadreIDs
        self.departmentIDs = departmentIDs
        self.projectIDs = projectIDs
    }

    /// Whether `id` is in the frozen list of `kind`.
    public func allows(_ kind: SubjectKind, _ id: Int) -> Bool {
        switch kind {
        case .cadre: cadreIDs.contains(id)
        case .department: departmentIDs.contains(id)
        case .project: projectIDs.contains(id)
        }
    }
}
