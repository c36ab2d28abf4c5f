/// Turns an `HTTPResponse` into the bytes of one HTTP/1.1 message (RFC 9112 §4–§6).
///
/// The encoder owns the framing and connection fields: `Date`, `Content-Length`,
/// `Transfer-Encoding` and `Connection` set by a handler are dropped and replaced by what the
/// server actually does, so a handler can never produce a message whose framing disagrees with
/// its body. Every other field is written in the handler's order, followed by `Date`,
/// `Content-Length` and `Connection`.
///
/// The status line always says `HTTP/1.1`, also to 1.0 clients: RFC 9110 §6.2 asks a server to
/// send the highest minor version it conforms to; `version` only decides the connection fields.
public enum HTTPResponseEncoder {
    /// The interim `HTTP/1.1 100 Continue\r\n\r\n` sent before reading an expected body
    /// (RFC 9110 §10.1.1).
    public static let continueBytes: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Encodes status line, header section and body into one buffer, so the response leaves in
    /// a single write.
    ///
    /// - `Date: date` is added to every response except 1xx.
    /// - `Content-Length` is added except for 1xx, 204 and 304, which never carry a body
    ///   (RFC 9110 §8.6, §15.3.5, §15.4.5); their body, if any, is not sent.
    /// - `Connection: close` when `!keepAlive`; `Connection: keep-alive` when `keepAlive` and the
    ///   request was HTTP/1.0, whose default is to close (RFC 9112 §9.3).
    /// - `headOnly` (a response to HEAD): the same fields, including the `Content-Length` the body
    ///   would have, but no body bytes (RFC 9110 §9.3.2).
    /// - `extraFields`: header lines already encoded (`encodeFields`) to write after the
    ///   handler's fields: the server's common headers, encoded once at start.
    /// - `requestID`: written as `X-Request-Id` after them; the caller has checked it is a token
    ///   and removed any `X-Request-Id` of the handler.
    public static func encode(
        _ response: HTTPResponse, version: HTTPVersion, keepAlive: Bool, headOnly: Bool,
        date: String, extraFields: [UInt8] = [], requestID: String? = nil
    ) -> [UInt8] {
        encode(
            response, version: version, keepAlive: keepAlive, headOnly: headOnly, date: date,
            extraFields: extraFields, requestID: requestID, bodyInline: true
        ).head
    }

    /// Like `encode`, but the body of a large response stays the response's own array, to be
    /// written after the head without being copied: `head` then ends with the blank line, and
    /// `body` is what follows it (nil when nothing does). Bodies shared by many responses — a
    /// cached board — are then queued by reference, however many clients are sent them.
    public static func encodeSeparately(
        _ response: HTTPResponse, version: HTTPVersion, keepAlive: Bool, headOnly: Bool,
        date: String, extraFields: [UInt8] = [], requestID: String? = nil
    ) -> (head: [UInt8], body: [UInt8]?) {
        encode(
            response, version: version, keepAlive: keepAlive, headOnly: headOnly, date: date,
            extraFields: extraFields, requestID: requestID, bodyInline: false)
    }

    private static func encode(
        _ response: HTTPResponse, version: HTTPVersion, keepAlive: Bool, headOnly: Bool,
        date: String, extraFields: [UInt8], requestID: String?, bodyInline: Bool
    ) -> (head: [UInt8], body: [UInt8]?) {
        let status = response.status
        let isInterim = (100..<200).contains(status)
        let forbidsBody = isInterim || status == 204 || status == 304
        let sendsBody = !forbidsBody && !headOnly && !response.body.isEmpty

        var out: [UInt8] = []
        out.reserveCapacity(128 + response.headers.fields.count * 40 + (sendsBody && bodyInline ? response.body.count : 0))
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        out.append(contentsOf: String(status).utf8)
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: reasonPhrase(status).utf8)
        out.append(contentsOf: crlf)

