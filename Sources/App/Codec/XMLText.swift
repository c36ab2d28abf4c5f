/// Text made safe for an XML 1.0 document, as SpreadsheetML reads it.
enum XMLText {
    /// `text` with `&`, `<`, `>`, `"` escaped, CR kept as `&#13;` (a parser turns a literal CR
    /// into LF), and the characters XML 1.0 forbids dropped: controls other than tab, LF and
    /// CR, and U+FFFE, U+FFFF (unpaired surrogates cannot occur in a Swift string).
    ///
    /// SpreadsheetML also reads `_xHHHH_` in a string as the character U+HHHH; a literal one
    /// is kept by escaping its underscore as `_x005F_` (ECMA-376 Part 1, §22.9.2.19).
    static func escaped(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\r": output += "&#13;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            case "_" where startsEscapeSequence(scalars, at: index): output += "_x005F_"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Whether `_xHHHH_` (four hex digits) starts at `index`.
    private static func startsEscapeSequence(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)..<(index + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
