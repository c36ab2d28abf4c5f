/// The 400 reasons the request parser reports, one per rule, so that the problem `detail` says
/// which rule a request broke and tests can tell the rules apart.
extension HTTPParseError {
    // Line framing (RFC 9112 §2.2).
    static let bareLF = badRequest("Lines must end with CRLF; found a bare LF.")
    static let bareCR = badRequest("Found a CR not followed by LF.")
    static let tooManyEmptyLines = badRequest("Too many empty lines before the request line.")

    // Request line (RFC 9112 §3).
    static let malformedRequestLine = badRequest(
        "The request line must be: method SP request-target SP HTTP-version.")
    static let invalidMethod = badRequest("The method is not a valid token.")
    static let invalidTarget = badRequest("The request-target is not valid.")
    static let asteriskForm = badRequest("The request-target '*' is only allowed with OPTIONS.")
    static let malformedVersion = badRequest("The HTTP version is malformed.")

    // Field lines (RFC 9112 §5).
    static let obsoleteLineFolding = badRequest("Obsolete line folding is not allowed.")
    static let missingColon = badRequest("A field line has no colon.")
    static let whitespaceBeforeColon = badRequest(
        "Whitespace between a field name and its colon is not allowed.")
    static let invalidFieldName = badRequest("A field name is not a valid token.")
    static let invalidFieldValue = badRequest("A field value contains a control character.")

    // Host (RFC 9112 §3.2).
    static let missingHost = badRequest("HTTP/1.1 requests need a Host field.")
    static let duplicateHost = badRequest("More than one Host field.")
    static let invalidHost = badRequest("The Host field value is not valid.")

    // Message body framing (RFC 9112 §6).
    static let invalidContentLength = badRequest("Content-Length must be a decimal number.")
    static let duplicateContentLength = badRequest("More than one Content-Length field.")
    static let lengthAndTransferEncoding = badRequest(
        "Content-Length and Transfer-Encoding cannot be used together.")
    static let transferEncodingInHTTP10 = badRequest(
        "Transfer-Encoding is not allowed in HTTP/1.0 requests.")
    static let invalidTransferEncoding = badRequest("The Transfer-Encoding list is malformed.")
    static let repeatedChunked = badRequest("The chunked coding may be applied only once.")
    static let chunkedNotFinal = badRequest(
        "Transfer-Encoding must end with chunked, or the body length is unknown.")

    // Chunked transfer coding (RFC 9112 §7.1).
    static let invalidChunkSize = badRequest("A chunk size is not a valid hexadecimal number.")
    static let invalidChunkExtension = badRequest("A chunk extension is malformed.")
    static let chunkLineTooLong = badRequest("A chunk-size line is too long.")
    static let missingChunkDataEnd = badRequest("Chunk data must be followed by CRLF.")
}
