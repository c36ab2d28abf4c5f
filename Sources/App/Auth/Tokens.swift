import Domain

/// Root and township-admin tokens: random, shown once, stored only as SHA-256.
enum Tokens {
    /// A new token: a prefix saying its kind (`dpr_` root, `dpa_` admin) and 32 random hex bytes
    /// from the system CSPRNG.
    static func generate(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return prefix + Hex.lowercase(bytes)
    }

    /// The SHA-256 of the token's UTF-8 bytes, the only form that is stored.
    static func hash(_ token: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(token.utf8)))
    }
}
