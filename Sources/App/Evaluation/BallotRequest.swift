import Domain

/// Reads a ballot body (contract §5) into a `BallotSubmission`: types and unknown fields are
/// checked here, the rules of the round by `BallotValidator`. Public for the ballot fuzz target.
public enum BallotRequest {
    /// The submission, or every type and unknown-field error of the body (never both).
    public static func read(_ object: JSONObject, path: String = "") -> (BallotSubmission?, [FieldError]) {
        var reader = JSONObjectReader(object, path: path)
        var entries: [SupervisionEntry] = []
        if let list = reader.array("supervision", required: false) {
            entries.reserveCapacity(list.count)
            for (index, element) in list.enumerated() {
                if case .object(let entryObject) = element, let entry = plainEntry(entryObject) {
                    entries.append(entry)
                    continue
                }
                let key = "supervision[\(index)]"
                guard case .object(let entryObject) = element else {
                    reader.fail(key, "must be an object")
                    continue
                }
                var entryReader = JSONObjectReader(entryObject, path: reader.path(of: key))
                let entry = SupervisionEntry(
                    cadreID: entryReader.int("cadre_id", required: false).map(Int.init),
                    departmentID: entryReader.int("department_id", required: false).map(Int.init),
                    villageTime: entryReader.int("village_time", required: false).map(Int.init),
                    attitude: entryReader.int("attitude", required: false).map(Int.init),
                    completion: entryReader.int("completion", required: false).map(Int.init))
                entryReader.finish(allowed: ["cadre_id", "department_id", "village_time", "attitude", "completion"])
                reader.merge(entryReader)
                entries.append(entry)
            }
        }
        let most = picks(&reader, "most_satisfied")
        let least = picks(&reader, "least_satisfied")
        let comment = reader.string("comment", required: false)
        reader.finish(allowed: ["supervision", "most_satisfied", "least_satisfied", "comment"])
        guard reader.isValid else { return (nil, reader.errors) }
        return (
            BallotSubmission(supervision: entries, mostSatisfied: most, leastSatisfied: least, comment: comment), []
        )
    }

    /// An entry whose members are all known and integers or null (what every well-formed ballot
    /// sends) read in one pass; nil for anything else, which the reader then reads again to name
    /// each problem. The result is the same as the reader's.
    private static func plainEntry(_ object: JSONObject) -> SupervisionEntry? {
        var entry = SupervisionEntry()
        for (key, value) in object.entries {
            let number: Int?
            switch value {
            case .int(let value): number = Int(value)
            case .null: number = nil
            default: return nil
            }
            switch key {
            case "cadre_id": entry.cadreID = number
            case "department_id": entry.departmentID = number
            case "village_time": entry.villageTime = number
            case "attitude": entry.attitude = number
            case "completion": entry.completion = number
            default: return nil
            }
        }
        return entry
    }

    private static func picks(_ reader: inout JSONObjectReader, _ key: String) -> Picks? {
        reader.nested(key, required: false) { nested in
            let picks = Picks(
                cadreID: nested.int("cadre_id", required: false).map(Int.init),
                departmentID: nested.int("department_id", required: false).map(Int.init),
                projectID: nested.int("project_id", required: false).map(Int.init))
            nested.finish(allowed: ["cadre_id", "department_id", "project_id"])
            return picks
        }
    }
}
