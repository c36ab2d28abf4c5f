import Domain
import TestSupport
import Testing

@testable import Storage

/// The running aggregates as stored: they count ballots exactly as `Tally` does, survive their
/// text form, and migration 3 carries the old per-subject rows over unchanged.
@Suite struct RoundTalliesTests {
    static func randomBallot(_ random: inout SeededGenerator) -> ValidBallot {
        let cadres = (1...30).shuffled(using: &random).prefix(Int.random(in: 0...12, using: &random))
        let departments = (1...6).shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random))
        let keys = cadres.map(SubjectKey.cadre) + departments.map(SubjectKey.department)
        func pick(_ range: ClosedRange<Int>) -> Int? {
            Bool.random(using: &random) ? Int.random(in: range, using: &random) : nil
        }
        return ValidBallot(
            entries: keys.map {
                ScoreEntry(
                    subject: $0, villageTime: Int.random(in: 0...100, using: &random),
                    attitude: Int.random(in: 0...100, using: &random),
                    completion: Int.random(in: 0...100, using: &random))
            },
            mostSatisfied: Picks(cadreID: pick(1...30), departmentID: pick(1...6), projectID: pick(1...9)),
            leastSatisfied: Picks(cadreID: pick(1...30), departmentID: pick(1...6), projectID: pick(1...9)))
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func countsLikeTallyAndSurvivesItsText(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var stored = RoundTallies()
        var expected = Tally()
        // The text is taken halfway too: the second time only re-encodes the rows changed since.
        for count in [150, 150] {
            for _ in 0..<count {
                let ballot = Self.randomBallot(&random)
                let category = EvaluatorCategory.allCases.randomElement(using: &random)!
                stored.record(ballot, category: category)
                expected.record(ballot: ballot, category: category)
            }
            #expect(try #require(RoundTallies(text: stored.text())).tally == expected)
        }
        #expect(stored.tally == expected)
        let reread = try #require(RoundTallies(text: stored.text()))
        #expect(reread == stored)
        #expect(reread.tally == expected)
    }

    @Test func emptyTalliesAreAnEmptyArray() throws {
        var empty = RoundTallies()
        #expect(empty.text() == "[]")
        #expect(try #require(RoundTallies(text: "[]")).tally == Tally())
    }

    @Test(arguments: [
        "", "{}", "[1]", #"[["cadre",1,"deputy",1,5,5,5,5,5,5,5,5,5,0]]"#,
        #"[["mayor",1,"deputy",1,5,5,5,5,5,5,5,5,5,0,0]]"#, #"[["cadre",1,"boss",1,5,5,5,5,5,5,5,5,5,0,0]]"#,
        #"[["cadre",1,"deputy",1,5,null,5,5,5,5,5,5,5,0,0]]"#,
        #"[["cadre",1,"deputy",0,0,null,null,0,null,null,0,null,null,1,0],["cadre",1,"deputy",0,0,null,null,0,null,null,0,null,null,1,0]]"#,
    ])
    func malformedTextIsRefused(text: String) {
        #expect(RoundTallies(text: text) == nil)
    }

    @Test func migrationThreeCarriesTheOldRowsOver() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file()
        do {
            let old = try Database(path: path, migrations: Array(Schema.migrations.prefix(2)))
            try old.write { connection in
                try connection.execute(
                    """
                    INSERT INTO townships (id, code, name, created_at) VALUES (1, 't', 'T', '2026-01-01T00:00:00Z');
                    INSERT INTO rounds (id, township_id, title, kind, period, rules, evaluator_ids, created_at)
                    VALUES (7, 1, 'R', 'semiannual', '2026-H1', '{}', '[]', '2026-01-01T00:00:00Z');
                    INSERT INTO tallies VALUES (7, 'cadre', 1, 'deputy', 2, 140, 60, 80, 190, 90, 100, 145, 70, 75, 0, 0);
                    INSERT INTO tallies VALUES (7, 'cadre', 2, 'deputy', 0, 0, NULL, NULL, 0, NULL, NULL, 0, NULL, NULL, 1, 0);
                    INSERT INTO tallies VALUES (7, 'department', 3, 'retired_cadre', 1, 50, 50, 50, 60, 60, 60, 70, 70, 70, 0, 1);
                    """)
            }
        }
        var expected = Tally()
        expected.record(
            ballot: ValidBallot(
                entries: [ScoreEntry(subject: .cadre(1), villageTime: 80, attitude: 90, completion: 70)],
                mostSatisfied: Picks(cadreID: 2)),
            category: .deputy)
        expected.record(
            ballot: ValidBallot(entries: [
                ScoreEntry(subject: .cadre(1), villageTime: 60, attitude: 100, completion: 75)
            ]),
            category: .deputy)
        expected.record(
            ballot: ValidBallot(
                entries: [ScoreEntry(subject: .department(3), villageTime: 50, attitude: 60, completion: 70)],
                leastSatisfied: Picks(departmentID: 3)),
            category: .retiredCadre)

        let database = try Database(path: path, migrations: Array(Schema.migrations.prefix(3)))
        #expect(database.schemaVersion == 3)
        try database.read { connection in
            #expect(try SQLiteBallotRepository(connection: connection).tally(roundID: 7) == expected)
            #expect(try SQLiteBallotRepository(connection: connection).tally(roundID: 8) == Tally())
            let old = try connection.queryOne("SELECT name FROM sqlite_master WHERE name = 'tallies'") { $0.string(0) }
            #expect(old == nil)
        }
    }
}

