extension HTTPResponse {
    /// Bodies shorter than this are sent as they are: below about a kilobyte the gzip header and
    /// the CPU cost outweigh the few bytes saved.
    public static let gzipMinimumLength = 1024

    /// This response, gzip-encoded when the client's `Accept-Encoding` values allow it.
    ///
    /// Compresses only when the body is at least `gzipMinimumLength` bytes, there is no
    /// `Content-Encoding` yet, the `Content-Type` is compressible (`Gzip.isCompressible`), the
    /// status is neither 204 nor 304, and the compressed body is actually smaller. A response
    /// that carries its `gzippedBody` is not compressed again.
    ///
    /// A compressible response always gets `Vary: Accept-Encoding`, compressed or not, so a cache
    /// never hands the identity body to a gzip client or the reverse.
    ///
    /// A strong `ETag` is weakened (`"x"` → `W/"x"`) on the compressed variant: the bytes differ,
    /// so a strong validator may not be shared (RFC 9110 §8.8.1), while a weak one still matches
    /// `If-None-Match` under the weak comparison that conditional GET uses. Suffixing the tag
    /// instead (`"x-gzip"`) would make the tag a client sends back differ from the one the origin
    /// computes, breaking 304s unless every handler knew to strip the suffix.
    public func gzipped(ifAcceptedBy acceptEncoding: [String]) -> HTTPResponse {
        guard Gzip.isCompressible(contentType: headers["Content-Type"]) else { return self }
        var result = self
        result.addVaryAcceptEncoding()
        guard body.count >= Self.gzipMinimumLength, status != 204, status != 304,
            !headers.contains("Content-Encoding"), AcceptEncoding.allowsGzip(acceptEncoding),
            let compressed = gzippedBody ?? Gzip.compress(body), compressed.count < body.count
        else { return result }
        result.body = compressed
        result.headers.add("Content-Encoding", "gzip")
        if let etag = headers["ETag"], etag.hasPrefix("\"") {
            result.headers.set("ETag", "W/" + etag)
        }
        return result
    }

    /// Adds `Accept-Encoding` to `Vary` unless a `Vary` field already lists it or `*`. A second
    /// field line is equivalent to extending the list (RFC 9110 §5.3) and keeps field order.
    private mutating func addVaryAcceptEncoding() {
        guard headers.contains("Vary") else { return headers.add("Vary", "Accept-Encoding") }
        let listed = headers.values("Vary").flatMap { $0.split(separator: ",") }
        let covered = listed.contains { member in
            let token = String(member.filter { $0 != " " && $0 != "\t" })
            return token == "*" || token.caseInsensitiveEquals("accept-encoding")
        }
        if !covered {
            headers.add("Vary", "Accept-Encoding")
        }
    }
}
