import Domain
import Testing

/// The quarterly review's rules (contract §10), each clause on its own.
struct QuarterlyRankingTests {
    static let quarterEnd = CalendarDay("2026-06-30")!
    func cadre(_ id: Int64) -> ReviewCadre { ReviewCadre(id: id, name: "干部\(id)", department: "民政办") }

    @Test(arguments: [
        ([(80.0, 60.0), (90.0, 40.0)] as [(Double?, Double)], 84.0 as Double?),
        ([(nil, 60), (90, 40)], 90), ([(80, 60), (nil, 40)], 80), ([(nil, 60), (nil, 40)], nil),
        ([(80, 0), (nil, 40)], nil), ([(80, 0), (70, 40)], 70),
    ])
    func aMissingPartsWeightDropsOut(parts: [(Double?, Double)], mean: Double?) {
        #expect(QuarterlyRanking.weightedMean(parts.map { ($0.0, $0.1) }) == mean)
    }

    @Test(arguments: [
        (100.0, QuarterlyGrade.good), (90, .good), (89.999, .fairlyGood), (80, .fairlyGood), (79.99, .average),
        (60, .average), (59.99, .poor), (0, .poor),
    ])
    func gradesFollowTheScore(score: Double, grade: QuarterlyGrade) {
        #expect(QuarterlyGrade(score: score) == grade)
    }

    @Test func tasksAreTheMeanPointsOfTheCadresLiveScheduledTargetsOnTheQuartersLastDay() {
        let points = QuarterlyReviewRules().points
        let check = { (month: String, progress: Int, assessment: CheckAssessment) in
            MonthlyCheck(month: CalendarMonth(month)!, progress: progress, assessment: assessment)
        }
        let projects = [
            // green: on track with every month checked
            BoardProject(
                id: 1, title: "a", board: .service, cadreID: 7, start: CalendarDay("2026-04-01"),
                due: CalendarDay("2026-12-31"),
                checks: [check("2026-04", 10, .onTrack), check("2026-05", 20, .onTrack)]),
            // red: past due on 06-30
            BoardProject(
                id: 2, title: "b", board: .relief, cadreID: 7, start: CalendarDay("2026-01-01"),
                due: CalendarDay("2026-05-31"), checks: [check("2026-05", 90, .onTrack)]),
            // left out: cancelled, starts after the quarter, no schedule, another cadre's
            BoardProject(
                id: 3, title: "c", board: .service, cadreID: 7, start: CalendarDay("2026-01-01"),
                due: CalendarDay("2026-12-31"), cancelled: true),
            BoardProject(
                id: 4, title: "d", board: .service, cadreID: 7, start: CalendarDay("2026-07-01"),
                due: CalendarDay("2026-12-31")),
            BoardProject(id: 5, title: "e", board: .service, cadreID: 7),
            BoardProject(
                id: 6, title: "f", board: .service, cadreID: 8, start: CalendarDay("2026-01-01"),
                due: CalendarDay("2026-03-31")),
        ]
        #expect(QuarterlyRanking.tasks(of: 7, projects: projects, on: Self.quarterEnd, points: points) == 80)
        #expect(QuarterlyRanking.tasks(of: 8, projects: projects, on: Self.quarterEnd, points: points) == 60)
        #expect(QuarterlyRanking.tasks(of: 9, projects: projects, on: Self.quarterEnd, points: points) == nil)
    }

    @Test func ranksAreCompetitionRanksOnUnroundedScoresWithUnscoredLast() {
        let rows = QuarterlyRanking.rows(
            cadres: (1...5).map(cadre), projects: [],
            votes: [1: 80, 2: 90.001, 3: 90.001, 5: 79.999], rules: QuarterlyReviewRules(),
            quarterEnd: Self.quarterEnd, previousBottoms: [])
        #expect(rows.map(\.cadre.id) == [2, 3, 1, 5, 4])
        #expect(rows.map(\.rank) == [1, 1, 3, 4, nil])
        #expect(rows.map(\.grade) == [.good, .good, .fairlyGood, .average, nil])
        #expect(rows[0].json["score"] == 90.0)  // output rounded to 2 decimals
        #expect(rows[4].json["score"] == .null)
    }

    /// (bottom_streak, the previous quarters' last-ranked cadres, flagged)
    static let streaks: [(Int, [Set<Int64>?], Bool)] = [
        (2, [[3]], true), (2, [[1]], false), (2, [nil], false), (2, [], false),
        (3, [[3], [3]], true), (3, [[3], nil], false), (3, [[3], [1, 3]], true), (1, [], true),
    ]

    @Test(arguments: streaks)
    func theBottomStreakNeedsTheLastPlaceInEachOfTheQuartersBefore(
        streak: Int, previous: [Set<Int64>?], flagged: Bool
    ) {
        var rules = QuarterlyReviewRules()
        rules.bottomStreak = streak
        let rows = QuarterlyRanking.rows(
            cadres: (1...3).map(cadre), projects: [], votes: [1: 90, 2: 80, 3: 70], rules: rules,
            quarterEnd: Self.quarterEnd, previousBottoms: previous)
        #expect(rows.last?.cadre.id == 3)
        #expect(rows.last?.flags == (flagged ? ["bottom_streak"] : []))
        #expect(rows.dropLast().allSatisfy { $0.flags.isEmpty })
    }

    @Test func rulesReadPartialPointsAndRefuseBadWeights() {
        var reader = JSONObjectReader(["points": ["yellow": 70], "weights": ["tasks": 0]])
        let rules = QuarterlyReviewRules.read(&reader)
        #expect(reader.isValid)
        #expect(rules.points[.yellow] == 70 && rules.points[.red] == 60)
        #expect(rules.tasksWeight == 0 && rules.votesWeight == 40)
        var bad = JSONObjectReader([
            "weights": ["tasks": 0, "votes": 0], "points": ["red": 101, "cancelled": 5], "bottom_streak": 0,
        ])
        _ = QuarterlyReviewRules.read(&bad)
        #expect(bad.errors.map(\.field) == ["weights", "points.red", "points.cancelled", "bottom_streak"])
    }

    @Test func quartersKnowTheirLastDayAndTheQuarterBefore() {
        #expect(Period("2026-Q1")!.lastDay.text == "2026-03-31")
        #expect(Period("2024-Q1")!.previous?.description == "2023-Q4")
        #expect(Period("2026-Q3")!.previous?.description == "2026-Q2")
        #expect(Period("2026-H1")!.lastDay.text == "2026-06-30")
        #expect(Period("2000-Q1")!.previous == nil)
    }
}
