import HTTPCore

/// Where a slip's link and QR code send its evaluator: `<public URL>/ballot.html#token=<code>`.
///
/// The public URL is `--public-url` when given; otherwise `http://` and the request's `Host`
/// (the address the clerk reached the server by, which the township's phones can usually reach
/// too), and when that is missing or is not a plain `host[:port]` the address the server listens
/// on. The code sits in the fragment, which browsers never send to a server or a proxy log.
struct BallotLinks: Sendable {
    /// `--public-url` as `validatedPublicURL` returned it, or nil to use the request's `Host`.
    let publicURL: String?
    /// `host:port` the server listens on (the port is known only once it listens).
    let listenAddress: @Sendable () -> String

    /// The base URL for links on slips made in answer to `request`, without a trailing slash.
    func base(for request: HTTPRequest) -> String {
        if let publicURL { return publicURL }
        if let host = request.headers["Host"], Self.isPlainHost(host) { return "http://" + host }
        return "http://" + listenAddress()
    }

    /// The ballot page's link carrying `code`.
    static func link(base: String, code: String) -> String { base + "/ballot.html#token=" + code }

    /// `text` as a public URL (`http` or `https`, a host, an optional port and path, no query,
    /// fragment or user info) without trailing slashes; nil when it is not one.
    static func validatedPublicURL(_ text: String) -> String? {
        let lowered = text.lowercased()
        let scheme = lowered.hasPrefix("https://") ? "https://" : lowered.hasPrefix("http://") ? "http://" : nil
        guard let scheme else { return nil }
        var rest = Substring(text.dropFirst(scheme.count))
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count)
        guard isPlainHost(String(authority)), path.utf8.allSatisfy(isPathByte) else { return nil }
        return scheme + rest
    }

    /// Whether `host` is a host name or IP literal with an optional port and nothing else:
    /// letters, digits, `.`, `-`, `:` and the brackets of an IPv6 literal, at most 255 bytes.
    static func isPlainHost(_ host: String) -> Bool {
        guard !host.isEmpty, host.utf8.count <= 255, host.first != ":", host.first != "." else { return false }
        return host.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: ":"),
                UInt8(ascii: "["), UInt8(ascii: "]"):
                true
            default: false
            }
        }
    }

    /// Path characters a public URL may use: unreserved ones, `/` and percent escapes.
    private static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"),
            UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            true
        default: false
        }
    }
}
