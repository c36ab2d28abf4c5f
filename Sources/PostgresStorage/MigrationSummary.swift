/// What `SQLiteToPostgres` copied and checked: rows per table (equal on both sides), archive
/// chains verified on the copy, and how long it took. Counts only, nothing stored.
public struct MigrationSummary: Sendable, Equatable {
    public struct Table: Sendable, Equatable {
        public let name: String
        public let rows: Int
    }

    /// In the order they were copied (parents before children).
    public var tables: [Table] = []
    /// SQLite's empty ballot slots of open rounds: its layout, not ballots, so not copied.
    public var emptySlotsLeft = 0
    public var chainsVerified = 0
    public var archiveRecords = 0
    public var seconds = 0.0

    public var rows: Int { tables.reduce(0) { $0 + $1.rows } }

    public func rows(in table: String) -> Int? { tables.first { $0.name == table }?.rows }

    /// A few lines for the terminal.
    public var lines: [String] {
        let perTable = tables.filter { $0.rows > 0 }.map { "\($0.name) \($0.rows)" }.joined(separator: ", ")
        return [
            "copied \(rows) rows in \(tables.count) tables (\(perTable)); row counts equal on both sides",
            "archive: \(chainsVerified) chains (\(archiveRecords) records) verified on the copy, hashes identical",
            "empty ballot slots of open rounds not copied: \(emptySlotsLeft)",
            "done in \((seconds * 100).rounded() / 100) s",
        ]
    }
}
