/// Row of a results table, shaped like DuPing's cadre row (§6 of the contract), so the peer
/// encodes about the same bytes DuPing serves for its public board.
struct CadreRow: Codable, Sendable {
    struct Scores: Codable, Sendable {
        var village_time: Double
        var attitude: Double
        var completion: Double
        var composite: Double
    }
    var cadre_id: Int
    var name: String
    var department_id: Int
    var department: String
    var most: Int
    var least: Int
    var net: Int
    var n: Int
    var scores: Scores
    var rank: Int
}

/// The body of `GET /ranking`: what a framework's results endpoint returns.
struct Ranking: Codable, Sendable {
    var cadres: [CadreRow]
}

/// A ballot as DuPing's `POST /v1/ballot` takes it (§5 of the contract).
struct Ballot: Codable, Sendable {
    struct Entry: Codable, Sendable {
        var cadre_id: Int?
        var department_id: Int?
        var village_time: Int
        var attitude: Int
        var completion: Int
    }
    struct Picks: Codable, Sendable {
        var cadre_id: Int?
        var department_id: Int?
        var project_id: Int?
    }
    var supervision: [Entry]
    var most_satisfied: Picks?
    var least_satisfied: Picks?
    var comment: String?
}

/// The 201 answer to a ballot.
struct Receipt: Codable, Sendable {
    var receipt: String
}

extension Ranking {
    /// 200 rows with Chinese names and departments, fixed so every request encodes the same.
    static func sample() -> Ranking {
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
        let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平")
        let departments = (1...20).map { "部门\($0)办" }
        let rows = (1..<201).map { i in
            CadreRow(
                cadre_id: i,
                name: String([surnames[i % surnames.count], given[(i * 7) % given.count]]),
                department_id: i % 20 + 1,
                department: departments[i % 20],
                most: i % 13, least: i % 5, net: i % 13 - i % 5, n: 9_000 + i,
                scores: .init(
                    village_time: 70 + Double(i % 30) + 0.25,
                    attitude: 75 + Double(i % 20) + 0.5,
                    completion: 80 + Double(i % 15) + 0.75,
                    composite: 75 + Double(i % 21) + 0.33),
                rank: i)
        }
        return Ranking(cadres: rows)
    }
}
