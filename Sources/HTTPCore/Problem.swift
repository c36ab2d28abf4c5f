/// RFC 9457 problem details as the server itself produces them (parse errors, 404, 405 ...).
/// Written by hand so HTTPCore needs no JSON encoder.
public enum Problem {
    /// A problem+json response with `type`, `title`, `status` and `detail`.
    public static func response(
        status: Int, detail: String, headers: HTTPHeaders = HTTPHeaders()
    ) -> HTTPResponse {
        let title = HTTPResponseEncoder.reasonPhrase(status)
        let json =
            #"{"type":"about:blank","title":"# + jsonString(title) + #","status":"# + String(status)
            + #","detail":"# + jsonString(detail) + "}"
        var headers = headers
        headers.set("Content-Type", "application/problem+json")
        return HTTPResponse(status: status, headers: headers, body: Array(json.utf8))
    }

    /// A JSON string literal for `text`, escaping what RFC 8259 requires.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
