import Domain
import Testing

@testable import Storage

/// Migration 4 moves a round's id lists behind its other columns and keeps every value.
@Suite struct RoundListsMigrationTests {
    @Test func listsMoveLastAndEveryValueStays() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file()
        do {
            let old = try Database(path: path, migrations: Array(Schema.migrations.prefix(3)))
            try old.write { connection in
                try connection.execute(
                    """
                    INSERT INTO townships (id, code, name, created_at) VALUES (1, 't', 'T', '2026-01-01T00:00:00Z');
                    INSERT INTO rounds (id, township_id, title, kind, period, rules, evaluator_ids, cadre_ids,
                                        department_ids, project_ids, state, created_at, opened_at, commentary)
                    VALUES (7, 1, '上半年', 'semiannual', '2026-H1', '{}', '[3,1,2]', '[5]', NULL, '[]', 'open',
                            '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', NULL);
                    """)
            }
        }
        let database = try Database(path: path, migrations: Array(Schema.migrations.prefix(4)))
        #expect(database.schemaVersion == 4)
        try database.read { connection in
            let round = try #require(
                try SQLRoundRepository.fetch(townshipID: 1, id: 7, SQLiteSession(connection: connection)))
            #expect(round.title == "上半年")
            #expect(round.state == .open)
            #expect(round.openedAt == "2026-01-02T00:00:00Z")
            #expect(round.evaluatorIDs == [3, 1, 2])
            #expect(round.cadreIDs == [5])
            #expect(round.departmentIDs == nil)
            #expect(round.projectIDs == [])
            let columns = try connection.query("SELECT name, \"notnull\" FROM pragma_table_info('rounds') ORDER BY cid")
            {
                ($0.string(0), $0.bool(1))
            }
            #expect(
                columns.suffix(4).map(\.0) == ["evaluator_ids", "cadre_ids", "department_ids", "project_ids"])
            #expect(columns.first { $0.0 == "evaluator_ids" }?.1 == true, "evaluator_ids stays NOT NULL")
        }
        // NOT NULL still holds for a new row.
        #expect(throws: StoreError.self) {
            try database.write { connection in
                try connection.execute(
                    """
                    INSERT INTO rounds (township_id, title, kind, period, rules, evaluator_ids, created_at)
                    VALUES (1, 'x', 'quarterly', '2026-Q1', '{}', NULL, '2026-01-01T00:00:00Z')
                    """)
            }
        }
    }
}
