import Testing

@testable import HTTPCore

@Suite struct StaticFilesTests {
    private func body(_ response: HTTPResponse?) -> String? {
        response.map { String(decoding: $0.body, as: UTF8.self) }
    }

    // MARK: Path resolution

    @Test(arguments: [
        ("/", "index.html"),
        ("/board.html", "board.html"),
        ("/sub/", "sub/index.html"),
        ("/sub", "sub"),
        ("/a/b/c.js", "a/b/c.js"),
        ("/a%20b.txt", "a b.txt"),
        ("/%E5%85%AC%E5%91%8A.txt", "公告.txt"),
        ("/%252e%252e", "%2e%2e"),
        ("/x..y", "x..y"),
    ])
    func resolvesSafePaths(rawPath: String, relative: String) {
        #expect(StaticFiles.resolve(rawPath: rawPath) == relative)
    }

    @Test(arguments: [
        "", "index.html", "/..", "/../secret.txt", "/sub/../../secret.txt", "/.", "/./index.html",
        "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/%2e./secret.txt", "/..%2fsecret.txt",
        "/%2fetc%2fpasswd", "/%2Fetc", "/%00", "/index.html%00.png", "/%5c..%5csecret.txt",
        "/a\\b", "/%0d%0a", "/%7f", "//etc/passwd", "/sub//index.html", "/sub//", "/.env",
        "/.git/config", "/%", "/%2", "/%zz", "/%e5%85", "/%ff",
    ])
    func rejectsUnsafePaths(rawPath: String) {
        #expect(StaticFiles.resolve(rawPath: rawPath) == nil)
    }

    /// Regression (found while writing fuzz-static-path): splitting the path as a Swift String
    /// compares Characters, and a `/` before a combining mark or after a prepend character
    /// (U+0600) is inside one grapheme cluster, so it separated nothing. `..` then hid in a
    /// "segment", and a whole `dir/x` was opened in one `openat`, following a link at `dir`.
    @Test func slashesInsideGraphemeClustersStillSeparateSegments() throws {
        #expect(StaticFiles.resolve(rawPath: "/%D8%80/../secret.txt") == nil)
        #expect(StaticFiles.resolve(rawPath: "/%D8%80/.env") == nil)
        #expect(StaticFiles.resolve(rawPath: "/sub/%CC%81x") == "sub/\u{301}x")
        let site = try StaticSite.make()
        defer { site.remove() }
        try site.write("../\u{301}secret.txt", StaticSite.secret)
        let response = site.files().response(rawPath: "/parent/%CC%81secret.txt", headers: HTTPHeaders())
        #expect(response == nil)
    }

    // MARK: Serving

    @Test(arguments: [
        "/..", "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/", "/..%2fsecret.txt", "/%2fsecret.txt",
        "/%00", "/%5c..%5csecret.txt", "/%252e%252e/secret.txt", "/%252e%252e", "/outside.txt",
        "/parent/secret.txt", "/parent/Public/index.html", "/alias.html", "/empty", "/empty/",
        "//etc/passwd", "/.env", "/fifo", "/missing.html", "/index.html/", "/sub/missing.html",
    ])
    func servesNothingForTraversalsLinksAndMissingFiles(rawPath: String) throws {
        let site = try StaticSite.make()
        defer { site.remove() }
        #expect(site.files().response(rawPath: rawPath, headers: HTTPHeaders()) == nil)
    }

    @Test func servesIndexForRootAndDirectories() throws {
        let site = try StaticSite.make()
        defer { site.remove() }
        let files = site.files()
        #expect(body(files.response(rawPath: "/", headers: HTTPHeaders())) == StaticSite.indexHTML)
        #expect(body(files.response(rawPath: "/sub/", headers: HTTPHeaders())) == StaticSite.subIndexHTML)
        let directory = try #require(files.response(rawPath: "/sub", headers: HTTPHeaders()))
        #expect(body(directory) == StaticSite.subIndexHTML)
        #expect(directory.headers["Content-Type"] == "text/html; charset=utf-8")
    }

    @Test func servesPercentEncodedUnicodeName() throws {
        let site = try StaticSite.make()
        defer { site.remove() }
        let response = site.files().response(rawPath: "/%E5%85%AC%E5%91%8A.txt", headers: HTTPHeaders())
        #expect(body(response) == "公告内容")
    }

