import Foundation
import Storage
import Testing

/// Contract §5: no physical place of a ballot in the database file follows the order of voting,
/// in the live file nor in a backup taken while the round is open (issue 19, finding 2).
///
/// 24 evaluators vote one by one, each ballot carrying a unique marker in its comment; the
/// marker's byte offset in the file is where that ballot sits. Kendall's tau between the
/// voting order and those offsets is ±1 when ballots are laid down as they arrive (SQLite fills
/// a page from its end, so the audit read the order back exactly) and near 0 when the place is
/// drawn at random. With 24 ballots tau's standard deviation under independence is 0.15; the
/// bound of 0.6 is four of them.
@Suite(.serialized) struct BallotPlacementTests {
    static let voters = 24

    @Test(
        TestBackend.sqliteOnly(
            "byte offsets in the .sqlite file; PostgreSQL's receipt-order rewrite has its own test in StorageTests"))
    func aBallotsPlaceInTheFileDoesNotFollowTheVotingOrder() throws {
        let f = try EvaluationFixture(cadres: 3, panel: [6, 6, 6, 6])
        let round = try f.createRound()
        let codes = try f.open(round)
        let order = f.evaluators.shuffled()
        var markers: [String] = []
        for (index, evaluator) in order.enumerated() {
            let marker = "MARK-\(index)-" + String(UUID().uuidString.prefix(8))
            markers.append(marker)
            #expect(try f.vote(codes[evaluator]!, f.ballot(score: 50 + index, comment: marker)).status == 201)
            // One by one: each ballot its own commit, as the audit's evaluators voted.
            #expect(DurabilityAndAnonymityTests.walEmpties(in: f.app.directory))
        }
        let backup = f.app.directory + "/open-round-backup.sqlite"
        try f.app.app.database.backup(to: backup)

        let live = try Self.offsets(of: markers, inFile: f.app.directory + "/duping.sqlite")
        let copied = try Self.offsets(of: markers, inFile: backup)
        let liveTau = Self.kendallTau(Array(0..<Self.voters), live)
        let backupTau = Self.kendallTau(Array(0..<Self.voters), copied)
        #expect(abs(liveTau) < 0.6, "live file: tau \(liveTau)")
        #expect(abs(backupTau) < 0.6, "backup: tau \(backupTau)")

        // Closing deletes the empty slots; the ballots stay where they were, each exactly once.
        #expect(try f.post("/rounds/\(round)/close").status == 200)
        let closed = f.app.directory + "/closed-round-backup.sqlite"
        try f.app.app.database.backup(to: closed)
        #expect(try Self.offsets(of: markers, inFile: closed) == live)
    }

    /// The single byte offset of each marker in the file (the test fails if one is missing or
    /// appears twice: a second copy would be an earlier version left in free space).
    static func offsets(of markers: [String], inFile path: String) throws -> [Int] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return markers.map { marker in
            let needle = Data(marker.utf8)
            guard let first = data.range(of: needle) else {
                Issue.record("\(marker) not in \(path)")
                return -1
            }
            #expect(data.range(of: needle, in: first.upperBound..<data.endIndex) == nil, "\(marker) twice")
            return first.lowerBound
        }
    }

    /// Kendall's tau-a of two equally long sequences without ties.
    static func kendallTau(_ x: [Int], _ y: [Int]) -> Double {
        var score = 0
        for i in x.indices {
            for j in x.indices where j > i {
                score += (x[i] - x[j]).signum() * (y[i] - y[j]).signum()
            }
        }
        let pairs = x.count * (x.count - 1) / 2
        return Double(score) / Double(pairs)
    }
}
