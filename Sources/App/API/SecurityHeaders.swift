import HTTPCore

/// Headers on every response. The pages load nothing from elsewhere (townships may be offline),
/// so the policy allows only this server; `no-referrer` keeps a ballot page from leaking its URL.
enum SecurityHeaders {
    static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    static let all: HTTPHeaders = [
        "Content-Security-Policy": contentSecurityPolicy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
    ]
}
