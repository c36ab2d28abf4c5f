import Domain
import FoundationEssentials
import Store

/// Builds the documents of contract §6–§7 from a round's stored aggregates: the results frozen
/// at close, the public board written at publish, the archive records and the CSV table.
enum ResultsDocument {
    /// Everything the results are computed from, read in the caller's transaction.
    struct Inputs {
        var subjects: FrozenSubjects
        var ballotsByCategory: [EvaluatorCategory: Int]
        var panel: Int
        var results: RoundResults
        /// Each cadre's village days in the round's period (contract §12).
        var villageDays: [Int64: Int] = [:]
        var ballots: Int { ballotsByCategory.values.reduce(0, +) }
    }

    static func inputs(_ round: Round, _ transaction: any StoreTransaction, tally: Tally? = nil) throws -> Inputs {
        let subjects = try transaction.ballots.subjects(roundID: round.id)
        let byCategory = try transaction.ballots.ballotsByCategory(roundID: round.id)
        let panel = try transaction.ballots.turnout(roundID: round.id).panel.count
        let calculator = ResultsCalculator(
            rules: round.rules, ballots: byCategory.values.reduce(0, +))
        let results = calculator.results(
            cadres: subjects.cadres, departments: subjects.departments, projects: subjects.projects,
            tally: try tally ?? transaction.ballots.tally(roundID: round.id))
        var villageDays: [Int64: Int] = [:]
        if let period = Period(round.period) {
            villageDays = try transaction.people.villageDays(
                townshipID: round.townshipID, from: period.firstDay, to: period.lastDay)
        }
        return Inputs(
            subjects: subjects, ballotsByCategory: byCategory, panel: panel, results: results, villageDays: villageDays)
    }

    /// `{"round","turnout","cadres","departments","projects","designations"}` as JSON.
    static func resultsObject(_ round: Round, _ inputs: Inputs) throws -> JSONObject {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let encoded = try encoder.encode(inputs.results)
        var object: JSONObject = [
            "round": .object(round.summary),
            "turnout": ["panel": .int(Int64(inputs.panel)), "ballots": .int(Int64(inputs.ballots))],
        ]
        for (key, value) in try JSONParser.parse(Array(encoded)).objectValue?.entries ?? [] { object[key] = value }
        // Village days stand beside the evaluators' 下村时间 score (contract §12).
        if case .array(let cadres)? = object["cadres"] {
            object["cadres"] = .array(
                cadres.map { cadre in
                    guard var row = cadre.objectValue, let id = row["cadre_id"]?.intValue else { return cadre }
                    row["village_days"] = .int(Int64(inputs.villageDays[id] ?? 0))
                    return .object(row)
                })
        }
        return object
    }

    /// The frozen results stored when the round closes.
    static func closing(_ round: Round, _ transaction: any StoreTransaction) throws -> [UInt8] {
        JSONWriter.encode(.object(try resultsObject(round, try inputs(round, transaction))))
    }

    /// The public board written at publish (results, commentary, time, every counted receipt),
    /// after appending the archive records and suspending the least-satisfied cadres.
    static func publishing(_ round: Round, _ transaction: any StoreTransaction) throws -> [UInt8] {
        let inputs = try inputs(round, transaction)
        try ArchiveWriter.write(round, inputs.results, transaction)
        var object = try resultsObject(round, inputs)
        object["round"] = .object(round.summary.merging(["published_at": .string(round.publishedAt ?? "")]))
        object["commentary"] = .string(round.commentary ?? "")
        object["published_at"] = .string(round.publishedAt ?? "")
        object["receipts"] = .array(try transaction.ballots.receipts(roundID: round.id).map(JSONValue.string))
        return JSONWriter.encode(.object(object))
    }

    /// The cadre table of `results.csv` and `results.xlsx`: the headers of contract §4, with
    /// 下村天数 (§12).
    static func table(_ results: JSONObject) -> ExportTable {
        let header = [
            "排名", "姓名", "部门", "下村时间", "下村天数", "工作态度", "任务完成", "综合得分", "最满意票", "最不满意票", "净票",
        ]
        let rows: [[TableCell]] = (results["cadres"]?.arrayValue ?? []).compactMap(\.objectValue).map { cadre in
            let scores = cadre["scores"]?.objectValue ?? JSONObject()
            func score(_ key: String) -> TableCell {
                switch scores[key] {
                case .double(let value)?: .decimal(Scores.text(value))
                case .int(let value)?: .decimal(Scores.text(Double(value)))
                default: .empty
                }
            }
            func integer(_ key: String) -> TableCell { cadre[key]?.intValue.map { .integer($0) } ?? .empty }
            return [
                integer("rank"), .text(cadre["name"]?.stringValue ?? ""), .text(cadre["department"]?.stringValue ?? ""),
                score("village_time"), integer("village_days"), score("attitude"), score("completion"),
                score("composite"),
                integer("most"), integer("least"), integer("net"),
            ]
        }
        return ExportTable(sheetName: "测评结果", header: header, rows: rows)
    }
}

extension JSONObject {
    /// This object with `other`'s members set over it.
    func merging(_ other: JSONObject) -> JSONObject {
        var result = self
        for (key, value) in other.entries { result[key] = value }
        return result
    }
}
