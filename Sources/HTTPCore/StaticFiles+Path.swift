extension StaticFiles {
    /// The safe relative path for a request path, or nil when it must be rejected.
    ///
    /// `rawPath` is the still percent-encoded path of an origin-form target. It is decoded
    /// exactly once, so `%252e` stays the literal name `%2e` and can never become `.` later.
    /// Rejected: a path not starting with `/`; an invalid `%` escape; an encoded `/` or `\`
    /// (`%2F`, `%5C`: they would let one segment act as two); decoded NUL, other control bytes or
    /// `\`; non-UTF-8; empty segments other than a trailing `/` (`//etc/passwd`); any segment
    /// starting with `.` — which covers `.` and `..` and also keeps dot-files such as `.env` or
    /// `.git` private.
    ///
    /// A trailing `/` maps to that directory's `index.html` (`/` → `index.html`,
    /// `/docs/` → `docs/index.html`); other directories are mapped when the file is opened.
    public static func resolve(rawPath: String) -> String? {
        guard rawPath.utf8.first == UInt8(ascii: "/"),
            let decoded = percentDecodedPath(rawPath.utf8.dropFirst()),
            let text = String(validating: decoded, as: UTF8.self)
        else { return nil }

        let segments = text.split(separator: "/", omittingEmptySubsequences: false)
        var kept: [Substring] = []
        for (index, segment) in segments.enumerated() {
            if segment.isEmpty {
                guard index == segments.count - 1 else { return nil }
                kept.append("index.html")
            } else {
                guard !segment.hasPrefix(".") else { return nil }
                kept.append(segment)
            }
        }
        return kept.joined(separator: "/")
    }

    /// The bytes of `encoded` with each `%XX` replaced, or nil for a malformed escape, an encoded
    /// slash or backslash, or a decoded control byte or backslash.
    private static func percentDecodedPath(_ encoded: Substring.UTF8View) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(encoded.count)
        var iterator = encoded.makeIterator()
        while let byte = iterator.next() {
            var decoded = byte
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(PercentDecoding.hexValue),
                    let low = iterator.next().flatMap(PercentDecoding.hexValue)
                else { return nil }
                decoded = high << 4 | low
                guard decoded != UInt8(ascii: "/") else { return nil }
            }
            guard decoded >= 0x20, decoded != 0x7F, decoded != UInt8(ascii: "\\") else {
                return nil
            }
            out.append(decoded)
        }
        return out
    }
}
