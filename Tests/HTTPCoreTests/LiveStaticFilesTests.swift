import Foundation
import HTTPCore
import TestSupport
import Testing

/// Static files through the live server: types, ETag/304, and no way out of the root.
@Suite struct LiveStaticFilesTests {
    let root: String
    let live: LiveServer

    init() throws {
        let base = NSTemporaryDirectory() + "duping-static-" + UUID().uuidString
        root = base + "/Public"
        try FileManager.default.createDirectory(atPath: root + "/assets", withIntermediateDirectories: true)
        try "<!doctype html><title>首页</title>".write(toFile: root + "/index.html", atomically: true, encoding: .utf8)
        try "body{color:#222}".write(toFile: root + "/assets/style.css", atomically: true, encoding: .utf8)
        try "secret".write(toFile: base + "/secret.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: root + "/link.txt", withDestinationPath: base + "/secret.txt")
        live = try LiveServer.make(publicDirectory: root)
    }

    @Test func servesPagesWithTypesAndRevalidation() throws {
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        let home = try client.exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(home.status == 200)
        #expect(home.header("Content-Type") == "text/html; charset=utf-8")
        #expect(home.text.contains("首页"))
        let etag = try #require(home.header("ETag"))
        let revalidated = try client.exchange("GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: \(etag)\r\n\r\n")
        #expect(revalidated.status == 304)
        #expect(revalidated.body.isEmpty)
        let css = try client.exchange("GET /assets/style.css HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(css.header("Content-Type")?.hasPrefix("text/css") == true)
    }

    /// A page worth compressing is served from the gzip copy made when it was read, and that
    /// copy decodes to the page, request after request.
    @Test func pagesAreServedFromTheirGzipCopy() throws {
        defer { live.server.shutdown() }
        let page = "<!doctype html><title>大页面</title>" + String(repeating: "<p>督评 张榜公布</p>", count: 200)
        try page.write(toFile: root + "/big.html", atomically: true, encoding: .utf8)
        let client = try RawClient(port: live.port)
        let request = "GET /big.html HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n"
        let first = try client.exchange(request)
        let second = try client.exchange(request)
        #expect(first.header("Content-Encoding") == "gzip")
        #expect(first.body == second.body)
        #expect(Gzip.inflateForTests(first.body) == Array(page.utf8))
    }

    /// A page allows GET and HEAD only: other methods get 405 with `Allow` (as API routes do),
    /// OPTIONS lists them; a path with no file is 404 whatever the method.
    @Test func otherMethodsOnAPageAre405WithAllow() throws {
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        for method in ["POST", "PUT", "PATCH", "DELETE"] {
            let response = try client.exchange("\(method) /assets/style.css HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
            #expect(response.status == 405, "\(method)")
            #expect(response.header("Allow") == "GET, HEAD, OPTIONS", "\(method)")
            #expect(response.header("Content-Type") == "application/problem+json", "\(method)")
        }
        let options = try client.exchange("OPTIONS / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(options.status == 204)
        #expect(options.header("Allow") == "GET, HEAD, OPTIONS")
        #expect(try client.exchange("POST /missing.html HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").status == 404)
        #expect(try client.exchange("OPTIONS /missing.html HTTP/1.1\r\nHost: x\r\n\r\n").status == 404)
    }

    @Test(arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/assets/..%2f..%2fsecret.txt",
        "/link.txt", "/%00index.html", "/assets%5c..%5c..%5csecret.txt", "/%252e%252e/secret.txt", "//etc/passwd",
    ])
    func traversalAttemptsFindNothing(path: String) throws {
        defer { live.server.shutdown() }
        let client = try RawClient(port: live.port)
        let response = try client.exchange("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect([400, 404].contains(response.status))
        #expect(!response.text.contains("secret"))
        #expect(response.header("Content-Type") == "application/problem+json")
    }
}