/// The group committer's in-memory copy of the aggregates never gets ahead of the table: when a
/// batch's transaction fails, what that batch counted is forgotten with it.
@Suite struct RunningTalliesTests {
    @Test func aFailedBatchLeavesNoCountBehind() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file(), migrations: Schema.migrations)
        try database.write { connection in
            try connection.execute(
                """
                INSERT INTO townships (id, code, name, created_at) VALUES (1, 't', 'T', '2026-01-01T00:00:00Z');
                INSERT INTO rounds (id, township_id, title, kind, period, rules, evaluator_ids, created_at)
                VALUES (7, 1, 'R', 'semiannual', '2026-H1', '{}', '[]', '2026-01-01T00:00:00Z');
                """)
        }
        let committer = GroupCommitter(database: database)
        defer { committer.stop() }
        func ballot(_ score: Int) -> ValidBallot {
            ValidBallot(entries: [
                ScoreEntry(subject: .cadre(1), villageTime: score, attitude: score, completion: score)
            ])
        }
        try committer.submit { _, tallies in tallies.add(ballot(10), roundID: 7, category: .deputy) }
        // Counted into round 7's copy, then the batch fails: round 999 does not exist, so storing
        // its aggregates breaks the foreign key and the whole transaction rolls back.
        #expect(throws: StoreError.self) {
            try committer.submit { _, tallies in
                tallies.add(ballot(50), roundID: 7, category: .deputy)
                tallies.add(ballot(50), roundID: 999, category: .deputy)
            }
        }
        try committer.submit { _, tallies in tallies.add(ballot(30), roundID: 7, category: .deputy) }

        var expected = Tally()
        expected.record(ballot: ballot(10), category: .deputy)
        expected.record(ballot: ballot(30), category: .deputy)
        #expect(try database.read { try SQLiteBallotRepository(connection: $0).tally(roundID: 7) } == expected)
    }

    /// One batch may count ballots for more rounds than the writer keeps in memory: none of
    /// them is lost, and later batches still add to each.
    @Test func aBatchSpanningMoreRoundsThanTheCacheHoldsCountsEveryOne() throws {
        let directory = try TemporaryDirectory()
        let database = try Database(path: directory.file(), migrations: Schema.migrations)
        let rounds = Array(Int64(1)...12)
        try database.write { connection in
            try connection.execute(
                "INSERT INTO townships (id, code, name, created_at) VALUES (1, 't', 'T', '2026-01-01T00:00:00Z')")
            for id in rounds {
                try connection.run(
                    """
                    INSERT INTO rounds (id, township_id, title, kind, period, rules, evaluator_ids, created_at)
                    VALUES (?, 1, 'R', 'semiannual', '2026-H1', '{}', '[]', '2026-01-01T00:00:00Z')
                    """, [id])
            }
        }
        let committer = GroupCommitter(database: database)
        defer { committer.stop() }
        let ballot = ValidBallot(entries: [ScoreEntry(subject: .cadre(1), villageTime: 5, attitude: 6, completion: 7)])
        for _ in 0..<2 {
            try committer.submit { _, tallies in
                for id in rounds { tallies.add(ballot, roundID: id, category: .deputy) }
            }
        }
        var expected = Tally()
        expected.record(ballot: ballot, category: .deputy)
        expected.record(ballot: ballot, category: .deputy)
        for id in rounds {
            #expect(
                try database.read { try SQLiteBallotRepository(connection: $0).tally(roundID: id) } == expected,
                "round \(id)")
        }
    }
}
