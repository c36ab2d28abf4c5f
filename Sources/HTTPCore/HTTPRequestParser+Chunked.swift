extension HTTPRequestParser {
    /// Reads a `chunk-size [ chunk-ext ] CRLF` line (RFC 9112 §7.1); size 0 starts the trailer
    /// section. The running body size is checked before any chunk data is read.
    mutating func readChunkSize(
        _ bytes: UnsafeBufferPointer<UInt8>, cursor: inout Int
    ) throws(HTTPParseError) -> Progress {
        guard let line = try nextLine(bytes, cursor: &cursor, budget: .chunkSizeLine) else {
            return .needMore
        }
        let size = try Self.chunkSize(bytes, line)
        if size == 0 {
            phase = .trailerFields
            return .advanced
        }
        guard size <= limits.maxBodyBytes - body.count else { throw .payloadTooLarge }
        phase = .chunkData(remaining: size)
        return .advanced
    }

    /// Copies up to `remaining` bytes of the current chunk into the body.
    mutating func readChunkData(
        _ bytes: UnsafeBufferPointer<UInt8>, cursor: inout Int, remaining: Int
    ) -> Progress {
        let left = remaining - takeBody(bytes, cursor: &cursor, upTo: remaining)
        guard left == 0 else {
            phase = .chunkData(remaining: left)
            return .needMore
        }
        phase = .chunkDataEnd
        return .advanced
    }

    /// Chunk data must be followed by exactly CRLF (RFC 9112 §7.1); anything else means the
    /// size was wrong, so each byte is refused as soon as it arrives.
    mutating func readChunkDataEnd(
        _ bytes: UnsafeBufferPointer<UInt8>, cursor: inout Int
    ) throws(HTTPParseError) -> Progress {
        let available = bytes.count - cursor
        if available >= 1, bytes[cursor] != ASCII.cr { throw .missingChunkDataEnd }
        if available >= 2, bytes[cursor + 1] != ASCII.lf { throw .missingChunkDataEnd }
        guard available >= 2 else { return .needMore }
        cursor += 2
        phase = .chunkSize
        return .advanced
    }

    /// Reads one trailer field, or the empty line that ends the request (RFC 9112 §7.1.2).
    /// Trailer fields obey the header field rules and share the header section budget.
    mutating func readTrailerField(
        _ bytes: UnsafeBufferPointer<UInt8>, cursor: inout Int
    ) throws(HTTPParseError) -> Progress {
        guard let line = try nextLine(bytes, cursor: &cursor, budget: .fieldLine) else {
            return .needMore
        }
        if line.isEmpty { return .finished(finishRequest()) }
        sectionBytes += line.count + 2
        let field = try readField(bytes, line)
        trailers.add(field.name, field.value)
        return .advanced
    }

    /// `chunk-size = 1*HEXDIG` followed by optional extensions (RFC 9112 §7.1). At most 16
    /// digits are read so the value cannot silently wrap; sizes above `Int.max` are refused.
    static func chunkSize(
        _ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>
    ) throws(HTTPParseError) -> Int {
        var index = line.lowerBound
        var size: UInt64 = 0
        while index < line.upperBound, let digit = ASCII.hexValue(bytes[index]) {
            guard index - line.lowerBound < 16 else { throw .invalidChunkSize }
            size = size << 4 | digit
            index += 1
        }
        guard index > line.lowerBound, size <= UInt64(Int.max) else { throw .invalidChunkSize }
        if index < line.upperBound, bytes[index] != ASCII.semicolon, !ASCII.isBlank(bytes[index]) {
            throw .invalidChunkSize
        }
        try checkChunkExtensions(bytes, index..<line.upperBound)
        return Int(size)
    }

    /// Validates `*( BWS ";" BWS ext-name [ BWS "=" BWS ext-val ] )` where ext-val is a token or
    /// a quoted-string (RFC 9112 §7.1.1). Extensions carry nothing this server uses, so they are
    /// checked and dropped.
    private static func checkChunkExtensions(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
    ) throws(HTTPParseError) {
        let end = range.upperBound
        var index = range.lowerBound
        func skipBlanks() {
            while index < end, ASCII.isBlank(bytes[index]) { index += 1 }
        }
        while index < end {
            skipBlanks()
            guard index < end, bytes[index] == ASCII.semicolon else {
                throw .invalidChunkExtension
            }
            index += 1
            skipBlanks()
            let nameStart = index
            while index < end, ASCII.isTokenChar(bytes[index]) { index += 1 }
            guard index > nameStart else { throw .invalidChunkExtension }
            let nameEnd = index
            skipBlanks()
            guard index < end, bytes[index] == ASCII.equals else {
                // No value: whatever follows the name must start the next extension.
                index = nameEnd
                continue
            }
            index += 1
            skipBlanks()
            index = try extensionValueEnd(bytes, index..<end)
        }
    }

    /// The end of the token or quoted-string starting `range` (RFC 9110 §5.6.2, §5.6.4).
    private static func extensionValueEnd(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
    ) throws(HTTPParseError) -> Int {
        var index = range.lowerBound
        guard index < range.upperBound else { throw .invalidChunkExtension }
        guard bytes[index] == ASCII.quote else {
            while index < range.upperBound, ASCII.isTokenChar(bytes[index]) { index += 1 }
            guard index > range.lowerBound else { throw .invalidChunkExtension }
            return index
        }
        index += 1
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == ASCII.quote { return index + 1 }
            // quoted-pair: a backslash escapes any HTAB, SP, VCHAR or obs-text.
            let escaped = byte == ASCII.backslash
            let next = escaped ? index + 1 : index
            guard next < range.upperBound, ASCII.isFieldValueChar(bytes[next]) else {
                throw .invalidChunkExtension
            }
            index = next + 1
        }
        throw .invalidChunkExtension
    }
}
