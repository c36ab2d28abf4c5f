extension HTTPRequestParser {
    /// How the body of a request is delimited (RFC 9112 §6.3).
    enum BodyFraming: Equatable {
        /// No Content-Length and no Transfer-Encoding, or Content-Length 0: a request body is
        /// never read until close (§6.3 rule 7).
        case empty
        case length(Int)
        case chunked
    }

    /// Applies the header rules that decide how the request is framed and handled: Host,
    /// Content-Length, Transfer-Encoding, Expect and Connection.
    ///
    /// Malformed fields (400) are reported first, then an unimplemented coding (501), an
    /// unsupported expectation (417), and last a body known to be too large (413).
    static func makeHead(
        _ line: RequestLine, _ headers: HTTPHeaders, limits: HTTPParserLimits
    ) throws(HTTPParseError) -> (HTTPRequestHead, BodyFraming) {
        try checkHost(headers.values("Host"), version: line.version)
        let framing = try bodyFraming(headers, version: line.version)
        let expectsContinue = try expectsContinue(headers.values("Expect"), line.version)
        if case .length(let length) = framing, length > limits.maxBodyBytes {
            throw .payloadTooLarge
        }
        let head = HTTPRequestHead(
            method: line.method, target: line.target, path: line.path, query: line.query,
            version: line.version, headers: headers,
            keepAlive: keepAlive(headers.values("Connection"), line.version),
            expectsContinue: expectsContinue)
        return (head, framing)
    }

    /// RFC 9112 §3.2: an HTTP/1.1 request carries exactly one Host field; any request carries
    /// at most one, and its value is a bare `uri-host [ ":" port ]`.
    private static func checkHost(
        _ values: [String], version: HTTPVersion
    ) throws(HTTPParseError) {
        guard values.count <= 1 else { throw .duplicateHost }
        guard let host = values.first else {
            if version == .http1_1 { throw .missingHost }
            return
        }
        // §3.2 lets an HTTP/1.0 client send an empty Host; an HTTP/1.1 client always knows one.
        if host.isEmpty && version == .http1_1 { throw .invalidHost }
        // A switch rather than a search of a string of symbols: this runs for every request.
        let forbidden: (UInt8) -> Bool = {
            switch $0 {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "/"), UInt8(ascii: "@"), UInt8(ascii: "?"),
                UInt8(ascii: "#"):
                true
            default: false
            }
        }
        if host.utf8.contains(where: forbidden) { throw .invalidHost }
    }

    /// Decides the body framing from Content-Length and Transfer-Encoding (RFC 9112 §6.1–6.3).
    private static func bodyFraming(
        _ headers: HTTPHeaders, version: HTTPVersion
    ) throws(HTTPParseError) -> BodyFraming {
        let lengths = headers.values("Content-Length")
        let codings = headers.values("Transfer-Encoding")
        guard codings.isEmpty else {
            // §6.1: both at once is a smuggling attempt, and HTTP/1.0 has no chunked coding.
            guard lengths.isEmpty else { throw .lengthAndTransferEncoding }
            guard version == .http1_1 else { throw .transferEncodingInHTTP10 }
            try checkTransferCodings(codings)
            return .chunked
        }
        guard let value = lengths.first else { return .empty }
        // §6.3 rule 5 allows merging identical repeated values; refusing them is stricter.
        guard lengths.count == 1 else { throw .duplicateContentLength }
        let length = try contentLength(value)
        return length == 0 ? .empty : .length(length)
    }

    /// `Content-Length = 1*DIGIT` (RFC 9110 §8.6). More than 18 digits could overflow `Int`.
    private static func contentLength(_ value: String) throws(HTTPParseError) -> Int {
        let digits = value.utf8
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy(ASCII.isDigit),
            let length = Int(value)
        else { throw .invalidContentLength }
        return length
    }

    /// Accepts exactly the coding list `chunked` (RFC 9112 §6.1, §7): every element must be a
    /// token and `chunked` must be the last one, applied once — otherwise the body length cannot
    /// be known and §6.3 requires a 400; a list that does end in `chunked` but also names other
    /// codings (`gzip, chunked`) is well framed, and those codings are not implemented (501).
    private static func checkTransferCodings(_ values: [String]) throws(HTTPParseError) {
        let codings = ASCII.commaListElements(values)
        guard codings.allSatisfy({ ASCII.isToken($0.utf8) }) else {
            throw .invalidTransferEncoding
        }
        guard let last = codings.last, String(last).caseInsensitiveEquals("chunked") else {
            throw .chunkedNotFinal
        }
        let chunkedCount = codings.count { String($0).caseInsensitiveEquals("chunked") }
        guard chunkedCount <= 1 else { throw .repeatedChunked }
        if let other = codings.first(where: { !String($0).caseInsensitiveEquals("chunked") }) {
            throw .notImplemented(String(other))
        }
    }

    /// RFC 9110 §10.1.1: `100-continue` is the only expectation; HTTP/1.0 requests may not use
    /// it, so there it is ignored. Any other expectation fails with 417.
    private static func expectsContinue(
        _ values: [String], _ version: HTTPVersion
    ) throws(HTTPParseError) -> Bool {
        guard !values.isEmpty else { return false }
        let expectations = ASCII.commaListElements(values).filter { !$0.isEmpty }
        guard !expectations.isEmpty,
            expectations.allSatisfy({ String($0).caseInsensitiveEquals("100-continue") })
        else { throw .expectationFailed }
        return version == .http1_1
    }

    /// RFC 9112 §9.3: HTTP/1.1 stays open unless `close` is listed; HTTP/1.0 closes unless
    /// `keep-alive` is listed (and `close` is not).
    private static func keepAlive(_ values: [String], _ version: HTTPVersion) -> Bool {
        let options = ASCII.commaListElements(values).map(String.init)
        if options.contains(where: { $0.caseInsensitiveEquals("close") }) { return false }
        if version == .http1_1 { return true }
        return options.contains { $0.caseInsensitiveEquals("keep-alive") }
    }
}
