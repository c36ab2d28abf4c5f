import CZlib

/// The system zlib's deflate and CRC-32, for gzip responses and for the zip packages of
/// spreadsheet downloads.
public enum Zlib {
    /// zlib's windowBits for raw deflate (RFC 1951): no zlib or gzip wrapper, as a zip entry
    /// stores it.
    public static let rawWindowBits: Int32 = -15

    /// `bytes` compressed with `windowBits` (15 + 16: gzip, −15: raw), or nil when zlib fails
    /// (out of memory, a bad level).
    ///
    /// One `deflate(Z_FINISH)` into a buffer of `deflateBound` bytes: zlib guarantees that bound
    /// is enough for a single call, so there is no output loop. The same input always
    /// compresses to the same bytes.
    public static func deflate(_ bytes: [UInt8], level: Int32 = 6, windowBits: Int32) -> [UInt8]? {
        // avail_in is 32-bit; nothing this large is compressed in one piece.
        guard bytes.count <= Int(UInt32.max) else { return nil }
        var stream = z_stream()
        guard cz_deflate_init2(&stream, level, windowBits, 8) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }

        let bound = Int(deflateBound(&stream, uLong(bytes.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let result = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                // zlib declares next_in mutable (z_const is empty) but never writes through it.
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard result == Z_STREAM_END else { return nil }
        output.removeLast(Int(stream.avail_out))
        return output
    }

    /// The CRC-32 of `bytes` (the one zip and gzip use).
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(CZlib.crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }
}
