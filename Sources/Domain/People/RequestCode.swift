/// The code a person gets for a first-asked request (contract §12): 8 Crockford base32 symbols
/// (40 random bits), shown once as `XXXX-XXXX` and stored only as `digest`. Looked up publicly
/// under a per-address limit, so guessing is slow.
public struct RequestCode: Sendable, Hashable, CustomStringConvertible {
    public static let length = 8

    /// The canonical 8 uppercase symbols.
    public let value: String

    /// What a person typed, if it normalizes to a code (case, hyphens and spaces do not matter).
    public init?(_ input: String) {
        guard let value = Crockford.normalize(input, length: Self.length) else { return nil }
        self.value = value
    }

    private init(canonical: String) { value = canonical }

    /// A fresh code from the system's cryptographic random source.
    public static func generate() -> RequestCode {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// A code from `generator`; tests pass a seeded one.
    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> RequestCode {
        RequestCode(canonical: Crockford.random(count: length, using: &generator))
    }

    /// `XXXX-XXXX`.
    public var display: String { Crockford.grouped(value) }

    /// SHA-256 of the canonical symbols, lowercase hex.
    public var digest: String {
        Hex.lowercase(SHA256.hash(data: Array(value.utf8)))
    }

    /// Redacted: a code interpolated into a log line by accident must not leak.
    public var description: String { "RequestCode(redacted)" }
}
