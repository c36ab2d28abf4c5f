import Domain
import Store

/// Writes a published round into the cadres' archives (contract §7): an `evaluation` record for
/// every cadre of the round, a `commendation` for each most-satisfied cadre, and a `suspension`
/// for each least-satisfied one, whose status becomes `suspended`. Numbers are integers and
/// scores two-decimal strings, so that the hash chain can be re-checked with Python's json.
enum ArchiveWriter {
    static func write(_ round: Round, _ results: RoundResults, _ transaction: any StoreTransaction) throws {
        for cadre in results.cadres {
            try transaction.archive.append(
                cadreID: Int64(cadre.cadreID), kind: .evaluation, roundID: round.id, period: round.period,
                data: evaluationData(round, cadre))
        }
        for id in results.designations.mostSatisfied.cadres {
            let cadre = results.cadres.first { $0.cadreID == id }
            try transaction.archive.append(
                cadreID: Int64(id), kind: .commendation, roundID: round.id, period: round.period,
                data: [
                    "reason": "最满意干部 (most satisfied)", "round_title": .string(round.title),
                    "most": .int(Int64(cadre?.most ?? 0)),
                ])
        }
        for id in results.designations.leastSatisfied.cadres {
            let cadre = results.cadres.first { $0.cadreID == id }
            try transaction.archive.append(
                cadreID: Int64(id), kind: .suspension, roundID: round.id, period: round.period,
                data: [
                    "reason": "最不满意干部，待岗处理 (least satisfied, suspended pending reassignment)",
                    "round_title": .string(round.title), "least": .int(Int64(cadre?.least ?? 0)),
                ])
            try transaction.registry.setCadreStatus(.suspended, cadreID: Int64(id), townshipID: round.townshipID)
        }
    }

    private static func evaluationData(_ round: Round, _ cadre: CadreResult) -> JSONValue {
        let text = Scores.archived
        return [
            "round_title": .string(round.title),
            "rank": cadre.rank.map { .int(Int64($0)) } ?? .null,
            "scores": [
                "village_time": text(cadre.scores.villageTime), "attitude": text(cadre.scores.attitude),
                "completion": text(cadre.scores.completion), "composite": text(cadre.scores.composite),
            ],
            "most": .int(Int64(cadre.most)), "least": .int(Int64(cadre.least)), "net": .int(Int64(cadre.net)),
            "n": .int(Int64(cadre.n)),
        ]
    }
}
