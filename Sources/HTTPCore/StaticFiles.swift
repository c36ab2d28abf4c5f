import Primitives

/// Serves the files under one root directory (the site's `Public/`), and nothing outside it.
///
/// Safety is layered: `resolve(rawPath:)` turns the request path into a relative path free of
/// `.`/`..` segments, hidden names, encoded slashes and control bytes; the file is then opened
/// one component at a time with `O_NOFOLLOW`, so no symbolic link inside the root is ever
/// followed and the opened file is necessarily inside it; only regular files are served.
///
/// Responses carry a strong `ETag` computed from the content (`EntityTag.strong(for:)`),
/// `Cache-Control: no-cache` for HTML (pages always revalidate, so a deploy shows at once) and
/// `public, max-age=300` for other assets (their names carry no content hash, so they may not be
/// cached for long). `If-None-Match` is honoured with a 304.
public final class StaticFiles: Sendable {
    /// One servable file: its content and the fields that describe it.
    struct Entry: Sendable {
        var body: [UInt8]
        /// The body compressed once, for types worth compressing (nil otherwise).
        var gzipped: [UInt8]?
        var contentType: String
        var etag: String
        var cacheControl: String
    }

    /// The root directory as given; symbolic links in the root path itself are allowed.
    public let root: String
    /// Whether file contents are kept after the first read. Files are then read once per
    /// process, which suits an immutable deployment; turn it off to see edits while developing.
    public let cacheInMemory: Bool
    /// Served files by relative path. Only hits are stored, so the size is bounded by the
    /// files under the root, never by what clients ask for.
    private let cache = Locked<[String: Entry]>([:])

    /// Serves `root`, which is opened afresh on every cache miss, so it may be created or
    /// replaced after the server starts.
    public init(root: String, cacheInMemory: Bool = true) {
        self.root = root
        self.cacheInMemory = cacheInMemory
    }

    /// The response for a GET or HEAD of `rawPath` (still percent-encoded, without the query), or
    /// nil when it names no servable file here, so the router can answer 404.
    ///
    /// `/` and directories map to their `index.html`. The body is always included; the server
    /// leaves it out for HEAD. A 304 has no body and repeats `ETag`, `Cache-Control` and `Vary`,
    /// as RFC 9110 §15.4.5 asks.
    public func response(rawPath: String, headers: HTTPHeaders) -> HTTPResponse? {
        guard let relative = Self.resolve(rawPath: rawPath), let entry = entry(for: relative) else {
            return nil
        }
        var fields = HTTPHeaders()
        fields.add("ETag", entry.etag)
        fields.add("Cache-Control", entry.cacheControl)
        if Gzip.isCompressible(contentType: entry.contentType) {
            fields.add("Vary", "Accept-Encoding")
        }
        if EntityTag.ifNoneMatch(headers.values("If-None-Match"), matches: entry.etag) {
            return HTTPResponse(status: 304, headers: fields)
        }
        fields.add("Content-Type", entry.contentType)
        // Browsers must not second-guess the type: a user-visible .txt must never run as script.
        fields.add("X-Content-Type-Options", "nosniff")
        var response = HTTPResponse(status: 200, headers: fields, body: entry.body)
        response.gzippedBody = entry.gzipped
        return response
    }

    /// The cached entry for `relative`, or a fresh one read from disk.
    private func entry(for relative: String) -> Entry? {
        if cacheInMemory, let hit = cache.withLock({ $0[relative] }) {
            return hit
        }
        guard let (body, servedPath) = Self.readFile(root: root, relative: relative) else {
            return nil
        }
        let contentType = Self.contentType(forPath: servedPath)
        let compressible = Gzip.isCompressible(contentType: contentType) && body.count >= HTTPResponse.gzipMinimumLength
        let entry = Entry(
            body: body, gzipped: compressible ? Gzip.compress(body) : nil, contentType: contentType,
            etag: EntityTag.strong(for: body), cacheControl: Self.cacheControl(forContentType: contentType))
        if cacheInMemory {
            cache.withLock { $0[relative] = entry }
        }
        return entry
    }
}
