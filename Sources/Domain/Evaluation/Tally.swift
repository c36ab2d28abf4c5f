/// The running tally of a round: one `SubjectTally` per subject any ballot touched. Recording a
/// ballot is O(entries); the store keeps the same figures in its own rows inside the ballot's
/// transaction, so computing results costs O(subjects), never O(ballots).
public struct Tally: Sendable, Hashable {
    public var subjects: [SubjectKey: SubjectTally]

    public init(subjects: [SubjectKey: SubjectTally] = [:]) {
        self.subjects = subjects
    }

    /// The tally of `key`, empty if no ballot touched it.
    public subscript(key: SubjectKey) -> SubjectTally {
        subjects[key] ?? SubjectTally()
    }

    /// Adds one valid ballot cast by an evaluator of `category`: its supervision entries and
    /// its (up to six) picks.
    public mutating func record(ballot: ValidBallot, category: EvaluatorCategory) {
        for entry in ballot.entries {
            subjects[entry.subject, default: SubjectTally()].add(entry, category: category)
        }
        for key in ballot.mostSatisfied.subjects {
            subjects[key, default: SubjectTally()].most += 1
        }
        for key in ballot.leastSatisfied.subjects {
            subjects[key, default: SubjectTally()].least += 1
        }
    }
}
