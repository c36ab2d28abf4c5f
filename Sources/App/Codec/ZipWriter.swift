import HTTPCore

/// Writes a zip archive (PKWARE APPNOTE 6.3.10) in memory: each entry raw-deflated with the
/// system zlib (stored when that does not shrink it), a central directory and its end record.
///
/// Every entry carries the same fixed date, 1980-01-01 00:00 (the earliest MS-DOS date), so
/// the same entries always make the same bytes: a download's ETag or checksum stays stable.
/// No ZIP64: an entry or the whole archive past 4 GiB is refused (a table of 5,000 rows is a
/// few hundred KiB).
struct ZipWriter {
    private var archive: [UInt8] = []
    private var directory: [UInt8] = []
    private var entries = 0

    /// 1980-01-01 in MS-DOS date form: (year − 1980) << 9 | month << 5 | day.
    static let dosDate: UInt16 = 1 << 5 | 1
    static let dosTime: UInt16 = 0
    static let deflated: UInt16 = 8
    static let stored: UInt16 = 0
    /// Version needed to extract: 2.0, deflate.
    static let version: UInt16 = 20
    /// Bit 11: the entry's name is UTF-8.
    static let utf8Names: UInt16 = 1 << 11

    /// Adds the file `path` (forward slashes, no leading slash) with `contents`.
    mutating func add(_ path: String, _ contents: [UInt8]) throws {
        let compressed = Zlib.deflate(contents, windowBits: Zlib.rawWindowBits)
        let (method, data) =
            if let compressed, compressed.count < contents.count { (Self.deflated, compressed) } else {
                (Self.stored, contents)
            }
        let name = Array(path.utf8)
        let offset = archive.count
        guard contents.count < Int(UInt32.max), offset + data.count + name.count + 30 < Int(UInt32.max),
            name.count <= Int(UInt16.max), entries < Int(UInt16.max)
        else { throw ZipError.tooLarge }
        let crc = Zlib.crc32(contents)

        archive.appendLittleEndian(UInt32(0x0403_4b50))
        appendCommonFields(to: &archive, method: method, crc: crc, compressed: data.count, size: contents.count)
        archive.appendLittleEndian(UInt16(name.count))
        archive.appendLittleEndian(UInt16(0))  // extra field length
        archive.append(contentsOf: name)
        archive.append(contentsOf: data)

        directory.appendLittleEndian(UInt32(0x0201_4b50))
        directory.appendLittleEndian(Self.version)  // made by: MS-DOS (0) upper byte, 2.0
        appendCommonFields(to: &directory, method: method, crc: crc, compressed: data.count, size: contents.count)
        directory.appendLittleEndian(UInt16(name.count))
        directory.appendLittleEndian(UInt16(0))  // extra field length
        directory.appendLittleEndian(UInt16(0))  // comment length
        directory.appendLittleEndian(UInt16(0))  // disk number start
        directory.appendLittleEndian(UInt16(0))  // internal attributes
        directory.appendLittleEndian(UInt32(0))  // external attributes
        directory.appendLittleEndian(UInt32(offset))
        directory.append(contentsOf: name)
        entries += 1
    }

    /// The archive: the entries, the central directory and the end of central directory record.
    func finish() throws -> [UInt8] {
        guard archive.count + directory.count + 22 < Int(UInt32.max) else { throw ZipError.tooLarge }
        var output = archive
        output.append(contentsOf: directory)
        output.appendLittleEndian(UInt32(0x0605_4b50))
        output.appendLittleEndian(UInt16(0))  // this disk
        output.appendLittleEndian(UInt16(0))  // disk with the central directory
        output.appendLittleEndian(UInt16(entries))
        output.appendLittleEndian(UInt16(entries))
        output.appendLittleEndian(UInt32(directory.count))
        output.appendLittleEndian(UInt32(archive.count))
        output.appendLittleEndian(UInt16(0))  // comment length
        return output
    }

    /// The fields a local header and its central directory entry share, from "version needed
    /// to extract" to "uncompressed size".
    private func appendCommonFields(
        to bytes: inout [UInt8], method: UInt16, crc: UInt32, compressed: Int, size: Int
    ) {
        bytes.appendLittleEndian(Self.version)
        bytes.appendLittleEndian(Self.utf8Names)
        bytes.appendLittleEndian(method)
        bytes.appendLittleEndian(Self.dosTime)
        bytes.appendLittleEndian(Self.dosDate)
        bytes.appendLittleEndian(crc)
        bytes.appendLittleEndian(UInt32(compressed))
        bytes.appendLittleEndian(UInt32(size))
    }
}

/// A zip archive that cannot be written.
enum ZipError: Error, Equatable {
    /// Past the 4 GiB or 65,535-entry limits of a zip without ZIP64.
    case tooLarge
}

extension [UInt8] {
    /// Appends `value`'s bytes, least significant first, as every zip field is stored.
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
