/// gzip compression (RFC 1952) with the system zlib.
public enum Gzip {
    /// zlib's windowBits: 15 is the largest window, +16 asks for the gzip wrapper instead of
    /// the zlib one, which is what `Content-Encoding: gzip` means.
    static let gzipWindowBits: Int32 = 15 + 16

    /// The gzip encoding of `bytes`, or nil when zlib fails (out of memory, a bad level).
    /// Output is deterministic (zlib writes mtime 0), so the same input always compresses to
    /// the same bytes.
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8]? {
        Zlib.deflate(bytes, level: level, windowBits: gzipWindowBits)
    }

    /// Media types whose bodies are text-like and shrink under gzip. Images other than SVG,
    /// fonts like woff2 and archives are already compressed.
    static let compressibleTypes: Set<String> = [
        "application/json", "application/problem+json", "application/javascript",
        "application/xml", "application/manifest+json", "image/svg+xml",
    ]

    /// Whether a `Content-Type` value names a compressible media type: `text/*`, the types in
    /// `compressibleTypes`, or any `+json` / `+xml` structured suffix. Parameters are ignored.
    ///
    /// This runs for every response, so it works on the UTF-8 bytes (media types are ASCII
    /// tokens, RFC 9110 §8.3.1, hence ASCII lowercasing) instead of on Characters, which cost
    /// about a third of the instructions of a `/healthz` request (callgrind, issue 7).
    static func isCompressible(contentType: String?) -> Bool {
        guard let contentType else { return false }
        // The API's own types, exactly as it writes them, answer at once.
        if contentType == "application/json" || contentType == "application/problem+json" { return true }
        var media: [UInt8] = []
        media.reserveCapacity(contentType.utf8.count)
        for byte in contentType.utf8 {
            if byte == UInt8(ascii: ";") { break }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { continue }
            media.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
        }
        func hasSuffix(_ suffix: StaticString) -> Bool {
            let tail = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
            return media.count >= tail.count && media[(media.count - tail.count)...].elementsEqual(tail)
        }
        return media.starts(with: "text/".utf8) || hasSuffix("+json") || hasSuffix("+xml")
            || compressibleTypes.contains(String(decoding: media, as: UTF8.self))
    }
}
