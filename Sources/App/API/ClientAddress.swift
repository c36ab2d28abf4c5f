import Glibc
import HTTPCore

/// The address a request came from, as the ballot-code throttle counts it.
///
/// Behind a reverse proxy (DuPing speaks no TLS, so an internet-facing server sits behind one)
/// every request arrives from the proxy, and one client's wrong codes would lock everyone out.
/// When the peer is one of the trusted proxies, the client is the rightmost `X-Forwarded-For`
/// entry that is not a trusted proxy itself: each proxy appends the address it saw, so only
/// entries right of the first untrusted one can be believed. With no trusted proxy (the
/// default) the header is ignored, so a client cannot dodge the throttle by inventing one.
struct ClientAddress: Sendable {
    /// Canonical text of each trusted proxy address.
    private let trustedProxies: Set<String>

    /// No proxy trusted: the peer's address is the client's.
    static let direct = ClientAddress(trustedProxies: [])!

    /// Nil when an entry of `trustedProxies` is not an IPv4 or IPv6 address.
    init?(trustedProxies: [String]) {
        var canonical: Set<String> = []
        for text in trustedProxies {
            guard let address = Self.canonical(text) else { return nil }
            canonical.insert(address)
        }
        self.trustedProxies = canonical
    }

    func of(_ request: HTTPRequest) -> String {
        guard !trustedProxies.isEmpty else { return request.remoteAddress }
        let peer = Self.canonical(request.remoteAddress) ?? request.remoteAddress
        guard trustedProxies.contains(peer) else { return peer }
        let hops = request.headers.values("X-Forwarded-For").flatMap { $0.split(separator: ",") }
        for hop in hops.reversed() {
            // An entry that is no address was not written by a proxy we trust: count the
            // request against the last hop that can be believed.
            guard let address = Self.canonical(hop.trimmingWhitespace) else { return peer }
            if !trustedProxies.contains(address) { return address }
        }
        return peer
    }

    /// One spelling per address (`::FFFF:10.0.0.1` and `10.0.0.1` are the same client), or nil
    /// for anything that is not an IP address literal.
    static func canonical(_ text: String) -> String? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: v4) { format(AF_INET, $0) } }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return bytes[12...].map(String.init).joined(separator: ".")  // IPv4-mapped
        }
        return withUnsafeBytes(of: v6) { format(AF_INET6, $0) }
    }

    private static func format(_ family: Int32, _ address: UnsafeRawBufferPointer) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        guard inet_ntop(family, address.baseAddress, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
