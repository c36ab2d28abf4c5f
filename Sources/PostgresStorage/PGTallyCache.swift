import Storage

/// The running aggregates of each round as the ballot writer last committed them, with the row
/// version (`xmin`) they were committed as. Reading a round's aggregates asks only whether the
/// row is still that version and sends the text only when it is not (another instance's writer,
/// or any other write, changed it): parsing and re-reading ~60 KB of JSON per group commit was
/// half the writer's time (bench/RESULTS.md, "PostgreSQL (issue 18)").
///
/// Used by the committer thread alone. Entries change only after COMMIT succeeded, so a rolled
/// back batch never leaves its aggregates here.
struct PGTallyCache {
    private var entries: [Int64: (version: String, tallies: RoundTallies)] = [:]

    /// The round's aggregates as stored now, inside the caller's write transaction.
    func load(roundID: Int64, _ connection: PGConnection) throws -> RoundTallies {
        let cached = entries[roundID]
        let row = try connection.queryOne(
            """
            SELECT xmin::text, CASE WHEN xmin::text = $2 THEN NULL ELSE data END
            FROM round_tallies WHERE round_id = $1
            """, [roundID, cached?.version ?? ""]
        ) { (version: $0.string(0), text: $0.optionalString(1)) }
        guard let row else { return RoundTallies() }
        guard let text = row.text else { return cached!.tallies }
        return try PGTallyTable.decode(text, roundID: roundID)
    }

    /// Writes the round's aggregates; the version to `remember` once the transaction commits.
    func save(_ tallies: inout RoundTallies, roundID: Int64, _ connection: PGConnection) throws -> String {
        try connection.queryOne(
            """
            INSERT INTO round_tallies (round_id, data) VALUES ($1, $2)
            ON CONFLICT (round_id) DO UPDATE SET data = excluded.data RETURNING xmin::text
            """, [roundID, tallies.text()]
        ) { $0.string(0) } ?? ""
    }

    mutating func remember(roundID: Int64, version: String, tallies: RoundTallies) {
        entries[roundID] = (version, tallies)
    }

    mutating func forget(roundIDs: some Sequence<Int64>) {
        for roundID in roundIDs { entries[roundID] = nil }
    }
}
