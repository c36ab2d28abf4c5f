import HTTPCore

/// A JSON document encoded once and served many times from memory: plain, gzipped, with a
/// strong ETag, answering `If-None-Match` with 304.
struct EncodedDocument: Sendable {
    var plain: [UInt8]
    var gzipped: [UInt8]?
    var etag: String

    init(plain: [UInt8]) {
        self.plain = plain
        gzipped = Gzip.compress(plain)
        etag = EntityTag.strong(for: plain)
    }

    /// The response to `request`: 304 when it already has these bytes, gzipped when it
    /// accepts that.
    func response(to request: HTTPRequest) -> HTTPResponse {
        // The gzipped bytes get the weak form of the tag: a strong tag may not be shared by two
        // encodings (RFC 9110 §8.8.1), and If-None-Match compares weakly, so either revalidates.
        let gzipped = gzipped.flatMap {
            AcceptEncoding.allowsGzip(request.headers.values("Accept-Encoding")) ? $0 : nil
        }
        let tag = gzipped == nil ? etag : "W/" + etag
        if EntityTag.ifNoneMatch(request.headers.values("If-None-Match"), matches: etag) {
            return HTTPResponse(status: 304, headers: ["ETag": tag, "Vary": "Accept-Encoding"])
        }
        var headers: HTTPHeaders = [
            "Content-Type": "application/json", "ETag": tag, "Cache-Control": "no-cache", "Vary": "Accept-Encoding",
        ]
        if let gzipped {
            headers.add("Content-Encoding", "gzip")
            return HTTPResponse(status: 200, headers: headers, body: gzipped)
        }
        return HTTPResponse(status: 200, headers: headers, body: plain)
    }
}
