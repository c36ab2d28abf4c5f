import Domain

/// The fuzz property of the JSON codec: parsing never crashes; whatever parses is written by
/// `JSONWriter` as JSON that parses back to an equal value; and canonical encoding is stable
/// (encoding the re-parsed canonical bytes gives the same bytes), which the archive hash chain
/// relies on.
public enum JSONCheck {
    /// nil when the property holds for `input`, else what went wrong.
    public static func check(_ input: [UInt8]) -> String? {
        guard let value = try? JSONParser.parse(input) else { return nil }
        let written = JSONWriter.encode(value)
        let text = String(decoding: written, as: UTF8.self)
        guard let reparsed = try? JSONParser.parse(written) else {
            return "JSONWriter output does not parse: \(text)"
        }
        guard reparsed == value else { return "round trip changed \(value) into \(reparsed)" }
        guard let canonical = try? CanonicalJSON.encode(value) else { return nil }
        let canonicalText = String(decoding: canonical, as: UTF8.self)
        guard let fromCanonical = try? JSONParser.parse(canonical) else {
            return "canonical output does not parse: \(canonicalText)"
        }
        guard let again = try? CanonicalJSON.encode(fromCanonical), again == canonical else {
            return "canonical encoding is not stable for \(canonicalText)"
        }
        return nil
    }
}
