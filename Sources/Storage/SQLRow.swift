/// One result row as the repositories shared by both backends read it: SQLite's `Row` and
/// PostgreSQL's `PGRow` read their columns alike (NULL reads as 0 or "", `optional…` for
/// nullable columns). Valid only inside the closure it is passed to.
package protocol SQLRow {
    func isNull(_ index: Int) -> Bool
    func int64(_ index: Int) -> Int64
    func int(_ index: Int) -> Int
    func double(_ index: Int) -> Double
    func bool(_ index: Int) -> Bool
    func string(_ index: Int) -> String
    func blob(_ index: Int) -> [UInt8]
    func optionalInt(_ index: Int) -> Int?
    func optionalInt64(_ index: Int) -> Int64?
    func optionalDouble(_ index: Int) -> Double?
    func optionalString(_ index: Int) -> String?
    func optionalBlob(_ index: Int) -> [UInt8]?
}

extension Row: SQLRow {}
