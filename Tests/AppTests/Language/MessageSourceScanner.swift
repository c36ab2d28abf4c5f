import Foundation

/// Finds the messages the code can send to a client by reading the Swift sources: the string
/// literals in the places messages are written (`FieldError(… message:)`, `reader.fail(key, …)`,
/// `APIError(4xx, …)`, `.conflict(…)`, `detail: …` and so on), each interpolation turned into
/// `{}`. Only the literals at the top of the argument count (not `"}"` in `peek(UInt8(ascii: "}"))`),
/// but both sides of a `?:` do.
struct MessageSourceScanner {
    /// Where a message is written: a call opening (matched by a regular expression ending at its
    /// `(` or at the expression that follows) and which part of it holds the message.
    enum Part {
        /// The argument at this 0-based position.
        case argument(Int)
        /// The argument with this label.
        case label(String)
        /// The expression after the match (`detail: "…"`, `static let x = "…"`).
        case expression
        /// Every literal of the declaration body that follows (a function that returns messages).
        case body
    }

    struct Marker {
        let pattern: Regex<AnyRegexOutput>
        let part: Part
        /// For `APIError(…)`: only when the first argument is a status number.
        var needsStatus = false

        init(_ pattern: String, _ part: Part, needsStatus: Bool = false) {
            self.pattern = try! Regex(pattern)
            self.part = part
            self.needsStatus = needsStatus
        }
    }

    static var markers: [Marker] {
        [
            Marker(#"FieldError\("#, .label("message")),
            Marker(#"\.syntax\("#, .label("message")),
            Marker(#"Failure\("#, .label("message")),
            Marker(#"syntaxError\("#, .argument(0)),
            Marker(#"(?:^|[^A-Za-z0-9_])fail\("#, .argument(1)),
            Marker(#"APIError\("#, .argument(1), needsStatus: true),
            Marker(#"\.(conflict|forbidden|notFound|unauthorized|badRequest)\("#, .argument(0)),
            Marker(#"(?:^|[^A-Za-z0-9_])detail: (?=")"#, .expression),
            Marker(#"(?:^|[^A-Za-z0-9_])let detail = (?=")"#, .expression),
            Marker(#"wrongState\("#, .argument(1)),
            Marker(#"static let cadreForbidden ="#, .expression),
            Marker(#"func describeCurrentByte\(\)[^{]*\{"#, .body),
            Marker(#"func overrideRefusal\([^{]*\{"#, .body),
            Marker(#"func refusal\([^{]*\{"#, .body),
            Marker(#"public var message: String \{"#, .body),
        ]
    }

    /// The words a `tooMany:` argument names (translated through the `tooMany` fragment table).
    static var fragmentMarkers: [String: Marker] { ["tooMany": Marker(#"(?:^|[^A-Za-z0-9_])tooMany: "#, .expression)] }

    /// Messages of errors that never reach a client: start-up failures printed by `duping`.
    static let startUpOnly: Set<String> = [
        "cannot create data directory {}: errno {}", "cannot write {}", "cannot write {}: errno {}",
        "trusted proxy '{}' is not an IPv4 or IPv6 address",
        "public URL '{}' is not an http or https URL without query or fragment",
    ]

    /// The Swift files that can make a client's message: App (not its OpenAPI document, demo
    /// data or the catalog itself), Domain, Storage's field errors and HTTPCore's router. The
    /// HTTP layer's own parse errors answer requests whose headers were never read, so they stay
    /// English.
    static func sourceFiles(under sources: URL) -> [URL] {
        let skipped = ["App/OpenAPI/", "App/Demo/", "App/Language/"]
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            let path = url.path
            guard path.hasSuffix(".swift"), !skipped.contains(where: { path.contains("/Sources/" + $0) }) else {
                continue
            }
            let included =
                path.contains("/Sources/App/") || path.contains("/Sources/Domain/")
                || path.contains("/Sources/Storage/") || path.hasSuffix("/Sources/HTTPCore/Router.swift")
            if included { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Each message found, with the file it is in.
    static func messages(in text: String, markers: [Marker] = markers) -> [String] {
        let source = Array(text.unicodeScalars)
        var found: [String] = []
        for marker in markers {
            for match in text.matches(of: marker.pattern) {
                let start = text.unicodeScalars.distance(
                    from: text.unicodeScalars.startIndex, to: match.range.upperBound)
                var reader = SwiftTextReader(source)
                found += reader.literals(of: marker, at: start)
            }
        }
        return found.filter { !$0.isEmpty }
    }
}
