import Domain
import Primitives
import Store

/// `duping serve --demo`: on an empty database, a realistic township — 牛马司镇 with 12
/// departments, 60 cadres (five of them leaders, five stationed in villages), a 40-member panel,
/// 16 targets on the three responsibility boards with a year of monthly checks
/// (`DemoData+Responsibility.swift`) — with one published semiannual round (simulated ballots),
/// the finalized quarterly reviews of the year's past quarters (`DemoData+Reviews.swift`) and one
/// open quarterly round, so that a newcomer sees real boards at once; and the cadres in front of
/// the people (`DemoData+People.swift`): a week of whereabouts ending today, half a year of visit
/// diaries and first-asked requests in every state. The year is today's (the injected clock's,
/// UTC+8). Ballot codes of the open round go to `<data>/demo-ballot-codes.txt` and the requests'
/// codes to `<data>/demo-request-codes.txt` (both 0600), never to stdout.
enum DemoData {
    static let township = (code: "niumasi", name: "牛马司镇")

    static let departments = [
        "党政办", "组织办", "宣传办", "纪检监察室", "民政办", "财政所", "农业服务中心", "林业站", "水利站", "自然资源所",
        "综治办", "经管站",
    ]
    static let surnames = Array("王李张刘陈杨黄赵周吴徐孙马朱胡郭何罗高林")
    static let givenNames = ["建国", "秀英", "志强", "桂兰", "德明", "小红", "海波", "春梅", "立新", "玉兰", "国华", "丽娟"]
    static let posts = ["主任", "副主任", "干事", "站长", "所长"]

    /// Fills the database when it has no township yet; returns whether it did.
    static func seedIfEmpty(store: any DataStore, dataDirectory: String, clock: any TimeSource) throws -> Bool {
        guard try store.read({ try $0.access.townships(after: nil, limit: 1, only: nil) }).items.isEmpty else {
            return false
        }
        var random = SeededRandom(seed: 20_260_701)
        let today = CalendarDay(clock.today())!
        // The targets' year, and the rounds' too: a round's projects are those of its period's year.
        let year = today.components.year
        let town = try store.write { try $0.access.createTownship(code: township.code, name: township.name) }
        func insert(_ spec: ResourceSpec, _ rows: [[String: JSONValue]]) throws -> [JSONObject] {
            try store.write { try $0.registry.insert(spec, townshipID: town.id, rows: rows, bulk: true, limit: .max) }
        }
        let departmentRows = try insert(Registry.departments, departments.map { ["name": .string($0)] })
        let departmentIDs = departmentRows.compactMap { $0["id"]?.intValue }
        let cadreRows: [[String: JSONValue]] = (0..<60).map { index in
            let name = "\(surnames[index % surnames.count])\(givenNames[(index * 7) % givenNames.count])"
            var row: [String: JSONValue] = [
                "name": .string(name), "department_id": .int(departmentIDs[index % departmentIDs.count]),
                "post": .string(leaders[index] ?? posts[index % posts.count]),
            ]
            if leaders[index] != nil { row["leader"] = true }
            row["village"] = stationed[index].map(JSONValue.string)
            return row
        }
        let cadreIDs = try insert(Registry.cadres, cadreRows).compactMap { $0["id"]?.intValue }
        try store.write {
            try seedTargets($0, townshipID: town.id, departmentIDs: departmentIDs, cadreIDs: cadreIDs, today: today)
        }
        // Before any round closes: the results a round freezes then count its village days (§12).
        try seedPeople(
            store: store, townshipID: town.id, departmentIDs: departmentIDs, cadreIDs: cadreIDs,
            dataDirectory: dataDirectory, today: today)
        let evaluatorRows: [[String: JSONValue]] = (0..<40).map { index in
            let category = EvaluatorCategory.allCases[index % 4]
            return [
                "name": .string("\(surnames[(index * 3) % surnames.count])\(givenNames[index % givenNames.count])"),
                "category": .string(category.rawValue), "village": .string(villageNames[index % villageNames.count]),
            ]
        }
        let evaluatorIDs = try insert(Registry.evaluators, evaluatorRows).compactMap { $0["id"]?.intValue }

        let half = try store.write {
            try $0.rounds.create(
                Round(
                    townshipID: town.id, title: "\(year)年上半年三督六评", kind: .semiannual, period: "\(year)-H1",
                    rules: RoundRules(categoryWeights: [
                        .deputy: 3, .villageCadre: 2, .retiredCadre: 2, .contactHousehold: 3,
                    ]),
                    evaluatorIDs: evaluatorIDs, cadreIDs: nil, departmentIDs: nil, projectIDs: nil))
        }
        let codes = try open(half, store: store)
        let voting = try store.read { try $0.rounds.get(townshipID: town.id, id: half.id) }!
        try simulateBallots(
            round: voting, voters: codes.dropLast(3).map(\.evaluatorID), ballots: store.ballotBox, random: &random)
        _ = try RoundWorkflow.close(store, townshipID: town.id, id: half.id)

        // Round 2 (the README's and the start-up line's), opened last; the past quarters' rounds
        // come after it, and their reviews around the half year's publication, as the year went.
        let quarter = try store.write {
            try $0.rounds.create(
                Round(
                    townshipID: town.id, title: "\(year)年第四季度领导班子季评排队", kind: .quarterly, period: "\(year)-Q4",
                    rules: RoundRules(), evaluatorIDs: evaluatorIDs, cadreIDs: nil, departmentIDs: nil, projectIDs: nil)
            )
        }
        let reviews = ReviewSeeding(
            store: store, townshipID: town.id, evaluatorIDs: evaluatorIDs, laggard: cadreIDs[laggard])
        let past = pastQuarters(before: today)
        try reviews.seed(past.filter { $0.part <= 2 })
        _ = try store.write {
            try RoundWorkflow.publish(
                in: $0, townshipID: town.id, id: half.id,
                commentary: "镇党委讲评：上半年全镇干部下村时间明显增加，群众满意度稳步提升。对排名靠后的同志，请认真整改。")
        }
        try reviews.seed(past.filter { $0.part > 2 })
        try seedAssessment(store: store, townshipID: town.id, year: year, today: today)

        let open = try open(quarter, store: store)
        try writeCodes(open, title: quarter.title, path: dataDirectory + "/demo-ballot-codes.txt")
        return true
    }

