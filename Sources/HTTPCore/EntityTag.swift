/// Entity tags (RFC 9110 §8.8.3) and the `If-None-Match` precondition (RFC 9110 §13.1.2).
public enum EntityTag {
    /// A strong tag for `bytes`: their length and 64-bit FNV-1a hash, e.g. `"1f4-a3c1…"`.
    ///
    /// FNV is not collision-resistant against an attacker, but an ETag only has to change when a
    /// file the operator deploys changes, and a 64-bit hash plus the length makes an accidental
    /// match practically impossible without pulling a cryptographic hash into HTTPCore.
    public static func strong(for bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return "\"" + String(bytes.count, radix: 16) + "-" + String(hash, radix: 16) + "\""
    }

    /// Whether the `If-None-Match` field values match `etag`, meaning the client's copy is current
    /// and a 304 is the answer.
    ///
    /// `*` matches any current representation. Otherwise the values form a comma-separated list
    /// of entity tags, compared weakly: `W/"x"` and `"x"` match each other, since a GET may be
    /// answered from any variant whose content is equivalent (RFC 9110 §8.8.3.2). A value that is
    /// not valid entity-tag syntax makes the whole precondition false, so the client simply gets
    /// the full response rather than a 304 it did not ask for.
    public static func ifNoneMatch(_ values: [String], matches etag: String) -> Bool {
        guard !values.isEmpty else { return false }
        let current = opaqueTag(Substring(etag))
        for value in values {
            guard let tags = parseList(value) else { return false }
            if tags.contains(where: { $0 == "*" || opaqueTag($0) == current }) {
                return true
            }
        }
        return false
    }

    /// The members of one field value: `*` or entity tags (`W/` kept), or nil when malformed.
    /// Commas may occur inside a quoted tag, so this scans rather than splitting on commas.
    static func parseList(_ value: String) -> [Substring]? {
        var tags: [Substring] = []
        var index = value.startIndex
        func skipSeparators() {
            while index < value.endIndex, [" ", "\t", ","].contains(value[index]) {
                index = value.index(after: index)
            }
        }
        skipSeparators()
        while index < value.endIndex {
            let start = index
            if value[index] == "*" {
                index = value.index(after: index)
            } else {
                if value[index...].hasPrefix("W/") {
                    index = value.index(index, offsetBy: 2)
                }
                guard index < value.endIndex, value[index] == "\"" else { return nil }
                index = value.index(after: index)
                guard let close = value[index...].firstIndex(of: "\"") else { return nil }
                index = value.index(after: close)
            }
            tags.append(value[start..<index])
            // The next character must end this member: OWS, a comma, or the end of the field.
            guard index == value.endIndex || [" ", "\t", ","].contains(value[index]) else {
                return nil
            }
            skipSeparators()
        }
        return tags
    }

    /// The quoted opaque part of a tag, without any `W/` prefix: what weak comparison compares.
    static func opaqueTag(_ tag: Substring) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : tag
    }
}
