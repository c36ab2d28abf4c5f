import CLibCrypto

/// SHA-256 (FIPS 180-4), the digest of tokens, codes and archive records, computed by the
/// system's libcrypto: one C call instead of a vendored crypto library built three times a run.
public enum SHA256 {
    /// The 32-byte digest of `data`.
    public static func hash(data: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        data.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                _ = CLibCrypto.SHA256(input.baseAddress, input.count, output.baseAddress)
            }
        }
        return digest
    }
}
