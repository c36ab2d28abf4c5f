/// Splits UTF-8 CSV bytes into records of cells, following RFC 4180 §2.
///
/// Cells may be quoted (rule 5); inside quotes, `""` is a quote (rule 7) and commas, CR and LF
/// are literal (rule 6). Records end at CRLF (rule 1), or at a bare LF or CR since spreadsheet
/// tools on other systems write those; a final line break is optional (rule 2). A quote inside
/// an unquoted cell, or anything but a separator after a closing quote, is an error rather
/// than being guessed at. Separators are ASCII, so scanning bytes never splits a character.
struct CSVScanner {
    /// A quoting error; the reader adds the row number.
    struct Failure: Error {
        let message: String
    }

    private enum Terminator {
        case comma, endOfRecord
    }

    private let bytes: [UInt8]
    private var index: Int
    /// How many records `nextRecord` has returned: the spreadsheet line of the last one.
    private(set) var recordsRead = 0

    /// A scanner over `bytes` starting at `start` (past any byte order mark).
    init(_ bytes: [UInt8], start: Int = 0) {
        self.bytes = bytes
        self.index = start
    }

    /// The next record's cells, or nil when the input is exhausted.
    mutating func nextRecord() throws(Failure) -> [String]? {
        guard index < bytes.count else { return nil }
        var cells: [String] = []
        while true {
            cells.append(try scanCell())
            if try scanTerminator() == .endOfRecord {
                recordsRead += 1
                return cells
            }
        }
    }

    /// The spreadsheet line of the record holding byte `offset` (for a file that is not UTF-8:
    /// the separators are ASCII, so records split the same whatever the encoding). When the
    /// quoting breaks before `offset`, the line after the last whole record.
    static func line(ofByte offset: Int, in bytes: [UInt8], start: Int = 0) -> Int {
        var scanner = CSVScanner(bytes, start: start)
        while scanner.index <= offset {
            guard (try? scanner.nextRecord()) != nil else { return scanner.recordsRead + 1 }
        }
        return scanner.recordsRead
    }

    /// One cell, quoted or not, leaving `index` on its terminator.
    private mutating func scanCell() throws(Failure) -> String {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == 0x0D || byte == 0x0A { break }
                if byte == UInt8(ascii: "\"") { throw Failure(message: "quote inside an unquoted cell") }
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        index += 1
        var cell: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte == UInt8(ascii: "\"") else {
                cell.append(byte)
                continue
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                return String(decoding: cell, as: UTF8.self)
            }
            cell.append(byte)
            index += 1
        }
        throw Failure(message: "quoted cell is never closed")
    }

    /// Consumes the separator after a cell: a comma, a line break (CRLF, LF or CR) or the end.
    private mutating func scanTerminator() throws(Failure) -> Terminator {
        guard index < bytes.count else { return .endOfRecord }
        switch bytes[index] {
        case UInt8(ascii: ","):
            index += 1
            return .comma
        case 0x0D:
            index += 1
            if index < bytes.count && bytes[index] == 0x0A { index += 1 }
            return .endOfRecord
        case 0x0A:
            index += 1
            return .endOfRecord
        default:
            throw Failure(message: "unexpected character after a closing quote")
        }
    }
}
