import HTTPCore

/// The fuzz property of `HTTPRequestParser`: it never crashes, never reports more bytes consumed
/// than it was given, and what it returns does not depend on how the bytes arrive — whole, split
/// in two at a position taken from the first input byte, or one byte at a time (a differential
/// check in the spirit of swift-nio's `ByteToMessageDecoderVerifier`).
public enum HTTPParserCheck {
    /// Small limits, so that the fuzzer reaches the 413, 414 and 431 branches with short inputs.
    static let limits = HTTPParserLimits(
        maxHeaderBytes: 512, maxBodyBytes: 256, maxRequestLineBytes: 128)

    /// Everything a feeding mode observed: the requests in order, the error that ended parsing
    /// (if any) and whether the parser was idle when the input ran out.
    struct Outcome: Equatable {
        var requests: [String] = []
        var failure: HTTPParseError?
        var idle = true
    }

    /// nil when the property holds for `input`, else what went wrong.
    public static func check(_ input: [UInt8]) -> String? {
        guard let first = input.first else { return nil }
        let bytes = Array(input.dropFirst())
        let split = Int(first) % (bytes.count + 1)
        let whole: Outcome
        switch feed([bytes[...]]) {
        case .success(let outcome): whole = outcome
        case .failure(let violation): return "whole: \(violation.text)"
        }
        let modes: [(String, [ArraySlice<UInt8>])] = [
            ("split at \(split)", [bytes[..<split], bytes[split...]]),
            ("byte by byte", bytes.indices.map { bytes[$0...$0] }),
        ]
        for (name, chunks) in modes {
            switch feed(chunks) {
            case .failure(let violation):
                return "\(name): \(violation.text)"
            case .success(let outcome) where outcome != whole:
                return "\(name) gave \(outcome), whole input gave \(whole)"
            case .success:
                continue
            }
        }
        return nil
    }

    /// A violated property, as an error so `feed` can return a `Result`.
    struct Violation: Error {
        let text: String
    }

    /// Feeds `chunks` the way the server does: each read is appended to the unconsumed bytes,
    /// and the parser is called until it needs more input or fails.
    static func feed(_ chunks: [ArraySlice<UInt8>]) -> Result<Outcome, Violation> {
        var parser = HTTPRequestParser(limits: limits)
        var pending: [UInt8] = []
        var outcome = Outcome()
        for chunk in chunks {
            pending.append(contentsOf: chunk)
            while true {
                let result: (event: HTTPRequestParser.Event, consumed: Int)
                do {
                    result = try pending.withUnsafeBufferPointer { (buffer) throws(HTTPParseError) in
                        try parser.parse(buffer)
                    }
                } catch {
                    outcome.failure = error
                    outcome.idle = false
                    return .success(outcome)
                }
                guard result.consumed >= 0, result.consumed <= pending.count else {
                    return .failure(
                        Violation(text: "consumed \(result.consumed) of \(pending.count) bytes"))
                }
                pending.removeFirst(result.consumed)
                if case .needMore = result.event { break }
                if case .request(let request) = result.event {
                    outcome.requests.append(summary(request))
                }
            }
        }
        outcome.idle = parser.isIdle
        return .success(outcome)
    }

    /// Every field of a request that the parser decides, in one comparable string.
    static func summary(_ request: HTTPRequest) -> String {
        let head = request.head
        let headers = head.headers.map { "\($0.name)=\($0.value)" }
        let trailers = request.trailers.map { "\($0.name)=\($0.value)" }
        return "\(head.method) \(head.target) path=\(head.path) query=\(head.query ?? "-") "
            + "\(head.version) headers=\(headers) body=\(request.body) trailers=\(trailers) "
            + "keepAlive=\(head.keepAlive) expect=\(head.expectsContinue)"
    }
}
