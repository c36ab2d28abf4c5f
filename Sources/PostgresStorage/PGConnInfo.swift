/// What `duping` accepts as a PostgreSQL address (contract §14): a `postgresql://` or
/// `postgres://` URL, or libpq's `key=value` conninfo; and the same text with any password
/// replaced by `***`, for log lines and messages.
public enum PGConnInfo {
    /// True for a URL with a PostgreSQL scheme or a conninfo of `key=value` pairs.
    public static func isValid(_ text: String) -> Bool {
        if isURL(text) { return true }
        return text.contains("=") && !text.contains("://")
    }

    static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// `text` with the password (a URL's `user:PASSWORD@`, a `password=` query parameter or
    /// conninfo pair) replaced by `***`.
    public static func redacted(_ text: String) -> String {
        text.contains("://") ? redactedURL(text) : redactedPairs(text)
    }

    private static func redactedURL(_ url: String) -> String {
        var characters = Array(url)
        var start = 0
        while start + 2 < characters.count, characters[start..<(start + 3)] != [":", "/", "/"] { start += 1 }
        start += 3
        var end = start
        while end < characters.count, !"/?".contains(characters[end]) { end += 1 }
        let authority = characters[start..<end]
        if let at = authority.lastIndex(of: "@"), let colon = authority[start..<at].firstIndex(of: ":") {
            characters.replaceSubrange((colon + 1)..<at, with: Array("***"))
        }
        let redacted = String(characters)
        guard let question = redacted.firstIndex(of: "?") else { return redacted }
        let query = redacted[redacted.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false)
            .map { pair -> String in
                pair.lowercased().hasPrefix("password=") ? "password=***" : String(pair)
            }
        return String(redacted[...question]) + query.joined(separator: "&")
    }

    /// Conninfo: `key = value` pairs separated by spaces, values optionally single-quoted with
    /// backslash escapes.
    private static func redactedPairs(_ conninfo: String) -> String {
        let characters = Array(conninfo)
        var output = ""
        var index = 0
        func skipSpaces() {
            while index < characters.count, characters[index] == " " {
                output.append(" ")
                index += 1
            }
        }
        while index < characters.count {
            skipSpaces()
            var key = ""
            while index < characters.count, characters[index] != "=", characters[index] != " " {
                key.append(characters[index])
                index += 1
            }
            output += key
            skipSpaces()
            guard index < characters.count, characters[index] == "=" else { continue }
            output.append("=")
            index += 1
            skipSpaces()
            var value = ""
            if index < characters.count, characters[index] == "'" {
                value.append("'")
                index += 1
                while index < characters.count, characters[index] != "'" {
                    if characters[index] == "\\", index + 1 < characters.count {
                        value.append(characters[index])
                        index += 1
                    }
                    value.append(characters[index])
                    index += 1
                }
                if index < characters.count {
                    value.append("'")
                    index += 1
                }
            } else {
                while index < characters.count, characters[index] != " " {
                    value.append(characters[index])
                    index += 1
                }
            }
            output += key.lowercased() == "password" ? "***" : value
        }
        return output
    }
}
