extension HTTPRequestParser {
    /// Byte values and character classes of the HTTP grammar (RFC 9110 §5.6, RFC 5234 B.1),
    /// namespaced in the parser so they cannot clash with helpers elsewhere in the module.
    enum ASCII {
        static let tab: UInt8 = 0x09
        static let lf: UInt8 = 0x0A
        static let cr: UInt8 = 0x0D
        static let space: UInt8 = 0x20
        static let quote: UInt8 = 0x22
        static let hash: UInt8 = 0x23
        static let slash: UInt8 = 0x2F
        static let colon: UInt8 = 0x3A
        static let semicolon: UInt8 = 0x3B
        static let equals: UInt8 = 0x3D
        static let questionMark: UInt8 = 0x3F
        static let backslash: UInt8 = 0x5C

        /// `tchar` of RFC 9110 §5.6.2: the characters a token (method, field name, coding) may use.
        static func isTokenChar(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
                UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
                UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                true
            default:
                false
            }
        }

        /// VCHAR: visible US-ASCII, the only bytes a request-target may contain (RFC 9112 §3.2).
        static func isVisible(_ byte: UInt8) -> Bool { byte >= 0x21 && byte <= 0x7E }

        /// SP or HTAB, the whitespace of OWS/BWS (RFC 9110 §5.6.3).
        static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

        /// Whether `byte` may appear in a field value: VCHAR, SP, HTAB or obs-text (RFC 9110 §5.5).
        /// Everything else is a control byte (0x00–0x1F, 0x7F) and a smuggling risk.
        static func isFieldValueChar(_ byte: UInt8) -> Bool {
            byte == tab || (byte >= space && byte != 0x7F)
        }

        /// The value of a HEXDIG, or nil when `byte` is not one (RFC 5234 B.1).
        static func hexValue(_ byte: UInt8) -> UInt64? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt64(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        static func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        /// Whether the bytes form a non-empty `token` (RFC 9110 §5.6.2).
        static func isToken(_ bytes: some Collection<UInt8>) -> Bool {
            !bytes.isEmpty && bytes.allSatisfy(isTokenChar)
        }

        /// `text` without leading and trailing OWS (SP / HTAB).
        static func trimmingBlanks(_ text: Substring) -> Substring {
            // Trimming UTF-8 units, not Characters: a blank followed by a combining mark is one
            // Character, and dropping it would eat the mark too.
            var text = text.utf8
            while let first = text.first, isBlank(first) { text = text.dropFirst() }
            while let last = text.last, isBlank(last) { text = text.dropLast() }
            return Substring(text)
        }

        /// The elements of a comma-separated list field value, spread over all its field lines
        /// (RFC 9110 §5.6.1, §5.3), each trimmed of OWS. Empty elements are kept so callers that
        /// must reject them can.
        static func commaListElements(_ values: [String]) -> [Substring] {
            values.flatMap { value in
                value.split(separator: ",", omittingEmptySubsequences: false).map(trimmingBlanks)
            }
        }

        /// Bytes as a string. Field values may carry obs-text; invalid UTF-8 becomes U+FFFD rather
        /// than failing, since only the router and handlers look at such values.
        static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }
}
