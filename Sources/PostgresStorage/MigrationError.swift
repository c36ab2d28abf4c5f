/// Why `SQLiteToPostgres` refused or stopped. Every case is raised before the copy commits, so
/// the target is left as it was (at most migrated to the newest, still empty, schema). No case
/// carries a stored value: tokens, codes and their hashes never reach a message.
public enum MigrationError: Error, Equatable, Sendable, CustomStringConvertible {
    case sourceMissing(path: String)
    case sourceNotDuPing(path: String)
    /// The source's newest applied SQLite migration is not the newest this build knows.
    case sourceSchema(found: Int, newest: Int)
    case targetNotEmpty(tables: [String])
    /// A SQLite table this build does not know how to copy.
    case unknownTables([String])
    case columnsDiffer(table: String, sqlite: [String], postgres: [String])
    /// A SQLite value whose storage class does not fit the PostgreSQL column (copied verbatim
    /// or not at all).
    case unexpectedValue(table: String, column: String, found: String, expected: String)
    case unreadableBallot(roundID: Int64)
    case countMismatch(table: String, sqlite: Int, postgres: Int)
    case chainBroken(cadreID: Int64, seq: Int64?)
    case hashesDiffer(cadreID: Int64)

    public var description: String {
        switch self {
        case .sourceMissing(let path):
            "no DuPing database at \(path) (give the data directory that holds duping.sqlite)"
        case .sourceNotDuPing(let path):
            "\(path) is not a DuPing database (no schema_migrations table)"
        case .sourceSchema(let found, let newest) where found < newest:
            "the SQLite database is at schema version \(found), this build's newest is \(newest): "
                + "start `duping serve` on it once (it migrates on start), stop it, then run migrate again"
        case .sourceSchema(let found, let newest):
            "the SQLite database is at schema version \(found), newer than this build knows (\(newest)): "
                + "use the duping build that last served it"
        case .targetNotEmpty(let tables):
            "the PostgreSQL database already holds DuPing data (in \(tables.joined(separator: ", "))); "
                + "migrate copies into an empty database only: create a new one (createdb) and do not start "
                + "`duping serve` on it before migrating"
        case .unknownTables(let tables):
            "the SQLite database has tables this build does not copy: \(tables.joined(separator: ", "))"
        case .columnsDiffer(let table, let sqlite, let postgres):
            "table \(table) has columns \(sqlite.sorted()) in SQLite but \(postgres.sorted()) in PostgreSQL"
        case .unexpectedValue(let table, let column, let found, let expected):
            "\(table).\(column) holds a \(found) value where PostgreSQL's column is \(expected)"
        case .unreadableBallot(let roundID):
            "a ballot of round \(roundID) is not readable; run `duping verify-archive` and check the file"
        case .countMismatch(let table, let sqlite, let postgres):
            "table \(table): \(sqlite) rows in SQLite but \(postgres) in the copy"
        case .chainBroken(let cadreID, let seq):
            "cadre \(cadreID)'s archive chain does not verify on the copy from seq "
                + "\(seq.map(String.init) ?? "?"); check the source with `duping verify-archive --data DIR`"
        case .hashesDiffer(let cadreID):
            "cadre \(cadreID)'s archive records do not carry the same hashes in the copy"
        }
    }
}
