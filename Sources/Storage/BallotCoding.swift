import Domain

/// How a ballot's content is stored: the same JSON shape as the request, with nothing that
/// identifies who cast it.
enum BallotCoding {
    /// The stored text, written directly into bytes (this runs for every ballot): the same bytes
    /// as `JSONWriter.encodeString(encode(ballot))`, without building the tree first.
    static func text(_ ballot: ValidBallot) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64 + ballot.entries.count * 80)
        out += #"{"supervision":["#.utf8
        for (index, entry) in ballot.entries.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += (entry.subject.kind == .cadre ? #"{"cadre_id":"# : #"{"department_id":"#).utf8
            JSONWriter.writeInteger(entry.subject.id, to: &out)
            out += #","village_time":"#.utf8
            JSONWriter.writeInteger(entry.villageTime, to: &out)
            out += #","attitude":"#.utf8
            JSONWriter.writeInteger(entry.attitude, to: &out)
            out += #","completion":"#.utf8
            JSONWriter.writeInteger(entry.completion, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += #"],"most_satisfied":"#.utf8
        appendPicks(ballot.mostSatisfied, to: &out)
        out += #","least_satisfied":"#.utf8
        appendPicks(ballot.leastSatisfied, to: &out)
        out += #","comment":"#.utf8
        if let comment = ballot.comment {
            JSONWriter.write(.string(comment), to: &out)
        } else {
            out += "null".utf8
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendPicks(_ picks: Picks, to out: inout [UInt8]) {
        for (index, (key, value)) in [
            ("cadre_id", picks.cadreId), ("department_id", picks.departmentId),
            ("project_id", picks.projectId),
        ].enumerated() {
            out += (index == 0 ? "{\"" : ",\"").utf8
            out += key.utf8
            out += "\":".utf8
            if let value { JSONWriter.writeInteger(value, to: &out) } else { out += "null".utf8 }
        }
        out.append(UInt8(ascii: "}"))
    }

    static func encode(_ ballot: ValidBallot) -> JSONValue {
        let entries: [JSONValue] = ballot.entries.map { entry in
            .object([
                entry.subject.kind == .cadre ? "cadre_id" : "department_id": .int(Int64(entry.subject.id)),
                "village_time": .int(Int64(entry.villageTime)), "attitude": .int(Int64(entry.attitude)),
                "completion": .int(Int64(entry.completion)),
            ])
        }
        return .object([
            "supervision": .array(entries), "most_satisfied": picks(ballot.mostSatisfied),
            "least_satisfied": picks(ballot.leastSatisfied), "comment": ballot.comment.map(JSONValue.string) ?? .null,
        ])
    }

    static func decode(_ text: String) -> ValidBallot? {
        guard let object = (try? JSONParser.parse(text))?.objectValue,
            let entries = object["supervision"]?.arrayValue
        else { return nil }
        var ballot = ValidBallot(entries: [])
        for case .object(let entry) in entries {
            let key: SubjectKey
            if let id = entry["cadre_id"]?.intValue {
                key = .cadre(Int(id))
            } else {
                key = .department(Int(entry["department_id"]?.intValue ?? 0))
            }
            ballot.entries.append(
                ScoreEntry(
                    subject: key, villageTime: Int(entry["village_time"]?.intValue ?? 0),
                    attitude: Int(entry["attitude"]?.intValue ?? 0), completion: Int(entry["completion"]?.intValue ?? 0)
                ))
        }
        ballot.mostSatisfied = picks(object["most_satisfied"])
        ballot.leastSatisfied = picks(object["least_satisfied"])
        ballot.comment = object["comment"]?.stringValue
        return ballot
    }

    private static func picks(_ picks: Picks) -> JSONValue {
        func id(_ value: Int?) -> JSONValue { value.map { .int(Int64($0)) } ?? .null }
        return .object([
            "cadre_id": id(picks.cadreId), "department_id": id(picks.departmentId), "project_id": id(picks.projectId),
        ])
    }

    private static func picks(_ value: JSONValue?) -> Picks {
        let object = value?.objectValue
        func id(_ key: String) -> Int? { object?[key]?.intValue.map(Int.init) }
        return Picks(cadreId: id("cadre_id"), departmentId: id("department_id"), projectId: id("project_id"))
    }
}
