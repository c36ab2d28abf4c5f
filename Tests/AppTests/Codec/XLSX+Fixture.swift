import CZlib
import Foundation
import FoundationXML
import HTTPCore

/// A zip archive read back for the tests, field by field (APPNOTE 6.3.10 §4.3), independently
/// of `ZipWriter`: every central-directory entry must match its local header, inflate to its
/// stated size and CRC-32, and the directory must end exactly where the end record says.
struct ZipEntries {
    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var time: UInt16
        var date: UInt16
        var contents: [UInt8]
    }

    enum Failure: Error, CustomStringConvertible {
        case invalid(String)
        var description: String { if case .invalid(let why) = self { why } else { "" } }
    }

    var entries: [Entry] = []
    var names: [String] { entries.map(\.name) }

    subscript(name: String) -> [UInt8]? { entries.first { $0.name == name }?.contents }

    init(_ bytes: [UInt8]) throws {
        func u16(_ at: Int) throws -> UInt16 {
            guard at >= 0, at + 2 <= bytes.count else { throw Failure.invalid("truncated at \(at)") }
            return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
        }
        func u32(_ at: Int) throws -> UInt32 { UInt32(try u16(at)) | UInt32(try u16(at + 2)) << 16 }
        let end = bytes.count - 22
        guard try u32(end) == 0x0605_4b50 else { throw Failure.invalid("no end of central directory record") }
        let count = Int(try u16(end + 10))
        let size = Int(try u32(end + 12))
        let start = Int(try u32(end + 16))
        guard start + size == end, try u16(end + 8) == count else { throw Failure.invalid("directory bounds") }
        var at = start
        for _ in 0..<count {
            guard try u32(at) == 0x0201_4b50 else { throw Failure.invalid("directory entry at \(at)") }
            let method = try u16(at + 10)
            let crc = try u32(at + 16)
            let compressed = Int(try u32(at + 20))
            let length = Int(try u32(at + 24))
            let nameLength = Int(try u16(at + 28))
            let skip = Int(try u16(at + 30)) + Int(try u16(at + 32))
            let local = Int(try u32(at + 42))
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            guard try u32(local) == 0x0403_4b50,
                Array(bytes[(local + 4)..<(local + 26)]) == Array(bytes[(at + 6)..<(at + 28)])
            else { throw Failure.invalid("local header of \(name) differs from its directory entry") }
            let dataStart = local + 30 + Int(try u16(local + 26)) + Int(try u16(local + 28))
            guard dataStart + compressed <= start else { throw Failure.invalid("data of \(name) overruns") }
            let data = Array(bytes[dataStart..<(dataStart + compressed)])
            let contents: [UInt8]
            switch method {
            case 0: contents = data
            case 8:
                guard let inflated = Self.inflate(data) else { throw Failure.invalid("\(name) does not inflate") }
                contents = inflated
            default: throw Failure.invalid("\(name) uses method \(method)")
            }
            guard contents.count == length, Self.crc32(contents) == crc else {
                throw Failure.invalid("\(name): size or CRC-32 does not match")
            }
            entries.append(
                Entry(
                    name: name, method: method, flags: try u16(at + 8), time: try u16(at + 12), date: try u16(at + 14),
                    contents: contents))
            at += 46 + nameLength + skip
        }
        guard at == end else { throw Failure.invalid("directory size") }
    }

    /// Raw inflate (window bits −15) with zlib, into one complete stream or nil.
    static func inflate(_ compressed: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard cz_inflate_init2(&stream, -15) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        var status = Z_OK
        compressed.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            while status == Z_OK {
                let produced = chunk.withUnsafeMutableBufferPointer { out -> Int in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return out.count - Int(stream.avail_out)
                }
                output.append(contentsOf: chunk[..<produced])
            }
        }
        return status == Z_STREAM_END && stream.avail_in == 0 ? output : nil
    }

    /// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) bit by bit, not zlib's table.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// A workbook's first sheet read back with an XML parser: each cell's type, style and value
/// (shared strings resolved), and the attributes of the elements the tests look at.
final class XLSXSheetReader: NSObject, XMLParserDelegate {
    struct Cell: Equatable {
        /// `t`: nil for a number, `s` for a shared string.
        var type: String?
        var style: String?
        var value: String
    }

    private(set) var cells: [String: Cell] = [:]
    /// Attributes of the first element of each name (`pane`, `dimension`, `col`…).
    private(set) var attributes: [String: [String: String]] = [:]
    private(set) var columnWidths: [Double] = []
    private var strings: [String] = []
    private var text = ""
    private var current: (reference: String, type: String?, style: String?)?

    /// Parses `sheet` with `sharedStrings`; throws when either is not well-formed XML.
    init(sheet: [UInt8], sharedStrings: [UInt8]) throws {
        super.init()
        strings = try Self.sharedStrings(sharedStrings)
        let parser = XMLParser(data: Data(sheet))
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? ZipEntries.Failure.invalid("sheet XML") }
    }

    /// Reads the workbook bytes of a download.
    convenience init(workbook: [UInt8]) throws {
        let zip = try ZipEntries(workbook)
        try self.init(sheet: zip["xl/worksheets/sheet1.xml"] ?? [], sharedStrings: zip["xl/sharedStrings.xml"] ?? [])
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if self.attributes[element] == nil { self.attributes[element] = attributes }
        switch element {
        case "c": current = (attributes["r"] ?? "", attributes["t"], attributes["s"])
        case "v", "t": text = ""
        case "col": columnWidths.append(Double(attributes["width"] ?? "") ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        guard element == "v", let current else { return }
        let value =
            current.type == "s" ? (Int(text).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? "?") : text
        cells[current.reference] = Cell(type: current.type, style: current.style, value: value)
    }

    /// The `<si>` texts of `xl/sharedStrings.xml`, in order.
    static func sharedStrings(_ bytes: [UInt8]) throws -> [String] {
        final class Collector: NSObject, XMLParserDelegate {
            var strings: [String] = []
            var text: String?
            func parser(
                _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) { if element == "si" { text = "" } }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }
            func parser(
                _ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?
            ) {
                if element == "si" { strings.append(text ?? "") }
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? ZipEntries.Failure.invalid("shared strings XML") }
        return collector.strings
    }
}
