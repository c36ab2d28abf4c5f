import Foundation

/// Just enough of Swift's lexical structure to find string literals in call arguments: string
/// literals with escapes and interpolations (which may hold literals themselves), brackets and
/// line comments.
struct SwiftTextReader {
    let text: [Unicode.Scalar]

    init(_ text: [Unicode.Scalar]) { self.text = text }

    /// The literals `marker` points at, the match ending at `start`.
    mutating func literals(of marker: MessageSourceScanner.Marker, at start: Int) -> [String] {
        switch marker.part {
        case .argument(let position):
            let arguments = self.arguments(from: start)
            guard arguments.indices.contains(position) else { return [] }
            if marker.needsStatus {
                let first = trimmed(arguments[0])
                guard let digit = first.first, ("0"..."9").contains(digit) else { return [] }
            }
            return topLiterals(arguments[position], parenthesesOnly: false)
        case .label(let label):
            for argument in arguments(from: start) {
                let argumentText = trimmed(argument)
                guard argumentText.hasPrefix(label + ":") else { continue }
                return topLiterals(argument, parenthesesOnly: false)
            }
            return []
        case .expression:
            return topLiterals(expression(from: start), parenthesesOnly: false)
        case .body:
            return topLiterals(body(from: start), parenthesesOnly: true)
        }
    }

    /// The literal starting at `index` (a `"`) with `{}` for each interpolation, and the index after it.
    func literal(at index: Int) -> (String, Int) {
        var out = ""
        var i = index + 1
        while i < text.count {
            let c = text[i]
            if c == "\\" && i + 1 < text.count {
                let next = text[i + 1]
                if next == "(" {
                    i = skipParenthesised(from: i + 2)
                    out += "{}"
                    continue
                }
                switch next {
                case "n": out += "\n"
                case "t": out += "\t"
                case "r": out += "\r"
                default: out.unicodeScalars.append(next)
                }
                i += 2
                continue
            }
            if c == "\"" { return (out, i + 1) }
            out.unicodeScalars.append(c)
            i += 1
        }
        return (out, i)
    }

    /// The index after the `)` closing a parenthesis opened just before `index`.
    private func skipParenthesised(from index: Int) -> Int {
        var depth = 1
        var i = index
        while i < text.count && depth > 0 {
            if text[i] == "\"" {
                i = literal(at: i).1
                continue
            }
            if text[i] == "(" { depth += 1 } else if text[i] == ")" { depth -= 1 }
            i += 1
        }
        return i
    }

    /// The ranges of the arguments of a call whose `(` ends just before `index`.
    func arguments(from index: Int) -> [Range<Int>] {
        var arguments: [Range<Int>] = []
        var depth = 0
        var start = index
        var i = index
        while i < text.count {
            let c = text[i]
            if c == "\"" {
                i = literal(at: i).1
                continue
            }
            if c == "(" || c == "[" || c == "{" {
                depth += 1
            } else if c == ")" || c == "]" || c == "}" {
                if depth == 0 {
                    arguments.append(start..<i)
                    return arguments
                }
                depth -= 1
            } else if c == "," && depth == 0 {
                arguments.append(start..<i)
                start = i + 1
            }
            i += 1
        }
        return arguments
    }

    /// An expression from `index`: to a `,` or closing bracket at its own level, or to the end
    /// of a line unless the next line goes on with `+`, `?`, `:` or a literal.
    func expression(from index: Int) -> Range<Int> {
        var depth = 0
        var i = index
        while i < text.count {
            let c = text[i]
            if c == "\"" {
                i = literal(at: i).1
                continue
            }
            if c == "(" || c == "[" || c == "{" {
                depth += 1
            } else if c == ")" || c == "]" || c == "}" {
                if depth == 0 { return index..<i }
                depth -= 1
            } else if c == "," && depth == 0 {
                return index..<i
            } else if c == "\n" && depth == 0 {
                let sofar = String(String.UnicodeScalarView(text[index..<i])).trimmingCharacters(in: .whitespaces)
                var next = i + 1
                while next < text.count && (text[next] == " " || text[next] == "\t") { next += 1 }
                let continues = next < text.count && ["+", "?", ":", "\""].contains(text[next])
                if !sofar.isEmpty && !continues { return index..<i }
            }
            i += 1
        }
        return index..<i
    }

    /// A declaration body whose `{` ends just before `index`, to its closing `}`.
    func body(from index: Int) -> Range<Int> {
        var depth = 1
        var i = index
        while i < text.count {
            if text[i] == "\"" {
                i = literal(at: i).1
                continue
            }
            if text[i] == "{" {
                depth += 1
            } else if text[i] == "}" {
                depth -= 1
                if depth == 0 { return index..<i }
            }
            i += 1
        }
        return index..<i
    }

    /// The literals of `range` outside any nested call (with `parenthesesOnly`, braces do not
    /// count as nesting: a function body's `switch` and `if` blocks), skipping `//` comments.
    func topLiterals(_ range: Range<Int>, parenthesesOnly: Bool) -> [String] {
        var found: [String] = []
        var depth = 0
        var i = range.lowerBound
        while i < range.upperBound {
            let c = text[i]
            if c == "\"" {
                let (literal, end) = literal(at: i)
                if depth == 0 { found.append(literal) }
                i = end
                continue
            }
            if c == "/" && i + 1 < text.count && text[i + 1] == "/" {
                while i < range.upperBound && text[i] != "\n" { i += 1 }
                continue
            }
            let opens = c == "(" || c == "[" || (!parenthesesOnly && c == "{")
            let closes = c == ")" || c == "]" || (!parenthesesOnly && c == "}")
            if opens { depth += 1 } else if closes { depth -= 1 }
            i += 1
        }
        return found
    }

    private func trimmed(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(text[range])).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
