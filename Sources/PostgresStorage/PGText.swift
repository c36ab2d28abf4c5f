/// PostgreSQL's `text` cannot hold U+0000, and libpq's text parameters end at the first NUL, so
/// a name like "张三\0李" would be cut short silently; SQLite keeps it. Text bound by
/// `PGConnection` is therefore stored with U+0000 escaped as U+10FFFF "0" (and U+10FFFF itself
/// as U+10FFFF U+10FFFF), and `PGRow.string` undoes it: every string reads back exactly as it
/// was written, on both backends. Text without either character (all real text) is unchanged.
enum PGText {
    static let escape: Unicode.Scalar = "\u{10FFFF}"

    static func encoded(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0 || $0 == 0xF4 }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{0}": scalars.append(contentsOf: [escape, "0"])
            case escape: scalars.append(contentsOf: [escape, escape])
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    static func decoded(_ text: String) -> String {
        guard text.utf8.contains(0xF4) else { return text }
        var scalars = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == escape, let next = iterator.next() else {
                scalars.append(scalar)
                continue
            }
            switch next {
            case "0": scalars.append("\u{0}")
            case escape: scalars.append(escape)
            default: scalars.append(contentsOf: [scalar, next])
            }
        }
        return String(scalars)
    }
}
