import CSQLite

/// The current row of a query, valid only inside the closure it is passed to.
///
/// Columns are numbered from 0, in `SELECT` order. The non-optional accessors follow SQLite's
/// own conversions (NULL reads as 0 or ""); use the `optional…` ones for nullable columns.
public struct Row {
    private let statement: OpaquePointer

    init(statement: OpaquePointer) {
        self.statement = statement
    }

    /// How many columns the statement returns.
    public var columnCount: Int { Int(sqlite3_column_count(statement)) }

    /// The declared or computed name of column `index`.
    public func columnName(_ index: Int) -> String {
        String(cString: sqlite3_column_name(statement, Int32(index)))
    }

    public func isNull(_ index: Int) -> Bool {
        sqlite3_column_type(statement, Int32(index)) == SQLITE_NULL
    }

    public func int64(_ index: Int) -> Int64 {
        sqlite3_column_int64(statement, Int32(index))
    }

    public func int(_ index: Int) -> Int {
        Int(int64(index))
    }

    public func double(_ index: Int) -> Double {
        sqlite3_column_double(statement, Int32(index))
    }

    /// Any non-zero integer is true, matching SQLite's own truth test.
    public func bool(_ index: Int) -> Bool {
        int64(index) != 0
    }

    /// The column as UTF-8 text, decoded with its byte length so embedded NULs survive.
    public func string(_ index: Int) -> String {
        // The pointer must be fetched before the length: sqlite3_column_bytes after a
        // conversion reports the converted size (https://sqlite.org/c3ref/column_blob.html).
        guard let text = sqlite3_column_text(statement, Int32(index)) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, Int32(index)))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    public func blob(_ index: Int) -> [UInt8] {
        guard let bytes = sqlite3_column_blob(statement, Int32(index)) else { return [] }
        let count = Int(sqlite3_column_bytes(statement, Int32(index)))
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    public func optionalInt(_ index: Int) -> Int? {
        isNull(index) ? nil : int(index)
    }

    public func optionalInt64(_ index: Int) -> Int64? {
        isNull(index) ? nil : int64(index)
    }

    public func optionalDouble(_ index: Int) -> Double? {
        isNull(index) ? nil : double(index)
    }

    public func optionalString(_ index: Int) -> String? {
        isNull(index) ? nil : string(index)
    }

    public func optionalBlob(_ index: Int) -> [UInt8]? {
        isNull(index) ? nil : blob(index)
    }

    /// The column in the storage class SQLite actually holds for this row.
    public func value(_ index: Int) -> SQLValue {
        switch sqlite3_column_type(statement, Int32(index)) {
        case SQLITE_INTEGER: .integer(int64(index))
        case SQLITE_FLOAT: .real(double(index))
        case SQLITE_TEXT: .text(string(index))
        case SQLITE_BLOB: .blob(blob(index))
        default: .null
        }
    }
}

/// A row points into a live statement that the next step overwrites; it must not be kept or
/// handed to another thread.
@available(*, unavailable)
extension Row: Sendable {}
