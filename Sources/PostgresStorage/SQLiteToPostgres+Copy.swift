import Storage

/// The copy itself: every table's rows, verbatim, in foreign-key order.
extension SQLiteToPostgres {
    /// DuPing's tables, each after the tables it references. The same names in both schemas
    /// (`Schema`, `PostgresSchema`); a test keeps this list equal to both.
    public static let tables = [
        "townships", "credentials", "departments", "cadres", "cadre_tokens", "projects", "evaluators",
        "rounds", "round_subjects", "round_panel", "ballots", "round_tallies", "round_documents", "archive_records",
        "project_checks", "project_events", "quarterly_reviews", "assessments", "assessment_overrides", "objections",
        "whereabouts", "diary_entries", "requests", "request_events",
    ]

    /// PostgreSQL's tables with no SQLite twin, which start empty: the throttle's windows, which
    /// SQLite keeps in the server's memory.
    public static let postgresOnly = ["throttle_windows"]

    static func copyTables(from source: Connection, to target: PGConnection, into summary: inout MigrationSummary)
        throws
    {
        let found = try source.query(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'"
        ) { $0.string(0) }
        let unknown = Set(found).subtracting(tables).sorted()
        guard unknown.isEmpty else { throw MigrationError.unknownTables(unknown) }
        for table in tables {
            let rows =
                table == "ballots"
                ? try copyBallots(from: source, to: target) : try copyRows(of: table, from: source, to: target)
            summary.tables.append(.init(name: table, rows: rows))
        }
        summary.emptySlotsLeft =
            try source.queryOne("SELECT count(*) FROM ballots WHERE filled = 0") { $0.int(0) } ?? 0
    }

    /// Copies a table whose columns are the same in both schemas, value for value, in primary
    /// key order. Each value must already be of the PostgreSQL column's kind: nothing is
    /// converted, so text, integers and bytes arrive exactly as SQLite held them (text with
    /// U+0000 included: `PGConnection` binds it through `PGText`).
    static func copyRows(of table: String, from source: Connection, to target: PGConnection) throws -> Int {
        let columns = try TargetColumn.all(of: table, target)
        let sourceColumns = try source.query("SELECT name, pk FROM pragma_table_info(?)", [table]) {
            (name: $0.string(0), pk: $0.int(1))
        }
        guard Set(sourceColumns.map(\.name)) == Set(columns.map(\.name)) else {
            throw MigrationError.columnsDiffer(
                table: table, sqlite: sourceColumns.map(\.name), postgres: columns.map(\.name))
        }
        let key = sourceColumns.filter { $0.pk > 0 }.sorted { $0.pk < $1.pk }.map { quoted($0.name) }
        let insert = BatchInsert(table: table, columns: columns.map(\.name), connection: target)
        let select = "SELECT \(columns.map { quoted($0.name) }.joined(separator: ", ")) FROM \(table)"
        try source.forEachRow(key.isEmpty ? select : select + " ORDER BY " + key.joined(separator: ", ")) { row in
            var values: [SQLValue] = []
            values.reserveCapacity(columns.count)
            for (index, column) in columns.enumerated() {
                let value = row.value(index)
                guard column.accepts(value) else {
                    throw MigrationError.unexpectedValue(
                        table: table, column: column.name, found: value.storageClass, expected: column.type)
                }
                values.append(value)
            }
            try insert.add(values)
        }
        try insert.flush()
        return insert.count
    }

