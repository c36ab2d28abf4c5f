import CZlib

@testable import HTTPCore

extension Gzip {
    /// Decodes gzip with zlib's inflate, independently of `Gzip.compress`, so round-trip tests
    /// check the bytes a real client would decode. Nil when the input is not one complete,
    /// valid gzip member.
    static func inflateForTests(_ compressed: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard cz_inflate_init2(&stream, 15 + 16) == Z_OK else { return nil }
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
                    status = inflate(&stream, Z_NO_FLUSH)
                    return out.count - Int(stream.avail_out)
                }
                output.append(contentsOf: chunk[..<produced])
            }
        }
        return status == Z_STREAM_END && stream.avail_in == 0 ? output : nil
    }

    /// Text that compresses well, longer than the gzip threshold: a JSON-ish ranking table with
    /// Chinese names.
    static func sampleJSON(rows: Int = 100) -> [UInt8] {
        let items = (1...rows).map { #"{"cadre_id":\#($0),"name":"张三\#($0)","composite":85.87}"# }
        return Array(("{\"items\":[" + items.joined(separator: ",") + "]}").utf8)
    }
}
