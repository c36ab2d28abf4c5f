import Domain
import Store

/// The demo's quarterly review meetings (督评会 · 季评排队, contract §10): for each quarter of this
/// year (UTC+8) that ended before today, a closed quarterly round with simulated ballots and a
/// review linked to it, finalized with the party committee's commentary through
/// `QuarterlyReviewWorkflow.finalize`, so the archives get their `quarterly_review` records exactly
/// as through the API. From January to March no quarter of the year has ended, and the demo has no
/// review: last year has no targets here, so its Q4 could not score tasks.
///
/// The reviews of Q1 and Q2 are finalized before the half year's round is published, Q3's after,
/// so a cadre's archive reads in the order of the year. One cadre, the laggard, is last in Q1 and
/// Q2, so Q2 shows the `bottom_streak` flag (诫勉谈话); he is also the one the half year's round
/// suspends as least satisfied, so by Q3 he is no subject of its round and goes unranked. The
/// others' levels gather around 76 within 56–97, so that all four grades (好, 较好, 一般, 较差)
/// show, the lowest rarely.
extension DemoData {
    /// The cadre (by index) last in the first two quarters: the one the half year's round
    /// suspends (see `stationed`).
    static let laggard = 8

    static let quarterNames = ["一", "二", "三", "四"]

    /// The committee's commentary (讲评) of each quarter's review, by quarter (Q4 never ends before
    /// a day of its own year).
    static let quarterCommentary = [
        "镇党委讲评：一季度全镇干部下村走访、春耕备耕和项目开工抓得较紧，群众反映总体较好。"
            + "镇党委对本季度排名靠后的干部进行了提醒谈话，请对照群众意见逐条整改。",
        "镇党委讲评：二季度防汛和项目建设任务重，大部分同志经受住了考验。"
            + "对连续两个季度排名末位的同志，镇党委进行了诫勉谈话，限期一个月整改，整改情况在下次督评会上报告。",
        "镇党委讲评：三季度各责任榜项目总体按期推进，群众满意度较上季度有所提升。"
            + "上半年测评最不满意、现待岗处理的同志本季度不参加排队；排名靠后的干部由分管领导逐一谈心谈话，帮助查找差距。",
    ]

    /// This year's quarters that ended before `today`, in order.
    static func pastQuarters(before today: CalendarDay) -> [Period] {
        (1...4).compactMap { Period("\(today.components.year)-Q\($0)") }.filter { $0.lastDay < today }
    }

    /// Seeds finalized quarterly reviews into the demo township.
    struct ReviewSeeding {
        var store: any DataStore
        var townshipID: Int64
        var evaluatorIDs: [Int64]
        /// The laggard's cadre id.
        var laggard: Int64

        func seed(_ quarters: [Period]) throws {
            for quarter in quarters { try seed(quarter) }
        }

        /// The quarter's round (every active cadre; a few evaluators do not vote), closed, and its
        /// review with the default rules, finalized.
        func seed(_ quarter: Period) throws {
            let part = quarter.part
            // A generator of its own, so a quarter looks the same whichever day the demo starts.
            var random = SeededRandom(seed: 20_260_701 + UInt64(part))
            let round = try store.write {
                try $0.rounds.create(
                    Round(
                        townshipID: townshipID,
                        title: "\(quarter.year)年第\(DemoData.quarterNames[part - 1])季度领导班子季评排队",
                        kind: .quarterly, period: quarter.description, rules: RoundRules(), evaluatorIDs: evaluatorIDs,
                        cadreIDs: nil, departmentIDs: nil, projectIDs: nil))
            }
            let codes = try DemoData.open(round, store: store)
            let voting = try store.read { try $0.rounds.get(townshipID: townshipID, id: round.id) }!
            try DemoData.simulateBallots(
                round: voting, voters: codes.dropLast(1 + part).map(\.evaluatorID), ballots: store.ballotBox,
                random: &random
            ) { random, cadreID in
                // Two draws: most cadres near the middle, a few at either end.
                Int64(cadreID) == laggard ? 40 + random.next(6) : 56 + random.next(22) + random.next(21)
            }
            _ = try RoundWorkflow.close(store, townshipID: townshipID, id: round.id)
            let review = try store.write {
                try $0.reviews.createQuarterly(
                    townshipID: townshipID, period: quarter, roundID: round.id, rules: QuarterlyReviewRules())
            }
            _ = try QuarterlyReviewWorkflow.finalize(
                store, townshipID: townshipID, id: review.id, commentary: DemoData.quarterCommentary[part - 1])
        }
    }
}
