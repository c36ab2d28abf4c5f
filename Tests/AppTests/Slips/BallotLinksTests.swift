import HTTPCore
import Testing

@testable import App

/// Where the links on ballot slips point (`--public-url`, else the request's Host).
@Suite struct BallotLinksTests {
    @Test(arguments: [
        ("https://duping.example.gov.cn", "https://duping.example.gov.cn"),
        ("http://192.168.1.5:8080/", "http://192.168.1.5:8080"),
        ("HTTPS://Duping.Example/township/niumasi//", "https://Duping.Example/township/niumasi"),
        ("http://[::1]:8080", "http://[::1]:8080"),
    ])
    func aPublicURLIsKeptWithoutTrailingSlashes(text: String, expected: String) {
        #expect(BallotLinks.validatedPublicURL(text) == expected)
    }

    @Test(arguments: [
        "", "duping.example", "ftp://duping.example", "http://", "https:///path", "http://a.example/?x=1",
        "http://a.example/#top", "http://user@a.example", "http://a.example/路径", "http://a b", "javascript:alert(1)",
        "http://a.example/\"><script>",
    ])
    func anythingElseIsNotAPublicURL(text: String) {
        #expect(BallotLinks.validatedPublicURL(text) == nil)
    }

    @Test func theRequestsHostIsTheDefault() throws {
        let links = BallotLinks(publicURL: nil, listenAddress: { "10.0.0.1:8080" })
        #expect(links.base(for: try request(host: "192.168.1.5:8080")) == "http://192.168.1.5:8080")
        #expect(links.base(for: try request(host: "[fe80::1]:80")) == "http://[fe80::1]:80")
    }

    @Test func aHostThatIsNotAPlainHostFallsBackToTheListenAddress() throws {
        let links = BallotLinks(publicURL: nil, listenAddress: { "10.0.0.1:8080" })
        #expect(links.base(for: try request(host: "evil.example\">")) == "http://10.0.0.1:8080")
        #expect(links.base(for: try request(host: "a.example%2F")) == "http://10.0.0.1:8080")
        #expect(links.base(for: try request(host: nil)) == "http://10.0.0.1:8080")
    }

    @Test func aPublicURLWinsOverTheHost() throws {
        let links = BallotLinks(publicURL: "https://duping.example", listenAddress: { "10.0.0.1:8080" })
        #expect(links.base(for: try request(host: "192.168.1.5")) == "https://duping.example")
        #expect(
            BallotLinks.link(base: "https://duping.example", code: "ABCD-EFGH-JKMN-PQRS")
                == "https://duping.example/ballot.html#token=ABCD-EFGH-JKMN-PQRS")
    }

    private func request(host: String?) throws -> HTTPRequest {
        var headers = HTTPHeaders()
        if let host { headers.add("Host", host) }
        return HTTPRequest(
            head: HTTPRequestHead(
                method: "POST", target: "/", path: "/", query: nil, version: .http1_1, headers: headers,
                keepAlive: true, expectsContinue: false),
            body: [])
    }
}
