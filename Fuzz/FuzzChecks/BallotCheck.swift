import App
import Domain

/// The fuzz property of ballot decoding and validation (contract §5): for any JSON body,
/// `BallotRequest.read` gives a submission or errors (never both, never neither), and a ballot
/// `BallotValidator` accepts really keeps every rule — subjects on the round's lists and scored
/// once, scores on the scale, picks on the lists and most ≠ least, comment within the limit.
public enum BallotCheck {
    /// The round every input is checked against: a small panel of ids, so that random numbers
    /// hit both listed and unlisted subjects.
    static let form = BallotForm(
        scale: Scale(min: 0, max: 100), cadreIDs: [1, 2, 3], departmentIDs: [1, 2], projectIDs: [1, 2])

    /// nil when the property holds for `input`, else what went wrong.
    public static func check(_ input: [UInt8]) -> String? {
        guard case .object(let object)? = try? JSONParser.parse(input) else { return nil }
        let (submission, errors) = BallotRequest.read(object)
        guard let submission else {
            return errors.isEmpty ? "no submission and no errors" : nil
        }
        guard errors.isEmpty else { return "a submission and errors \(errors)" }
        switch BallotValidator.validate(submission, form: form) {
        case .failure(let failure):
            return failure.errors.isEmpty ? "a failure without errors" : nil
        case .success(let ballot):
            return problem(in: ballot)
        }
    }

    /// The first rule `ballot` breaks, or nil.
    static func problem(in ballot: ValidBallot) -> String? {
        var seen: Set<SubjectKey> = []
        for entry in ballot.entries {
            guard form.allows(entry.subject.kind, entry.subject.id) else { return "unlisted \(entry.subject)" }
            guard seen.insert(entry.subject).inserted else { return "\(entry.subject) scored twice" }
            for score in [entry.villageTime, entry.attitude, entry.completion] where !form.scale.contains(score) {
                return "score \(score) off the scale"
            }
        }
        for kind in SubjectKind.allCases {
            for picks in [ballot.mostSatisfied, ballot.leastSatisfied] {
                if let id = picks[kind], !form.allows(kind, id) { return "unlisted pick \(kind) \(id)" }
            }
            if let id = ballot.leastSatisfied[kind], id == ballot.mostSatisfied[kind] {
                return "most and least name \(kind) \(id)"
            }
        }
        if let comment = ballot.comment, comment.count > BallotValidator.commentLimit {
            return "comment of \(comment.count) characters"
        }
        return nil
    }
}
