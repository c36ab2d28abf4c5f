import Domain
import Foundation
import Storage
import Testing

/// A backup taken while ballots pour in is a moment in time: in the copy, every spent code has
/// its ballot, and the aggregates equal a recount of the ballots.
@Suite struct BackupDuringLoadTests {
    @Test(
        TestBackend.sqliteOnly("copies the .sqlite file with SQLite's backup API; PostgreSQL is backed up with pg_dump")
    ) func backupsDuringBallotLoadAreConsistent() throws {
        let f = try EvaluationFixture(cadres: 6, panel: [40, 40, 40, 40])
        let round = try f.createRound()
        let codes = Array(try f.open(round).values)
        let ballot = f.ballot(score: 77, most: f.cadres[0], least: f.cadres[1])
        let voting = DispatchGroup()
        for slice in 0..<4 {
            DispatchQueue.global().async(group: voting) {
                for code in codes[(slice * 40)..<(slice * 40 + 40)] { _ = try? f.vote(code, ballot) }
            }
        }
        var copies: [String] = []
        for index in 0..<5 {
            let path = f.app.directory + "/backup-\(index).sqlite"
            try f.app.app.database.backup(to: path)
            copies.append(path)
            usleep(20_000)
        }
        voting.wait()
        var counts: [Int] = []
        for path in copies {
            let copy = try SQLiteStore(path: path)
            defer { copy.close() }
            try copy.database.read { connection in
                let ballots =
                    try connection.queryOne("SELECT count(*) FROM ballots WHERE filled = 1") { $0.int(0) } ?? -1
                let spent =
                    try connection.queryOne("SELECT count(*) FROM round_panel WHERE voted = 1") { $0.int(0) } ?? -2
                #expect(ballots == spent)
                counts.append(ballots)
            }
            #expect(try copy.read { try $0.ballots.recount(roundID: round) == $0.ballots.tally(roundID: round) })
        }
        #expect(counts == counts.sorted(), "later backups hold at least what earlier ones did: \(counts)")
        #expect(try f.get("/rounds/\(round)/turnout").json["voted"] == .int(160))
    }
}
