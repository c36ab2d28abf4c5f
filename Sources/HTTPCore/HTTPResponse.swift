/// A response as a handler produces it. The server adds `Date`, `Content-Length`, `Connection`
/// and compression when it encodes it.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// `body` already gzip-compressed, for a response served many times (a document, a page):
    /// `gzipped(ifAcceptedBy:)` sends it instead of compressing the body again per request.
    public var gzippedBody: [UInt8]?

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
