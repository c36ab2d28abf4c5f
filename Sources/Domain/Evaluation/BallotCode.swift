/// A ballot token (测评码): 16 Crockford base32 symbols (80 random bits), shown to the evaluator
/// once as `XXXX-XXXX-XXXX-XXXX` and stored only as `digest`.
///
/// `description` is redacted on purpose: the contract forbids tokens in any log line, and a code
/// interpolated into a message by accident must not leak it. Use `display` or `value` where the
/// token really is to be shown.
public struct BallotCode: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Number of symbols in a code.
    public static let length = 16

    /// The canonical 16 uppercase symbols.
    public let value: String

    /// Wraps user input if it normalizes to a code (see `normalize`).
    public init?(_ input: String) {
        guard let value = Self.normalize(input) else { return nil }
        self.value = value
    }

    private init(canonical: String) {
        value = canonical
    }

    /// A fresh code from the system's cryptographic random source.
    public static func generate() -> BallotCode {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// A code from `generator`; tests pass a seeded one.
    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> BallotCode {
        BallotCode(canonical: Crockford.random(count: length, using: &generator))
    }

    /// The canonical 16 symbols for what a person typed: case-insensitive, hyphens and spaces
    /// optional, `O`→`0` and `I`/`L`→`1`; nil for `U`, any other character or a wrong length.
    public static func normalize(_ input: String) -> String? {
        Crockford.normalize(input, length: length)
    }

    /// `XXXX-XXXX-XXXX-XXXX`, as printed on the slip.
    public var display: String { Crockford.grouped(value) }

    /// SHA-256 of the canonical symbols, lowercase hex: what the store keeps and looks up, so
    /// every way of typing the same code finds the same row.
    public var digest: String {
        Hex.lowercase(SHA256.hash(data: Array(value.utf8)))
    }

    public var description: String { "BallotCode(redacted)" }
    public var debugDescription: String { description }
}
