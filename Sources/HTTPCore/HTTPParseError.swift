/// Why a request could not be read. Each maps to the status the server answers with before it
/// closes the connection.
public enum HTTPParseError: Error, Equatable, Sendable {
    /// Malformed syntax (400). The string says what, for the problem `detail`.
    case badRequest(String)
    /// Header section larger than the configured limit (431).
    case headersTooLarge
    /// Body larger than the configured limit (413).
    case payloadTooLarge
    /// A transfer coding the server does not implement (501).
    case notImplemented(String)
    /// HTTP version other than 1.0 or 1.1 (505).
    case versionNotSupported
    /// An `Expect` value other than `100-continue` (417).
    case expectationFailed
    /// Request-target longer than the header limit allows (414).
    case uriTooLong
    /// A method still unfinished at the request-line limit: longer than any the server
    /// implements (501, RFC 9112 §3).
    case methodTooLong

    public var status: Int {
        switch self {
        case .badRequest: 400
        case .headersTooLarge: 431
        case .payloadTooLarge: 413
        case .notImplemented: 501
        case .versionNotSupported: 505
        case .expectationFailed: 417
        case .uriTooLong: 414
        case .methodTooLong: 501
        }
    }

    public var detail: String {
        switch self {
        case .badRequest(let why): why
        case .headersTooLarge: "The request header section is larger than the server accepts."
        case .payloadTooLarge: "The request body is larger than the server accepts."
        case .notImplemented(let coding): "Transfer-Encoding '\(coding)' is not supported."
        case .versionNotSupported: "Only HTTP/1.0 and HTTP/1.1 are supported."
        case .expectationFailed: "Only 'Expect: 100-continue' is supported."
        case .uriTooLong: "The request target is longer than the server accepts."
        case .methodTooLong: "The request method is longer than any the server implements."
        }
    }
}
