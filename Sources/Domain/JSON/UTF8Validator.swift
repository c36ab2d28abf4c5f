/// Checks that bytes are well-formed UTF-8 as Unicode 15 Table 3-7 defines it: no overlong
/// forms, no encoded surrogates (U+D800–U+DFFF), nothing above U+10FFFF, no truncated sequence.
///
/// The CSV reader checks a whole upload with this before splitting it; the JSON parser checks
/// each string it builds, since only strings may hold non-ASCII bytes there. Both report the
/// offset, so a client can find the bad byte.
public enum UTF8Validator {
    /// The offset of the first byte that starts or continues an ill-formed sequence, or nil when
    /// all of `bytes` is valid.
    public static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        while index < count {
            // Most bodies are ASCII: skip eight bytes at a time while no high bit is set.
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard let length = sequenceLength(base, index, count) else { return index }
            index += length
        }
        return nil
    }

    /// Convenience for arrays.
    public static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidOffset(in: $0) }
    }

    /// The length of the valid multi-byte sequence starting at `index`, or nil if it is
    /// ill-formed. The allowed range of the second byte depends on the lead byte (Table 3-7).
    @inline(__always)
    private static func sequenceLength(_ base: UnsafePointer<UInt8>, _ index: Int, _ count: Int) -> Int? {
        let lead = base[index]
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: return nil
        }
        guard index + length <= count else { return nil }
        let second = base[index + 1]
        guard second >= secondLow && second <= secondHigh else { return nil }
        for offset in 2..<length where base[index + offset] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }
}
