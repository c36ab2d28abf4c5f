import Domain

/// The running aggregates of one round in the flat shape they are stored and updated in: one
/// row per subject and evaluator category with the count, and per supervision the sum, lowest
/// and highest score (enough for the one-high/one-low trim), plus the most/least picks.
///
/// Stored as one JSON text per round (`round_tallies.data`): an array of rows
/// `[kind, id, category, n, vt_sum, vt_min, vt_max, at_sum, at_min, at_max, co_sum, co_min,
/// co_max, most, least]`, the minima and maxima null while `n` is 0. Writing a round's
/// aggregates is then one statement per group commit however many subjects its ballots touched.
public struct RoundTallies: Sendable, Equatable {
    struct Key: Hashable, Sendable {
        var subject: SubjectKey
        var category: EvaluatorCategory
    }

    /// One stored row. Scores are kept per supervision in `ScoreEntry` order; every entry
    /// carries all three, so `vt.count` is the row's ballot count `n`.
    struct Row: Equatable, Sendable {
        var vt = ScoreAggregate()
        var at = ScoreAggregate()
        var co = ScoreAggregate()
        var most = 0
        var least = 0
    }

    private(set) var keys: [Key] = []
    private(set) var rows: [Row] = []
    private var index: [Key: Int] = [:]
    /// Each row's stored text, kept so that a group commit only re-encodes the rows it changed;
    /// empty for a row changed since it was last encoded.
    private var encodedRows: [[UInt8]] = []
    /// Each row's constant start, `["cadre",12,"deputy",`, made once.
    private var keyPrefixes: [[UInt8]] = []

    public init() {}

    public static func == (lhs: RoundTallies, rhs: RoundTallies) -> Bool {
        lhs.keys == rhs.keys && lhs.rows == rhs.rows
    }

    /// Counts one valid ballot cast by an evaluator of `category`.
    public mutating func record(_ ballot: ValidBallot, category: EvaluatorCategory) {
        for entry in ballot.entries {
            let at = slot(Key(subject: entry.subject, category: category))
            encodedRows[at] = []
            rows[at].vt.add(entry.villageTime)
            rows[at].at.add(entry.attitude)
            rows[at].co.add(entry.completion)
        }
        for subject in ballot.mostSatisfied.subjects {
            let at = slot(Key(subject: subject, category: category))
            encodedRows[at] = []
            rows[at].most += 1
        }
        for subject in ballot.leastSatisfied.subjects {
            let at = slot(Key(subject: subject, category: category))
            encodedRows[at] = []
            rows[at].least += 1
        }
    }

    private mutating func slot(_ key: Key) -> Int {
        if let existing = index[key] { return existing }
        index[key] = rows.count
        keys.append(key)
        keyPrefixes.append(Self.prefix(key))
        rows.append(Row())
        encodedRows.append([])
        return rows.count - 1
    }

    /// The same figures as a `Tally`, which the results calculator reads.
    public var tally: Tally {
        var tally = Tally()
        for (key, row) in zip(keys, rows) {
            var subject = tally.subjects[key.subject] ?? SubjectTally()
            if row.vt.count > 0 {
                subject.scores[key.category] = [.villageTime: row.vt, .attitude: row.at, .completion: row.co]
            }
            subject.most += row.most
            subject.least += row.least
            tally.subjects[key.subject] = subject
        }
        return tally
    }
}

extension RoundTallies {
    /// The stored text (see the type's comment). It is rewritten at every group commit, so only
    /// the rows changed since the last call are encoded again.
    public mutating func text() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(2 + rows.count * 64)
        out.append(UInt8(ascii: "["))
        for at in rows.indices {
            if encodedRows[at].isEmpty { encodedRows[at] = Self.encode(keyPrefixes[at], rows[at]) }
            if at > 0 { out.append(UInt8(ascii: ",")) }
            out += encodedRows[at]
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    private static func prefix(_ key: Key) -> [UInt8] {
        var out: [UInt8] = []
        out += "[\"".utf8
        out += key.subject.kind.rawValue.utf8
        out += "\",".utf8
        JSONWriter.writeInteger(key.subject.id, to: &out)
        out += ",\"".utf8
        out += key.category.rawValue.utf8
        out += "\",".utf8
        return out
    }

    private static func encode(_ prefix: [UInt8], _ row: Row) -> [UInt8] {
        var out = prefix
        out.reserveCapacity(prefix.count + 64)
        JSONWriter.writeInteger(row.vt.count, to: &out)
        func append(_ aggregate: ScoreAggregate) {
            out.append(UInt8(ascii: ","))
            JSONWriter.writeInteger(aggregate.sum, to: &out)
            if row.vt.count > 0 {
                out.append(UInt8(ascii: ","))
                JSONWriter.writeInteger(aggregate.min, to: &out)
                out.append(UInt8(ascii: ","))
                JSONWriter.writeInteger(aggregate.max, to: &out)
            } else {
                out += ",null,null".utf8
            }
        }
        append(row.vt)
        append(row.at)
        append(row.co)
        out.append(UInt8(ascii: ","))
        JSONWriter.writeInteger(row.most, to: &out)
        out.append(UInt8(ascii: ","))
        JSONWriter.writeInteger(row.least, to: &out)
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// Reads the stored text; nil if it is not in that shape.
    public init?(text: String) {
        guard let items = (try? JSONParser.parse(text))?.arrayValue else { return nil }
        for item in items {
            guard let fields = item.arrayValue, fields.count == 15,
                let kind = fields[0].stringValue.flatMap(SubjectKind.init(rawValue:)),
                let id = fields[1].intValue,
                let category = fields[2].stringValue.flatMap(EvaluatorCategory.init(rawValue:)),
                let n = fields[3].intValue, let most = fields[13].intValue, let least = fields[14].intValue
            else { return nil }
            var row = Row(most: Int(most), least: Int(least))
            if n > 0 {
                var aggregates: [ScoreAggregate] = []
                for column in stride(from: 4, to: 13, by: 3) {
                    guard let sum = fields[column].intValue, let low = fields[column + 1].intValue,
                        let high = fields[column + 2].intValue
                    else { return nil }
                    aggregates.append(ScoreAggregate(count: Int(n), sum: sum, min: Int(low), max: Int(high)))
                }
                (row.vt, row.at, row.co) = (aggregates[0], aggregates[1], aggregates[2])
            }
            let key = Key(subject: SubjectKey(kind: kind, id: Int(id)), category: category)
            guard index[key] == nil else { return nil }
            rows[slot(key)] = row
        }
    }
}
