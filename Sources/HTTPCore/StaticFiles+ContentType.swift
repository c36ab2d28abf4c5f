extension StaticFiles {
    /// Content types by lowercased file extension. Text types say UTF-8 explicitly so that
    /// Chinese pages never depend on a browser's charset guess.
    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8",
        // RFC 9239 makes text/javascript the one registered type for JavaScript.
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "json": "application/json",
        "webmanifest": "application/manifest+json",
        "txt": "text/plain; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
        "woff": "font/woff",
    ]

    /// The `Content-Type` for a served file, `application/octet-stream` when the extension is
    /// unknown (with `nosniff`, browsers then download rather than render it).
    static func contentType(forPath path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            return "application/octet-stream"
        }
        let ext = name[name.index(after: dot)...].lowercased()
        return contentTypes[ext] ?? "application/octet-stream"
    }

    /// HTML always revalidates (cheap with the ETag, and a new deploy is seen at once); other
    /// assets may be reused for five minutes without asking.
    static func cacheControl(forContentType contentType: String) -> String {
        contentType.hasPrefix("text/html") ? "no-cache" : "public, max-age=300"
    }
}
