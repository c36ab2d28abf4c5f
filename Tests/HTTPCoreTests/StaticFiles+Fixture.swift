import Foundation
import Glibc

@testable import HTTPCore

/// A throw-away site on disk for `StaticFiles` tests:
///
///     base/
///       secret.txt                  beside the root: must never be served
///       Public/                     the root
///         index.html, app.js, style.css, data.json, logo.svg, icon.png, favicon.ico,
///         notes.txt, site.webmanifest, font.woff2, blob.bin, 公告.txt, %2e%2e (nothing)
///         .env                      a dot-file
///         sub/index.html            a directory with an index
///         empty/                    a directory without one
///         outside.txt -> ../secret.txt     symlink escaping the root
///         parent -> ..                      symlinked directory escaping the root
///         alias.html -> index.html          symlink staying inside the root
///         fifo                      not a regular file
struct StaticSite {
    let base: String
    var root: String { base + "/Public" }

    static let indexHTML = "<!doctype html><title>首页</title>"
    static let subIndexHTML = "<!doctype html><title>sub</title>"
    static let secret = "TOP SECRET"

    static func make() throws -> StaticSite {
        var template = Array((NSTemporaryDirectory() + "/duping-static-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        let site = StaticSite(base: String(cString: created))
        let files = FileManager.default
        try files.createDirectory(atPath: site.root + "/sub", withIntermediateDirectories: true)
        try files.createDirectory(atPath: site.root + "/empty", withIntermediateDirectories: true)
        try site.write("../secret.txt", secret)
        let contents = [
            "index.html": indexHTML, "sub/index.html": subIndexHTML, "app.js": "console.log(1)",
            "style.css": "body{}", "data.json": "{}", "logo.svg": "<svg/>", "icon.png": "PNG",
            "favicon.ico": "ICO", "notes.txt": "notes", "site.webmanifest": "{}", "font.woff2": "wOF2",
            "blob.bin": "bin", "公告.txt": "公告内容", ".env": "PASSWORD=1",
        ]
        for (path, text) in contents {
            try site.write(path, text)
        }
        try files.createSymbolicLink(atPath: site.root + "/outside.txt", withDestinationPath: "../secret.txt")
        try files.createSymbolicLink(atPath: site.root + "/parent", withDestinationPath: "..")
        try files.createSymbolicLink(atPath: site.root + "/alias.html", withDestinationPath: "index.html")
        guard mkfifo(site.root + "/fifo", 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
        return site
    }

    /// Writes `text` to `relative` (relative to the root; `../` reaches the base).
    func write(_ relative: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + relative))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: base)
    }

    func files(cacheInMemory: Bool = true) -> StaticFiles {
        StaticFiles(root: root, cacheInMemory: cacheInMemory)
    }
}
