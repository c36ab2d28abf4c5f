import Domain
import Testing

/// The digest behind every stored token, code and archive hash: FIPS 180-4's test vectors, so a
/// change of implementation can never change a hash already in a database.
@Suite struct SHA256Tests {
    static func hex(_ bytes: [UInt8]) -> String { Hex.lowercase(bytes) }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        ("督评", "66c03d152c76c8bbb9725bc1e8d6490bf0c9d52ecaaa81992be56dce973ff981"),
    ])
    func knownDigests(text: String, expected: String) {
        #expect(Self.hex(SHA256.hash(data: Array(text.utf8))) == expected)
    }

    @Test func aMillionAs() {
        let digest = SHA256.hash(data: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(Self.hex(digest) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
