import Domain
import Testing

@testable import Storage

/// Migration 5 moves stored ballots into slots (`BallotSlot`): every ballot, in every earlier
/// format, reads back with its category and receipt, and an open round gets an empty slot for
/// each member who has not voted.
@Suite struct BallotSlotsMigrationTests {
    /// Format 1 of a ballot scoring cadre 5 (30, 40, 50), most-satisfied cadre 5, comment 好.
    /// The zero bytes (no departments, abstentions) must survive the migration's concatenation.
    static let formatOne: [UInt8] = [1, 2, 10, 60, 80, 100, 0, 12, 0, 0, 0, 0, 0, 1] + Array("好".utf8)
    static let jsonEra =
        #"{"supervision":[{"cadre_id":5,"village_time":70,"attitude":70,"completion":70}],"comment":null}"#

    @Test func storedBallotsMoveIntoSlotsAndOpenRoundsGetEmptyOnes() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file()
        do {
            let old = try Database(path: path, migrations: Array(Schema.migrations.prefix(4)))
            try old.write { connection in
                try connection.execute(
                    """
                    INSERT INTO townships (id, code, name, created_at) VALUES (1, 't', 'T', '2026-01-01T00:00:00Z');
                    INSERT INTO rounds (id, township_id, title, kind, period, rules, evaluator_ids, state, created_at)
                    VALUES (1, 1, '上半年', 'semiannual', '2026-H1', '{}', '[1,2,3]', 'open', '2026-01-01T00:00:00Z'),
                           (2, 1, '一季度', 'quarterly', '2026-Q1', '{}', '[1]', 'closed', '2026-01-01T00:00:00Z');
                    INSERT INTO round_subjects (round_id, kind, subject_id, name) VALUES (1, 'cadre', 5, '张三');
                    INSERT INTO round_panel (round_id, evaluator_id, name, category, voted)
                    VALUES (1, 1, 'a', 'deputy', 1), (1, 2, 'b', 'contact_household', 1), (1, 3, 'c', 'deputy', 0),
                           (2, 1, 'a', 'deputy', 1);
                    """)
                try connection.run(
                    "INSERT INTO ballots (receipt, round_id, category, cast_on, content) VALUES (?, 1, 'deputy', '2026-03-01', ?)",
                    ["AAAABBBBCCCC", Self.formatOne])
                try connection.run(
                    "INSERT INTO ballots (receipt, round_id, category, cast_on, content) VALUES (?, 1, 'contact_household', '2026-03-02', ?)",
                    ["DDDDEEEEFFFF", Self.jsonEra])
                try connection.run(
                    "INSERT INTO ballots (receipt, round_id, category, cast_on, content) VALUES (?, 2, 'deputy', '2026-03-03', ?)",
                    ["GGGGHHHHJJJJ", Self.formatOne])
            }
            old.close()
        }
        let database = try Database(path: path, migrations: Schema.migrations)
        defer { database.close() }
        #expect(database.schemaVersion == Schema.migrations.count)
        try database.read { connection in
            #expect(
                try SQLiteBallotRepository(connection: connection).receipts(roundID: 1) == [
                    "AAAA-BBBB-CCCC", "DDDD-EEEE-FFFF",
                ])
            #expect(try SQLiteBallotRepository(connection: connection).receipts(roundID: 2) == ["GGGG-HHHH-JJJJ"])
            #expect(
                try SQLiteBallotRepository(connection: connection).ballotsByCategory(roundID: 1) == [
                    .deputy: 1, .contactHousehold: 1,
                ])
            var expected = Tally()
            expected.record(
                ballot: ValidBallot(
                    entries: [ScoreEntry(subject: .cadre(5), villageTime: 30, attitude: 40, completion: 50)],
                    mostSatisfied: Picks(cadreID: 5), comment: "好"),
                category: .deputy)
            expected.record(
                ballot: ValidBallot(entries: [
                    ScoreEntry(subject: .cadre(5), villageTime: 70, attitude: 70, completion: 70)
                ]),
                category: .contactHousehold)
            #expect(try SQLiteBallotRepository(connection: connection).recount(roundID: 1) == expected)
            // The member who has not voted has an empty slot, big enough for any ballot of the round.
            let empty = try connection.query("SELECT length(body) FROM ballots WHERE round_id = 1 AND filled = 0") {
                $0.int(0)
            }
            #expect(empty.count == 1)
            let needed = BallotSlot.size(cadreIDs: [5], departmentIDs: [], projectIDs: [], scale: Scale())
            #expect(empty.allSatisfy { $0 >= needed })
            #expect(
                try connection.queryOne("SELECT count(*) FROM ballots WHERE round_id = 2 AND filled = 0") { $0.int(0) }
                    == 0)
        }
        let drawn = try database.write { try SQLiteBallotRepository.drawEmptySlot(roundID: 1, $0) }
        #expect(drawn.receipt.utf8.count == Receipt.length)
    }
}
