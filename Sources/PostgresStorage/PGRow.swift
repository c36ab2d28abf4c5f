import CPostgres
import Storage

/// One row of a PostgreSQL result, valid only inside the closure it is passed to.
///
/// Results come in text format; the accessors parse them as SQLite's `Row` reads its columns
/// (NULL reads as 0 or "", `optional…` for nullable columns), so repositories read alike on both
/// backends. `bytea` arrives as `\x` hex and is decoded here.
public struct PGRow {
    private let result: OpaquePointer
    private let row: Int32

    init(result: OpaquePointer, row: Int32) {
        self.result = result
        self.row = row
    }

    public var columnCount: Int { Int(PQnfields(result)) }

    public func columnName(_ index: Int) -> String {
        String(cString: PQfname(result, Int32(index)))
    }

    public func isNull(_ index: Int) -> Bool {
        PQgetisnull(result, row, Int32(index)) != 0
    }

    /// The text of the column ("" for NULL), with NUL characters as they were bound (`PGText`).
    public func string(_ index: Int) -> String {
        PGText.decoded(rawString(index))
    }

    /// The column's text as the server sent it.
    func rawString(_ index: Int) -> String {
        guard let text = PQgetvalue(result, row, Int32(index)) else { return "" }
        let count = Int(PQgetlength(result, row, Int32(index)))
        return text.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }

    public func int64(_ index: Int) -> Int64 {
        if PQftype(result, Int32(index)) == PGType.bool { return bool(index) ? 1 : 0 }
        return Int64(rawString(index)) ?? 0
    }

    public func int(_ index: Int) -> Int {
        Int(int64(index))
    }

    public func double(_ index: Int) -> Double {
        switch string(index) {
        case "Infinity": .infinity
        case "-Infinity": -.infinity
        case let text: Double(text) ?? 0
        }
    }

    /// `boolean` columns read "t"; integers are true when not zero, as SQLite reads them.
    public func bool(_ index: Int) -> Bool {
        if PQftype(result, Int32(index)) == PGType.bool { return string(index) == "t" }
        return (Int64(string(index)) ?? 0) != 0
    }

    /// A `bytea` column's bytes (`\x` hex in text format).
    public func blob(_ index: Int) -> [UInt8] {
        guard !isNull(index), let text = PQgetvalue(result, row, Int32(index)) else { return [] }
        let count = Int(PQgetlength(result, row, Int32(index)))
        return text.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
            PGHex.decode(UnsafeBufferPointer(start: bytes, count: count))
        }
    }

    public func optionalInt(_ index: Int) -> Int? { isNull(index) ? nil : int(index) }
    public func optionalInt64(_ index: Int) -> Int64? { isNull(index) ? nil : int64(index) }
    public func optionalDouble(_ index: Int) -> Double? { isNull(index) ? nil : double(index) }
    public func optionalString(_ index: Int) -> String? { isNull(index) ? nil : string(index) }
    public func optionalBlob(_ index: Int) -> [UInt8]? { isNull(index) ? nil : blob(index) }

    /// The column as the `SQLValue` its PostgreSQL type corresponds to.
    public func value(_ index: Int) -> SQLValue {
        if isNull(index) { return .null }
        switch PQftype(result, Int32(index)) {
        case PGType.int8, PGType.int4, PGType.int2, PGType.bool: return .integer(int64(index))
        case PGType.float8, PGType.float4, PGType.numeric: return .real(double(index))
        case PGType.bytea: return .blob(blob(index))
        default: return .text(string(index))
        }
    }
}

/// A row points into a live result that is cleared after the call; it must not be kept or
/// handed to another thread.
@available(*, unavailable)
extension PGRow: Sendable {}

/// The type OIDs (`pg_type.oid`) the wrapper binds and reads; fixed since PostgreSQL 7.
enum PGType {
    static let bool: Oid = 16
    static let bytea: Oid = 17
    static let int8: Oid = 20
    static let int2: Oid = 21
    static let int4: Oid = 23
    static let text: Oid = 25
    static let float4: Oid = 700
    static let float8: Oid = 701
    static let numeric: Oid = 1700
}

/// `bytea`'s hex format (<https://www.postgresql.org/docs/15/datatype-binary.html>).
enum PGHex {
    /// Decodes `\x0aff…`; anything else (the old escape format) reads as no bytes.
    static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard text.count >= 2, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x") else { return [] }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((text.count - 2) / 2)
        var index = 2
        while index + 1 < text.count {
            guard let high = nibble(text[index]), let low = nibble(text[index + 1]) else { return [] }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
