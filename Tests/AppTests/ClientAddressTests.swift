import HTTPCore
import Testing

@testable import App

/// Which address the ballot-code throttle counts a request against.
@Suite struct ClientAddressTests {
    static func request(from peer: String, forwardedFor: [String]) -> HTTPRequest {
        let headers = HTTPHeaders(forwardedFor.map { (name: "X-Forwarded-For", value: $0) })
        var request = HTTPRequest(
            head: HTTPRequestHead(
                method: "GET", target: "/v1/ballot", path: "/v1/ballot", query: nil,
                version: HTTPVersion(major: 1, minor: 1), headers: headers, keepAlive: true))
        request.remoteAddress = peer
        return request
    }

    @Test(arguments: [
        // Nobody trusted: the header is ignored.
        ([], "192.0.2.1", ["198.51.100.7"], "192.0.2.1"),
        // The proxy's own entry is the rightmost; entries left of it are the client's claims.
        (["127.0.0.1"], "127.0.0.1", ["198.51.100.7"], "198.51.100.7"),
        (["127.0.0.1"], "127.0.0.1", ["203.0.113.9, 198.51.100.7"], "198.51.100.7"),
        // Two proxies in a row; several header lines are one list in order.
        (["127.0.0.1", "10.0.0.2"], "127.0.0.1", ["203.0.113.9, 198.51.100.7", "10.0.0.2"], "198.51.100.7"),
        // A peer that is not trusted is the client whatever it says.
        (["127.0.0.1"], "192.0.2.1", ["198.51.100.7"], "192.0.2.1"),
        // No header, only proxies, or an entry that is no address: the peer.
        (["127.0.0.1"], "127.0.0.1", [], "127.0.0.1"),
        (["127.0.0.1"], "127.0.0.1", ["127.0.0.1"], "127.0.0.1"),
        (["127.0.0.1"], "127.0.0.1", ["198.51.100.7, unknown"], "127.0.0.1"),
        // One spelling per address: IPv4-mapped IPv6 peers (a `::` listener) and upper case.
        (["127.0.0.1"], "::ffff:127.0.0.1", [" 2001:DB8::1 "], "2001:db8::1"),
        (["::1"], "::1", ["::FFFF:198.51.100.7"], "198.51.100.7"),
    ])
    func clientIs(trusted: [String], peer: String, forwardedFor: [String], expected: String) throws {
        let resolver = try #require(ClientAddress(trustedProxies: trusted))
        #expect(resolver.of(Self.request(from: peer, forwardedFor: forwardedFor)) == expected)
    }

    @Test func onlyAddressLiteralsCanBeTrusted() {
        #expect(ClientAddress(trustedProxies: ["localhost"]) == nil)
        #expect(ClientAddress(trustedProxies: ["10.0.0.0/8"]) == nil)
        #expect(ClientAddress(trustedProxies: ["10.0.0.1", "fe80::1"]) != nil)
    }
}
