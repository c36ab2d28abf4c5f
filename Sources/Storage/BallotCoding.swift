import Domain

/// How a ballot's content is stored: a compact binary form with nothing that identifies who
/// cast it.
///
/// Format 1, a BLOB: the byte 1; the number of cadre entries, then each as id, village_time,
/// attitude, completion; the same for departments; the three most-satisfied picks (cadre,
/// department, project) and the three least-satisfied ones, each 0 for an abstention or id + 1;
/// then 0 for no comment, or 1 followed by the comment's UTF-8 bytes to the end. Every number is
/// a zigzag varint (scores may be negative on a custom scale). The bench's ballot of 50 cadres
/// and 15 departments takes about 330 bytes, so a row fits in its B-tree page: the request's own
/// JSON shape, stored before (about 4 KB), spilled onto an overflow page, and writing those was
/// most of the ballot writer's time. Rows stored as that JSON text are still read.
///
/// Format 2, written since ballots live in fixed-size slots (`BallotSlot`): format 1 with the
/// comment's byte count (a varint) after its 1, so that the zero bytes padding the slot after
/// the ballot are not read as part of it.
public enum BallotCoding {
    static let format: UInt8 = 2
    static let unpaddedFormat: UInt8 = 1

    public static func bytes(_ ballot: ValidBallot) -> [UInt8] {
        var out: [UInt8] = [format]
        out.reserveCapacity(16 + ballot.entries.count * 6 + (ballot.comment?.utf8.count ?? 0))
        for kind in [SubjectKind.cadre, .department] {
            let entries = ballot.entries.filter { $0.subject.kind == kind }
            appendVarint(entries.count, to: &out)
            for entry in entries {
                for value in [entry.subject.id, entry.villageTime, entry.attitude, entry.completion] {
                    appendVarint(value, to: &out)
                }
            }
        }
        for picks in [ballot.mostSatisfied, ballot.leastSatisfied] {
            for id in [picks.cadreID, picks.departmentID, picks.projectID] {
                appendVarint(id.map { $0 + 1 } ?? 0, to: &out)
            }
        }
        if let comment = ballot.comment {
            out.append(1)
            appendVarint(comment.utf8.count, to: &out)
            out += comment.utf8
        } else {
            out.append(0)
        }
        return out
    }

    /// The stored ballot: format 1 from a BLOB, the earlier JSON from text. Entries come back
    /// cadres first, then departments, each in the ballot's order. nil for anything else.
    static func decode(_ value: SQLValue) -> ValidBallot? {
        switch value {
        case .blob(let bytes): decode(bytes)
        case .text(let text): decodeRequestShape(text)
        default: nil
        }
    }

    /// A stored ballot of format 2 (bytes after it ignored: the slot's padding) or format 1.
    public static func decode(_ bytes: [UInt8]) -> ValidBallot? {
        var reader = VarintReader(bytes: bytes)
        let version = reader.byte()
        guard version == format || version == unpaddedFormat else { return nil }
        var ballot = ValidBallot(entries: [])
        for kind in [SubjectKind.cadre, .department] {
            guard let count = reader.varint(), count >= 0, count <= bytes.count else { return nil }
            for _ in 0..<count {
                guard let id = reader.varint(), let v = reader.varint(), let a = reader.varint(),
                    let c = reader.varint()
                else { return nil }
                ballot.entries.append(
                    ScoreEntry(subject: SubjectKey(kind: kind, id: id), villageTime: v, attitude: a, completion: c))
            }
        }
        var ids: [Int?] = []
        for _ in 0..<6 {
            guard let raw = reader.varint(), raw >= 0 else { return nil }
            ids.append(raw == 0 ? nil : raw - 1)
        }
        ballot.mostSatisfied = Picks(cadreID: ids[0], departmentID: ids[1], projectID: ids[2])
        ballot.leastSatisfied = Picks(cadreID: ids[3], departmentID: ids[4], projectID: ids[5])
        switch (reader.byte(), version) {
        case (0, format): break
        case (0, _): guard reader.atEnd else { return nil }
        case (1, format):
            guard let length = reader.varint(), length >= 0, let text = reader.take(length),
                let comment = String(validating: text, as: UTF8.self)
            else { return nil }
            ballot.comment = comment
        case (1, _):
            guard let comment = String(validating: reader.rest, as: UTF8.self) else { return nil }
            ballot.comment = comment
        default: return nil
        }
        return ballot
    }

    /// Bytes `appendVarint` writes for `value`.
    static func varintLength(_ value: Int) -> Int {
        var zigzag = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        var length = 1
        while zigzag >= 0x80 {
            zigzag >>= 7
            length += 1
        }
        return length
    }

    /// The most bytes a ballot of a round with these subjects and scale can take: every subject
    /// scored with the widest score, every pick on the widest id, the longest comment (four
    /// UTF-8 bytes per scalar).
    static func maximumLength(cadreIDs: [Int], departmentIDs: [Int], projectIDs: [Int], scale: Scale) -> Int {
        let score = max(varintLength(scale.min), varintLength(scale.max))
        func entries(_ ids: [Int]) -> Int {
            varintLength(ids.count) + ids.reduce(0) { $0 + varintLength($1) + 3 * score }
        }
        func pick(_ ids: [Int]) -> Int { ids.map { varintLength($0 + 1) }.max() ?? 1 }
        let picks = 2 * (pick(cadreIDs) + pick(departmentIDs) + pick(projectIDs))
        let comment = 1 + varintLength(4 * BallotValidator.commentLimit) + 4 * BallotValidator.commentLimit
        return 1 + entries(cadreIDs) + entries(departmentIDs) + picks + comment
    }

    private static func appendVarint(_ value: Int, to out: inout [UInt8]) {
        var zigzag = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while zigzag >= 0x80 {
            out.append(UInt8(zigzag & 0x7F) | 0x80)
            zigzag >>= 7
        }
        out.append(UInt8(zigzag))
    }

    private struct VarintReader {
        let bytes: [UInt8]
        var position = 0

        var atEnd: Bool { position == bytes.count }
        var rest: ArraySlice<UInt8> { bytes[position...] }

        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count <= bytes.count - position else { return nil }
            defer { position += count }
            return bytes[position..<(position + count)]
        }

        mutating func byte() -> UInt8? {
            guard position < bytes.count else { return nil }
            defer { position += 1 }
            return bytes[position]
        }

        mutating func varint() -> Int? {
            var value: UInt64 = 0
            for shift in stride(from: 0, to: 64, by: 7) {
                guard let byte = byte() else { return nil }
                value |= UInt64(byte & 0x7F) << UInt64(shift)
                if byte < 0x80 {
                    let zigzag = Int64(bitPattern: value)
                    return Int((zigzag >> 1) ^ -(zigzag & 1))
                }
            }
            return nil
        }
    }

    /// Rows stored before format 1: JSON in the request's own shape.
    private static func decodeRequestShape(_ text: String) -> ValidBallot? {
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
        func picks(_ value: JSONValue?) -> Picks {
            let object = value?.objectValue
            func id(_ key: String) -> Int? { object?[key]?.intValue.map(Int.init) }
            return Picks(cadreID: id("cadre_id"), departmentID: id("department_id"), projectID: id("project_id"))
        }
        ballot.mostSatisfied = picks(object["most_satisfied"])
        ballot.leastSatisfied = picks(object["least_satisfied"])
        ballot.comment = object["comment"]?.stringValue
        return ballot
    }
}
