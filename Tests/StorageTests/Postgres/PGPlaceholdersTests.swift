import Testing

@testable import PostgresStorage

/// SQL written once with `?` for both backends, numbered for PostgreSQL: every `?` outside
/// quotes and comments becomes the next `$n`, so a value used twice is bound twice, as on SQLite.
@Suite struct PGPlaceholdersTests {
    @Test(arguments: [
        ("SELECT 1", "SELECT 1"),
        ("SELECT a FROM t WHERE x = ? AND y = ? LIMIT ?", "SELECT a FROM t WHERE x = $1 AND y = $2 LIMIT $3"),
        (
            "INSERT INTO e VALUES (?, (SELECT max(seq) + 1 FROM e WHERE p = ?), ?)",
            "INSERT INTO e VALUES ($1, (SELECT max(seq) + 1 FROM e WHERE p = $2), $3)"
        ),
        (
            "SELECT value::bigint FROM json_array_elements_text(?::json)",
            "SELECT value::bigint FROM json_array_elements_text($1::json)"
        ),
        ("SELECT '?', 'it''s ?', \"a?b\" FROM t WHERE x = ?", "SELECT '?', 'it''s ?', \"a?b\" FROM t WHERE x = $1"),
        ("SELECT ? -- a ? here\n, ? /* and ? there */, ?", "SELECT $1 -- a ? here\n, $2 /* and ? there */, $3"),
        ("SELECT '张三?' || ?", "SELECT '张三?' || $1"),
    ])
    func questionMarksOutsideQuotesAndCommentsAreNumbered(sql: String, numbered: String) {
        #expect(PGPlaceholders.numbered(sql) == numbered)
    }
}