        for field in response.headers where !isFramingField(field.name) {
            appendField(field.name, field.value, to: &out)
        }
        out.append(contentsOf: extraFields)
        if let requestID {
            out.append(contentsOf: "X-Request-Id: ".utf8)
            out.append(contentsOf: requestID.utf8)
            out.append(contentsOf: crlf)
        }
        // The server's own fields: constant names, values it made itself, so no checks.
        if !isInterim {
            out.append(contentsOf: "Date: ".utf8)
            out.append(contentsOf: date.utf8)
            out.append(contentsOf: crlf)
        }
        if !forbidsBody {
            out.append(contentsOf: "Content-Length: ".utf8)
            out.append(contentsOf: String(response.body.count).utf8)
            out.append(contentsOf: crlf)
        }
        if !isInterim {
            if !keepAlive {
                out.append(contentsOf: "Connection: close\r\n".utf8)
            } else if version == .http1_0 {
                out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
            }
        }
        out.append(contentsOf: crlf)
        guard sendsBody else { return (out, nil) }
        guard bodyInline else { return (out, response.body) }
        out.append(contentsOf: response.body)
        return (out, nil)
    }

    /// `name: value\r\n` lines for `headers` (framing fields left out), to pass as
    /// `extraFields`.
    public static func encodeFields(_ headers: HTTPHeaders) -> [UInt8] {
        var out: [UInt8] = []
        for field in headers where !isFramingField(field.name) {
            appendField(field.name, field.value, to: &out)
        }
        return out
    }

    /// The reason phrase for `status` (RFC 9110 §15), "Unknown" for codes the server never sends.
    /// Clients must ignore the phrase, so a generic one is harmless.
    public static func reasonPhrase(_ status: Int) -> String {
        reasonPhrases[status] ?? "Unknown"
    }

    private static let reasonPhrases: [Int: String] = [
        100: "Continue", 200: "OK", 201: "Created", 204: "No Content", 206: "Partial Content",
        301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
        307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request",
        401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
        408: "Request Timeout", 409: "Conflict", 411: "Length Required",
        412: "Precondition Failed", 413: "Content Too Large", 414: "URI Too Long",
        415: "Unsupported Media Type", 416: "Range Not Satisfiable", 417: "Expectation Failed",
        422: "Unprocessable Content", 429: "Too Many Requests",
        431: "Request Header Fields Too Large", 500: "Internal Server Error",
        501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
        504: "Gateway Timeout", 505: "HTTP Version Not Supported",
    ]

    private static let crlf: [UInt8] = [13, 10]

    private static func isFramingField(_ name: String) -> Bool {
        name.caseInsensitiveEquals("content-length") || name.caseInsensitiveEquals("transfer-encoding")
            || name.caseInsensitiveEquals("connection") || name.caseInsensitiveEquals("date")
    }

    /// Appends `name: value\r\n`. A CR, LF or NUL inside the value becomes a space (what
    /// RFC 9110 §5.5 allows a recipient to do), so text echoed from a request can never split
    /// the response; a name that is not a token is dropped for the same reason.
    ///
    /// Works on contiguous UTF-8 buffers (`withUTF8`): iterating `String.UTF8View` generically
    /// cost ~2k instructions per field with the long security headers every response carries
    /// (callgrind, issue 7).
    private static func appendField(_ name: String, _ value: String, to out: inout [UInt8]) {
        var name = name
        var value = value
        let valid = name.withUTF8 { bytes in
            guard !bytes.isEmpty, bytes.allSatisfy(isTokenByte) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        guard valid else { return }
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
        value.withUTF8 { bytes in
            let unsafe: (UInt8) -> Bool = { $0 == 13 || $0 == 10 || $0 == 0 }
            if bytes.contains(where: unsafe) {
                for byte in bytes { out.append(unsafe(byte) ? UInt8(ascii: " ") : byte) }
            } else {
                out.append(contentsOf: bytes)  // the usual case: one copy, not a byte at a time
            }
        }
        out.append(contentsOf: crlf)
    }

    /// tchar of RFC 9110 §5.6.2.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default:
            // A switch, not a search of a string of symbols: this runs for every byte of every
            // response field name.
            false
        }
    }
}
