extension HTTPRequestParser {
    /// A validated request line (RFC 9112 §3), with the target already split into path and query.
    struct RequestLine: Sendable {
        var method: String
        var target: String
        var path: String
        var query: String?
        var version: HTTPVersion

        /// Parses `method SP request-target SP HTTP-version` (RFC 9112 §3), exactly one SP each.
        ///
        /// Syntax errors (400) are reported before an unsupported version (505), which comes
        /// before the form of the target is checked, so a client speaking another protocol
        /// version learns that first.
        init(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) throws(HTTPParseError) {
            guard let firstSpace = line.first(where: { bytes[$0] == ASCII.space }),
                let secondSpace = (firstSpace + 1..<line.upperBound)
                    .first(where: { bytes[$0] == ASCII.space })
            else { throw .malformedRequestLine }
            let methodRange = line.lowerBound..<firstSpace
            let targetRange = firstSpace + 1..<secondSpace
            let versionRange = secondSpace + 1..<line.upperBound
            guard !methodRange.isEmpty, !targetRange.isEmpty else { throw .malformedRequestLine }

            // RFC 9110 §9.1: any token is a syntactically valid method; the router decides
            // between 405 and 501.
            guard ASCII.isToken(methodRange.lazy.map { bytes[$0] }) else { throw .invalidMethod }
            // §3.2: no form of request-target has a fragment; a `#` is never sent by a client
            // and a proxy might strip what follows it while the server does not.
            guard targetRange.allSatisfy({ ASCII.isVisible(bytes[$0]) && bytes[$0] != ASCII.hash })
            else { throw .invalidTarget }
            version = try Self.version(bytes, versionRange)
            method = ASCII.string(bytes, methodRange)
            target = ASCII.string(bytes, targetRange)
            (path, query) = try Self.pathAndQuery(of: target, method: method)
        }

        /// `HTTP-version = "HTTP/" DIGIT "." DIGIT`, case-sensitive (RFC 9112 §2.3). Only 1.0
        /// and 1.1 are served; any other well-formed version is a 505.
        private static func version(
            _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
        ) throws(HTTPParseError) -> HTTPVersion {
            let text = Array(UnsafeBufferPointer(rebasing: bytes[range]))
            guard text.count == 8, text[0..<5].elementsEqual("HTTP/".utf8),
                ASCII.isDigit(text[5]), text[6] == UInt8(ascii: "."), ASCII.isDigit(text[7])
            else { throw .malformedVersion }
            let version = HTTPVersion(
                major: Int(text[5] - UInt8(ascii: "0")), minor: Int(text[7] - UInt8(ascii: "0")))
            guard version == .http1_1 || version == .http1_0 else { throw .versionNotSupported }
            return version
        }

        /// Splits a request-target into path and query according to its form (RFC 9112 §3.2).
        private static func pathAndQuery(
            of target: String, method: String
        ) throws(HTTPParseError) -> (path: String, query: String?) {
            // §3.2.4 asterisk-form: only for a server-wide OPTIONS.
            if target == "*" {
                guard method == "OPTIONS" else { throw .asteriskForm }
                return ("*", nil)
            }
            // §3.2.3 authority-form: only, and always, for CONNECT.
            if method == "CONNECT" {
                guard isAuthorityForm(target) else { throw .invalidTarget }
                return (target, nil)
            }
            // §3.2.1 origin-form.
            if target.utf8.first == ASCII.slash { return splitQuery(Substring(target)) }
            // §3.2.2 absolute-form: the path starts after the authority; an empty path is "/".
            guard let rest = schemeStripped(target) else { throw .invalidTarget }
            let authorityEnd =
                rest.utf8.firstIndex { $0 == ASCII.slash || $0 == ASCII.questionMark }
                ?? rest.endIndex
            guard authorityEnd > rest.startIndex else { throw .invalidTarget }
            let (path, query) = splitQuery(rest[authorityEnd...])
            return (path.isEmpty ? "/" : path, query)
        }

        /// The target after `http://` or `https://` (scheme case-insensitive, RFC 9110 §4.2.3),
        /// or nil for any other scheme.
        private static func schemeStripped(_ target: String) -> Substring? {
            // The target is visible ASCII here, so UTF-8 offsets are character offsets.
            for scheme in ["http://", "https://"] where target.utf8.count >= scheme.utf8.count {
                let end = target.utf8.index(target.startIndex, offsetBy: scheme.utf8.count)
                if String(target[..<end]).caseInsensitiveEquals(scheme) { return target[end...] }
            }
            return nil
        }

        /// `uri-host ":" port` with a non-empty host free of delimiters and 1+ DIGIT port.
        private static func isAuthorityForm(_ target: String) -> Bool {
            guard let colon = target.utf8.lastIndex(of: ASCII.colon) else { return false }
            let host = target.utf8[..<colon]
            let port = target.utf8[target.utf8.index(after: colon)...]
            return !host.isEmpty && !port.isEmpty && port.allSatisfy(ASCII.isDigit)
                && !host.contains { "/?#@".utf8.contains($0) }
        }

        /// Path up to the first `?`, query after it (nil when there is no `?`).
        private static func splitQuery(_ target: Substring) -> (String, String?) {
            guard let mark = target.utf8.firstIndex(of: ASCII.questionMark) else {
                return (String(target), nil)
            }
            return (String(target[..<mark]), String(target[target.index(after: mark)...]))
        }
    }
}
