import Domain
import Primitives
import Testing

@testable import Storage

/// Migration 6 adds the responsibility boards' columns and tables and keeps every row.
@Suite struct ResponsibilityMigrationTests {
    @Test func existingRowsStayAndProjectsGetTheirCreationEvent() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file()
        do {
            let old = try Database(path: path, migrations: Array(Schema.migrations.prefix(5)))
            try old.write { connection in
                try connection.execute(
                    """
                    INSERT INTO townships (id, code, name, created_at) VALUES (1, 't', '镇', '2026-01-01T00:00:00Z');
                    INSERT INTO credentials (id, kind, township_id, label, token_hash, created_at)
                    VALUES (1, 'admin', 1, '镇组织办', x'01', '2026-01-01T00:00:00Z');
                    INSERT INTO departments (id, township_id, name, created_at) VALUES (2, 1, '交通站', '2026-01-01T00:00:00Z');
                    INSERT INTO cadres (id, township_id, name, department_id, post, status, created_at)
                    VALUES (3, 1, '张三', 2, '站长', 'suspended', '2026-01-02T00:00:00Z');
                    INSERT INTO projects (id, township_id, title, board, year, department_id, cadre_id, created_at)
                    VALUES (4, 1, '修建村道', 'service', 2026, 2, 3, '2026-01-03T00:00:00Z');
                    """)
            }
            old.close()
        }
        let database = try Database(path: path, migrations: Schema.migrations)
        defer { database.close() }
        #expect(database.schemaVersion == Schema.migrations.count)
        try database.read { connection in
            let registry = SQLRegistryRepository(session: SQLiteSession(connection: connection), clock: SystemClock())
            let cadre = try #require(try registry.get(Registry.cadres, townshipID: 1, id: 3))
            #expect(cadre["name"] == "张三")
            #expect(cadre["post"] == "站长")
            #expect(cadre["status"] == "suspended")
            #expect(cadre["village"] == .null)
            #expect(cadre["leader"] == false)
            let project = try #require(try registry.get(Registry.projects, townshipID: 1, id: 4))
            #expect(project["title"] == "修建村道")
            #expect(project["cadre_id"] == 3)
            #expect(project["state"] == "active")
            #expect(project["due_changes"] == 0)
            #expect(project["start"] == .null)
            let access = SQLAccessRepository(session: SQLiteSession(connection: connection), clock: SystemClock())
            #expect(try access.township(id: 1)?.settings == TownshipSettings())
            #expect(try access.credential(tokenHash: [1])?.kind == .admin)
            let timeline = try SQLProjectRepository(
                session: SQLiteSession(connection: connection), clock: SystemClock()
            ).timeline(
                projectID: 4)
            #expect(timeline.map(\.event) == [.created])
            #expect(timeline.first?.at == "2026-01-03T00:00:00Z")
            #expect(timeline.first?.data["title"] == "修建村道")
            #expect(timeline.first?.data["cadre_id"] == 3)
        }
    }
}
