extension HTTPRequestParser {
    /// Which limit a line being scanned is measured against.
    enum LineBudget {
        /// `maxRequestLineBytes` (414), and the header section budget (431).
        case requestLine
        /// The header section budget (431), shared by header and trailer fields.
        case fieldLine
        /// `maxChunkSizeLineBytes` (400).
        case chunkSizeLine
    }

    /// RFC 9112 §2.2 asks servers to ignore "at least one" empty line before the request line;
    /// a few cover clients that send a stray CRLF after a body, more is noise or an attack.
    static let maxLeadingEmptyLines = 4
    /// More field lines than this in one request (headers and trailers together) → 431.
    static let maxFieldCount = 100
    /// A chunk-size line (size and extensions) longer than this → 400.
    static let maxChunkSizeLineBytes = 4 * 1024

    /// Returns the next line at `cursor` without its CRLF and consumes it, or nil when the line
    /// is still incomplete (then `scannedLineBytes` remembers how far it was checked).
    ///
    /// RFC 9112 §2.2 allows a server to accept a bare LF as a line end; this parser refuses bare
    /// LF and bare CR anywhere, since parsers that disagree on line ends enable request smuggling.
    /// Bytes are checked in order, so the error does not depend on how the input was split.
    mutating func nextLine(
        _ bytes: UnsafeBufferPointer<UInt8>, cursor: inout Int, budget: LineBudget
    ) throws(HTTPParseError) -> Range<Int>? {
        let start = cursor
        var index = start + scannedLineBytes
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.cr {
                guard index + 1 < bytes.count else { break }
                guard bytes[index + 1] == ASCII.lf else { throw .bareCR }
                scannedLineBytes = 0
                cursor = index + 2
                return start..<index
            }
            if byte == ASCII.lf { throw .bareLF }
            try checkBudget(budget, lineLength: index - start + 1)
            index += 1
        }
        scannedLineBytes = index - start
        return nil
    }

    /// Throws as soon as a line of `lineLength` bytes (so far) is certain to break its limit.
    /// A request or field line still needs its own CRLF and the CRLF ending the section, hence
    /// the 4 bytes added before comparing with `maxHeaderBytes`.
    private func checkBudget(_ budget: LineBudget, lineLength: Int) throws(HTTPParseError) {
        switch budget {
        case .requestLine:
            if lineLength > limits.maxRequestLineBytes { throw .uriTooLong }
            if sectionBytes + lineLength + 4 > limits.maxHeaderBytes { throw .headersTooLarge }
        case .fieldLine:
            if sectionBytes + lineLength + 4 > limits.maxHeaderBytes { throw .headersTooLarge }
        case .chunkSizeLine:
            if lineLength > Self.maxChunkSizeLineBytes { throw .chunkLineTooLong }
        }
    }

    /// Reads the request line, skipping a few empty lines before it (RFC 9112 §2.2, §3).
    mutating func readRequestLine(
        _ bytes: UnsafeBufferPointer<UInt8>, cursor: inout Int
    ) throws(HTTPParseError) -> Progress {
        let next: Range<Int>?
        do {
            next = try nextLine(bytes, cursor: &cursor, budget: .requestLine)
        } catch .uriTooLong where !bytes[cursor...].prefix(limits.maxRequestLineBytes).contains(ASCII.space) {
            throw .methodTooLong  // no space yet: it is the method that is too long, not the target
        }
        guard let line = next else { return .needMore }
        if line.isEmpty {
            leadingEmptyLines += 1
            guard leadingEmptyLines <= Self.maxLeadingEmptyLines else {
                throw .tooManyEmptyLines
            }
            return .advanced
        }
        requestLine = try RequestLine(bytes, line)
        sectionBytes = line.count + 2
        phase = .headerFields
        return .advanced
    }

    /// Reads one header field line, or the empty line that completes the head (RFC 9112 §5).
    mutating func readHeaderField(
        _ bytes: UnsafeBufferPointer<UInt8>, cursor: inout Int
    ) throws(HTTPParseError) -> Progress {
        guard let line = try nextLine(bytes, cursor: &cursor, budget: .fieldLine) else {
            return .needMore
        }
        sectionBytes += line.count + 2
        if line.isEmpty { return try completeHead() }
        let field = try readField(bytes, line)
        fields.add(field.name, field.value)
        return .advanced
    }

    /// Parses `field-name ":" OWS field-value OWS` (RFC 9112 §5, RFC 9110 §5.5) and counts it
    /// against `maxFieldCount`. Used for header and trailer fields alike.
    mutating func readField(
        _ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>
    ) throws(HTTPParseError) -> HTTPHeaders.Field {
        fieldCount += 1
        if fieldCount > Self.maxFieldCount { throw .headersTooLarge }
        // §5.2: a line starting with whitespace continues the previous one (obs-fold).
        if ASCII.isBlank(bytes[line.lowerBound]) { throw .obsoleteLineFolding }
        guard let colon = line.first(where: { bytes[$0] == ASCII.colon }) else {
            throw .missingColon
        }
        let name = line.lowerBound..<colon
        guard !name.isEmpty else { throw .invalidFieldName }
        // §5.1: whitespace before the colon must be rejected, not trimmed.
        if ASCII.isBlank(bytes[colon - 1]) { throw .whitespaceBeforeColon }
        guard name.allSatisfy({ ASCII.isTokenChar(bytes[$0]) }) else {
            throw .invalidFieldName
        }
        var start = colon + 1
        var end = line.upperBound
        while start < end, ASCII.isBlank(bytes[start]) { start += 1 }
        while end > start, ASCII.isBlank(bytes[end - 1]) { end -= 1 }
        guard (start..<end).allSatisfy({ ASCII.isFieldValueChar(bytes[$0]) }) else {
            throw .invalidFieldValue
        }
        return (ASCII.string(bytes, name), ASCII.string(bytes, start..<end))
    }

    /// Turns the collected head into an `HTTPRequestHead` and moves on to the body, or finishes
    /// the request at once when it has none.
    private mutating func completeHead() throws(HTTPParseError) -> Progress {
        guard let requestLine else { preconditionFailure("header fields before a request line") }
        let (head, framing) = try Self.makeHead(requestLine, fields, limits: limits)
        self.head = head
        switch framing {
        case .empty:
            return .finished(finishRequest())
        case .length(let length):
            body.reserveCapacity(length)
            phase = .fixedBody(remaining: length)
        case .chunked:
            phase = .chunkSize
        }
        continuePending = head.expectsContinue
        return .advanced
    }
}
