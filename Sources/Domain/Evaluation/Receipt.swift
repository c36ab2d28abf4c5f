/// The random receipt a voter gets back for a counted ballot: 12 Crockford base32 symbols
/// (60 bits), displayed `XXXX-XXXX-XXXX`. It is drawn independently of the token and of time,
/// so it links the ballot to no one; the published board lists every receipt so each voter can
/// find their own.
public struct Receipt: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Number of symbols in a receipt.
    public static let length = 12

    /// The canonical 12 uppercase symbols.
    public let value: String

    /// Wraps a receipt as typed or stored, normalized like a ballot code; nil if it is not one.
    public init?(_ input: String) {
        guard let value = Crockford.normalize(input, length: Self.length) else { return nil }
        self.value = value
    }

    private init(canonical: String) {
        value = canonical
    }

    /// A fresh receipt from the system's cryptographic random source.
    public static func generate() -> Receipt {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// A receipt from `generator`; tests pass a seeded one.
    public static func generate<G: RandomNumberGenerator>(using generator: inout G) -> Receipt {
        Receipt(canonical: Crockford.random(count: length, using: &generator))
    }

    /// `XXXX-XXXX-XXXX`, as shown to the voter and on the board.
    public var display: String { Crockford.grouped(value) }

    public var description: String { display }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let receipt = Receipt(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a receipt")
        }
        self = receipt
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(display)
    }
}
