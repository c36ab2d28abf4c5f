import Domain
import PostgresStorage
import Primitives
import Storage
import Store
import TestSupport
import Testing

/// A backend the conformance suite runs against: SQLite on a temporary file, and PostgreSQL
/// (contract §14) on a database of its own in the test process's throwaway cluster; every test
/// runs on both unchanged. Without PostgreSQL installed (and without
/// `DUPING_REQUIRE_POSTGRES=1`, which CI sets) only SQLite runs.
struct StoreBackend: Sendable, CustomTestStringConvertible {
    var name: String
    var open: @Sendable (_ directory: String, _ clock: any TimeSource) throws -> any DataStore

    var testDescription: String { name }

    static let sqlite = StoreBackend(name: "SQLite") { directory, clock in
        try SQLiteStore(path: directory + "/store.sqlite", clock: clock)
    }

    static let postgres = StoreBackend(name: "PostgreSQL") { _, clock in
        try PostgresStore(conninfo: try PostgresCluster.shared().makeDatabase(), clock: clock, poolSize: 2)
    }

    static let all: [StoreBackend] = PostgresCluster.shouldRun ? [sqlite, postgres] : [sqlite]
}

/// A fresh store with one township, its departments, cadres, evaluators and a project, made
/// through the protocols only.
struct StoreFixture {
    let directory: TemporaryDirectory
    let clock = ManualClock(wallSeconds: 1_796_560_000)  // 2026-12-06T12:26:40Z
    let store: any DataStore
    let township: Township
    var departments: [Int64] = []
    var cadres: [Int64] = []
    var evaluators: [Int64] = []

    init(_ backend: StoreBackend, evaluators panel: Int = 4) throws {
        directory = try TemporaryDirectory()
        store = try backend.open(directory.path, clock)
        township = try store.write { try $0.access.createTownship(code: "niumasi", name: "牛马司镇") }
        let townshipID = township.id
        departments = try store.write {
            try $0.registry.insert(
                Registry.departments, townshipID: townshipID, rows: [["name": "民政办"], ["name": "财政所"]], bulk: true,
                limit: .max)
        }.compactMap { $0["id"]?.intValue }
        let departmentIDs = departments
        cadres = try store.write {
            try $0.registry.insert(
                Registry.cadres, townshipID: townshipID,
                rows: [
                    ["name": "张三", "department_id": .int(departmentIDs[0])],
                    ["name": "李四", "department_id": .int(departmentIDs[1])],
                ], bulk: true, limit: .max)
        }.compactMap { $0["id"]?.intValue }
        evaluators = try store.write {
            try $0.registry.insert(
                Registry.evaluators, townshipID: townshipID,
                rows: (0..<panel).map { ["name": .string("评议员\($0)"), "category": "deputy"] }, bulk: true,
                limit: .max)
        }.compactMap { $0["id"]?.intValue }
    }

    /// A draft round over every active subject with the whole panel.
    func draft() throws -> Round {
        let round = Round(
            townshipID: township.id, title: "2026年下半年三督六评", kind: .semiannual, period: "2026-H2",
            rules: RoundRules(), evaluatorIDs: evaluators, cadreIDs: nil, departmentIDs: nil, projectIDs: nil)
        return try store.write { try $0.rounds.create(round) }
    }

    /// Opens `round`; evaluator id → (code, hash). Codes here are just distinct strings.
    func open(_ round: Round) throws -> [Int64: [UInt8]] {
        var hashes: [[UInt8]] = []
        let issued = try store.write {
            try $0.rounds.open(townshipID: township.id, id: round.id, subjectLimit: .max) {
                let hash = (0..<32).map { _ in UInt8.random(in: 0...255) }
                hashes.append(hash)
                return ("code-\(hashes.count)", hash)
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(issued.map(\.evaluatorID), hashes))
    }

    func ballot(score: Int) -> ValidBallot {
        ValidBallot(
            entries: cadres.map {
                ScoreEntry(subject: .cadre(Int($0)), villageTime: score, attitude: score, completion: score)
            },
            mostSatisfied: Picks(cadreID: Int(cadres[0])), leastSatisfied: Picks(cadreID: Int(cadres[1])))
    }
}
