/// A message with holes, as the catalog writes it: `must be between {} and {}`.
///
/// In an English template `{}` stands for a value shown as it is (a number, a name, a field);
/// `{msg}` for a nested message, itself translated through the catalog; any other `{name}` for
/// a word translated through the catalog's fragment table `name` (`{roundState}`: `draft` …).
/// In a Chinese template `{}` takes the English holes' values in order, and `{2}` names the
/// second one, for a sentence that needs them in another order. A `}` with no `{` before it is
/// text (`expected ',' or '}' in object`).
struct MessageTemplate: Sendable {
    /// What fills one hole.
    enum Hole: Sendable, Equatable {
        /// The value itself.
        case verbatim
        /// A nested message, translated through the catalog.
        case message
        /// A word from the fragment table of this name.
        case fragment(String)
        /// The English hole of this 1-based position (Chinese templates only).
        case position(Int)
    }

    /// The text around the holes: one more piece than holes, as UTF-8.
    let pieces: [[UInt8]]
    let holes: [Hole]

    init(_ text: String) {
        var pieces: [[UInt8]] = [[]]
        var holes: [Hole] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), let close = Self.closingBrace(bytes, after: index) {
                let name = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
                holes.append(Self.hole(named: name))
                pieces.append([])
                index = close + 1
            } else {
                pieces[pieces.count - 1].append(bytes[index])
                index += 1
            }
        }
        self.pieces = pieces
        self.holes = holes
    }

    /// The length of the fixed text: longer templates are tried first, so the most specific
    /// one wins (`must be one of {}; the other kinds …` before `must be one of {}`).
    var fixedLength: Int { pieces.reduce(0) { $0 + $1.count } }

    /// The template with every hole written `{}`, as a scan of the source code sees it.
    var normalized: String {
        var text = String(decoding: pieces[0], as: UTF8.self)
        for piece in pieces.dropFirst() { text += "{}" + String(decoding: piece, as: UTF8.self) }
        return text
    }

    /// The values of the holes when `message` fits this template, else nil. The first fit with
    /// the shortest values is taken.
    func match(_ message: String) -> [String]? {
        let bytes = Array(message.utf8)
        guard bytes.count >= fixedLength, bytes.starts(with: pieces[0]) else { return nil }
        if holes.isEmpty { return bytes.count == pieces[0].count ? [] : nil }
        var values: [String] = []
        return fill(bytes, piece: 1, from: pieces[0].count, values: &values) ? values : nil
    }

    /// The text with the holes filled by `values` (already translated).
    func render(_ values: [String]) -> String {
        var out = pieces[0]
        var next = 0
        for (hole, piece) in zip(holes, pieces.dropFirst()) {
            let index: Int
            if case .position(let position) = hole { index = position - 1 } else { index = next }
            next += 1
            if values.indices.contains(index) { out += Array(values[index].utf8) }
            out += piece
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Places piece `piece` at or after `start` (the last one at the very end), the hole before
    /// it taking the bytes between; backtracks to longer values when a later piece does not fit.
    private func fill(_ bytes: [UInt8], piece: Int, from start: Int, values: inout [String]) -> Bool {
        let literal = pieces[piece]
        let isLast = piece == pieces.count - 1
        var position = isLast ? bytes.count - literal.count : start
        while position >= start && position + literal.count <= bytes.count {
            if bytes[position..<(position + literal.count)].elementsEqual(literal) {
                values.append(String(decoding: bytes[start..<position], as: UTF8.self))
                if isLast || fill(bytes, piece: piece + 1, from: position + literal.count, values: &values) {
                    return true
                }
                values.removeLast()
            }
            if isLast { break }
            position += 1
        }
        return false
    }

    private static func closingBrace(_ bytes: [UInt8], after open: Int) -> Int? {
        var index = open + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "}") { return index }
            let isNameByte =
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            guard isNameByte else { return nil }
            index += 1
        }
        return nil
    }

    private static func hole(named name: String) -> Hole {
        if name.isEmpty { return .verbatim }
        if name == "msg" { return .message }
        if let position = Int(name) { return .position(position) }
        return .fragment(name)
    }
}