    /// Ballots are the one table whose shape differs, mapped explicitly:
    /// - SQLite keeps fixed-size slots `(slot, round_id, receipt, filled, body)`, `body` being the
    ///   category byte, the day and the ballot padded with zeros (`BallotSlot`); PostgreSQL keeps
    ///   `(receipt, round_id, category, cast_on, content)`, keyed by the receipt, with no serial
    ///   id and no time finer than the day. A filled slot becomes one row (`SlotBallot`: the same
    ///   category, day and ballot bytes, without the padding); the slot number is dropped and no
    ///   row gains an id or a time. Empty slots (of open rounds) are layout, not ballots: not copied.
    /// - They go through a temporary table and into `ballots` sorted by receipt, as
    ///   `PGRoundBallots.roundClosed` leaves a closed round's ballots (same `ORDER BY receipt`, same
    ///   collation), so the heap's order is the random receipts' for every round. (As after a
    ///   close, PostgreSQL may put a short row into room left on an earlier page, found through
    ///   its free space map: that follows from the rows' sizes and receipts, never from voting.)
    static func copyBallots(from source: Connection, to target: PGConnection) throws -> Int {
        let slotColumns = try source.query("SELECT name FROM pragma_table_info('ballots')") { $0.string(0) }
        let columns = try TargetColumn.all(of: "ballots", target).map(\.name)
        guard Set(slotColumns) == ["slot", "round_id", "receipt", "filled", "body"],
            Set(columns) == ["receipt", "round_id", "category", "cast_on", "content"]
        else { throw MigrationError.columnsDiffer(table: "ballots", sqlite: slotColumns, postgres: columns) }
        // The session ends with the migration, so the prepared INSERT naming this table goes too.
        try target.execute("CREATE TEMPORARY TABLE migrated_ballots (LIKE ballots) ON COMMIT DROP")
        let insert = BatchInsert(
            table: "migrated_ballots", columns: ["receipt", "round_id", "category", "cast_on", "content"],
            connection: target)
        try source.forEachRow("SELECT receipt, round_id, body FROM ballots WHERE filled = 1") { row in
            let roundID = row.int64(1)
            guard case .text(let receipt) = row.value(0), case .blob(let body) = row.value(2),
                let ballot = SlotBallot(slotBody: body)
            else { throw MigrationError.unreadableBallot(roundID: roundID) }
            try insert.add([
                .text(receipt), .integer(roundID), .text(ballot.category.rawValue), .text(ballot.castOn),
                .blob(ballot.content),
            ])
        }
        try insert.flush()
        try target.execute(
            """
            INSERT INTO ballots (receipt, round_id, category, cast_on, content)
            SELECT receipt, round_id, category, cast_on, content FROM migrated_ballots ORDER BY round_id, receipt;
            DROP TABLE migrated_ballots;
            """)
        return insert.count
    }

    /// Moves every identity past the highest id copied into its table, so the next insert
    /// (a new township, cadre, round …) does not collide with a copied row.
    static func advanceIdentities(_ target: PGConnection) throws {
        let identities = try target.query(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name
            """
        ) { (table: $0.string(0), column: $0.string(1)) }
        for identity in identities where tables.contains(identity.table) {
            let column = quoted(identity.column)
            try target.run(
                """
                SELECT setval(pg_get_serial_sequence($1, $2), max(\(column))) FROM \(identity.table)
                HAVING max(\(column)) IS NOT NULL
                """, [identity.table, identity.column])
        }
    }

    static func quoted(_ name: String) -> String { "\"" + name + "\"" }
}

/// A PostgreSQL column the copy fills, with the one SQLite storage class it accepts.
struct TargetColumn {
    let name: String
    /// information_schema's `data_type`: bigint, integer, text, bytea.
    let type: String

    static func all(of table: String, _ connection: PGConnection) throws -> [TargetColumn] {
        try connection.query(
            """
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position
            """, [table]
        ) { TargetColumn(name: $0.string(0), type: $0.string(1)) }
    }

    func accepts(_ value: SQLValue) -> Bool {
        switch (value, type) {
        case (.null, _): true
        case (.integer, "bigint"), (.integer, "integer"), (.integer, "smallint"): true
        case (.text, "text"): true
        case (.blob, "bytea"): true
        case (.real, "double precision"), (.real, "real"): true
        default: false
        }
    }
}

extension SQLValue {
    /// SQLite's name for the value's storage class.
    var storageClass: String {
        switch self {
        case .null: "NULL"
        case .integer: "INTEGER"
        case .real: "REAL"
        case .text: "TEXT"
        case .blob: "BLOB"
        }
    }
}