    static func open(_ round: Round, store: any DataStore) throws -> [IssuedCode] {
        try store.write {
            try $0.rounds.open(townshipID: round.townshipID, id: round.id, subjectLimit: .max) {
                let code = BallotCode.generate()
                return (code.display, Tokens.hash(code.value))
            }
        }
    }

    /// Ballots with a plausible spread: each cadre has a "true" level (`level`, by cadre id; 60–94
    /// by default), evaluators vary around it; most pick the best, many the worst as least satisfied.
    static func simulateBallots(
        round: Round, voters: [Int64], ballots: any BallotBox, random: inout SeededRandom,
        level: (inout SeededRandom, Int) -> Int = { random, _ in 60 + random.next(35) }
    )
        throws
    {
        let subjects = try ballots.subjects(roundID: round.id)
        let level = Dictionary(uniqueKeysWithValues: subjects.cadres.map { ($0.id, level(&random, $0.id)) })
        let departmentLevel = Dictionary(
            uniqueKeysWithValues: subjects.departments.map { ($0.id, 65 + random.next(30)) })
        let best = subjects.cadres.max { level[$0.id]! < level[$1.id]! }!.id
        let worst = subjects.cadres.min { level[$0.id]! < level[$1.id]! }!.id
        for voter in voters {
            guard let session = try ballots.session(round: round, evaluatorID: voter) else { continue }
            func score(_ base: Int) -> Int { min(100, max(0, base + random.next(21) - 10)) }
            var entries: [ScoreEntry] = subjects.cadres.filter { _ in random.next(10) < 8 }.map {
                ScoreEntry(
                    subject: .cadre($0.id), villageTime: score(level[$0.id]!), attitude: score(level[$0.id]! + 3),
                    completion: score(level[$0.id]! - 2))
            }
            entries += subjects.departments.map {
                ScoreEntry(
                    subject: .department($0.id), villageTime: score(departmentLevel[$0.id]!),
                    attitude: score(departmentLevel[$0.id]!), completion: score(departmentLevel[$0.id]!))
            }
            let projects = subjects.projects.map(\.id)
            let ballot = ValidBallot(
                entries: entries,
                mostSatisfied: Picks(
                    cadreID: random.next(10) < 7 ? best : subjects.cadres[random.next(subjects.cadres.count)].id,
                    departmentID: subjects.departments[random.next(3)].id, projectID: projects[random.next(5)]),
                leastSatisfied: Picks(
                    cadreID: random.next(10) < 6 ? worst : nil,
                    departmentID: subjects.departments.last?.id, projectID: projects.last))
            _ = try ballots.cast(ballot, session: session)
        }
    }

    private static func writeCodes(_ codes: [IssuedCode], title: String, path: String) throws {
        var text = "# \(title) — ballot codes (测评码), one per evaluator; open /ballot.html\n"
        for code in codes { text += "\(code.code)\t\(code.name)\n" }
        try SecretFile.write(text, to: path)
    }
}

/// A small deterministic generator so the demo looks the same on every machine.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    /// A number in 0..<bound.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}