    @Test(arguments: [
        ("/index.html", "text/html; charset=utf-8", "no-cache"),
        ("/app.js", "text/javascript; charset=utf-8", "public, max-age=300"),
        ("/style.css", "text/css; charset=utf-8", "public, max-age=300"),
        ("/data.json", "application/json", "public, max-age=300"),
        ("/logo.svg", "image/svg+xml", "public, max-age=300"),
        ("/icon.png", "image/png", "public, max-age=300"),
        ("/favicon.ico", "image/x-icon", "public, max-age=300"),
        ("/notes.txt", "text/plain; charset=utf-8", "public, max-age=300"),
        ("/site.webmanifest", "application/manifest+json", "public, max-age=300"),
        ("/font.woff2", "font/woff2", "public, max-age=300"),
        ("/blob.bin", "application/octet-stream", "public, max-age=300"),
    ])
    func setsContentTypeAndCacheControlByExtension(
        rawPath: String, contentType: String, cacheControl: String
    ) throws {
        let site = try StaticSite.make()
        defer { site.remove() }
        let response = try #require(site.files().response(rawPath: rawPath, headers: HTTPHeaders()))
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == contentType)
        #expect(response.headers["Cache-Control"] == cacheControl)
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
    }

    @Test func variesOnAcceptEncodingOnlyForCompressibleTypes() throws {
        let site = try StaticSite.make()
        defer { site.remove() }
        let files = site.files()
        #expect(files.response(rawPath: "/app.js", headers: HTTPHeaders())?.headers["Vary"] == "Accept-Encoding")
        #expect(files.response(rawPath: "/icon.png", headers: HTTPHeaders())?.headers["Vary"] == nil)
    }

    // MARK: ETag and If-None-Match

    @Test func etagIsStrongStableAndDependsOnContent() throws {
        let site = try StaticSite.make()
        defer { site.remove() }
        let files = site.files(cacheInMemory: false)
        let first = try #require(files.response(rawPath: "/notes.txt", headers: HTTPHeaders())?.headers["ETag"])
        let again = files.response(rawPath: "/notes.txt", headers: HTTPHeaders())?.headers["ETag"]
        #expect(first.hasPrefix("\"") && first.hasSuffix("\"") && first.count > 2)
        #expect(again == first)
        try site.write("notes.txt", "notes, edited")
        let edited = files.response(rawPath: "/notes.txt", headers: HTTPHeaders())?.headers["ETag"]
        #expect(edited != nil && edited != first)
    }

    @Test(arguments: [
        ("{etag}", 304), ("W/{etag}", 304), ("\"other\", {etag}", 304), ("\"a\",W/{etag}", 304),
        ("*", 304), ("\"other\"", 200), ("W/\"other\"", 200), ("{etag}x", 200), ("garbage", 200),
    ])
    func answers304WhenIfNoneMatchMatches(template: String, status: Int) throws {
        let site = try StaticSite.make()
        defer { site.remove() }
        let files = site.files()
        let etag = try #require(files.response(rawPath: "/app.js", headers: HTTPHeaders())?.headers["ETag"])
        let value = template.replacingOccurrences(of: "{etag}", with: etag)
        let response = try #require(files.response(rawPath: "/app.js", headers: ["If-None-Match": value]))
        #expect(response.status == status)
        #expect(response.headers["ETag"] == etag)
        #expect(response.body.isEmpty == (status == 304))
    }

    @Test func notModifiedRepeatsValidatorsButNoRepresentationFields() throws {
        let site = try StaticSite.make()
        defer { site.remove() }
        let files = site.files()
        let etag = try #require(files.response(rawPath: "/", headers: HTTPHeaders())?.headers["ETag"])
        let response = try #require(files.response(rawPath: "/", headers: ["If-None-Match": etag]))
        #expect(response.status == 304)
        #expect(response.headers["Cache-Control"] == "no-cache")
        #expect(response.headers["Vary"] == "Accept-Encoding")
        #expect(response.headers["Content-Type"] == nil)
    }

    // MARK: Caching

    @Test func cachedInstanceKeepsServingTheFirstRead() throws {
        let site = try StaticSite.make()
        defer { site.remove() }
        let files = site.files(cacheInMemory: true)
        #expect(body(files.response(rawPath: "/notes.txt", headers: HTTPHeaders())) == "notes")
        try site.write("notes.txt", "changed")
        #expect(body(files.response(rawPath: "/notes.txt", headers: HTTPHeaders())) == "notes")
        #expect(
            body(site.files(cacheInMemory: false).response(rawPath: "/notes.txt", headers: HTTPHeaders())) == "changed")
    }

    @Test func missingRootServesNothing() {
        let files = StaticFiles(root: "/nonexistent-duping-root-\(UInt64.random(in: 0...UInt64.max))")
        #expect(files.response(rawPath: "/", headers: HTTPHeaders()) == nil)
    }
}
