import Domain
import HTTPCore

/// An error a handler answers with: its status, a human `detail`, and for validation failures
/// the list of fields at fault. Rendered as RFC 9457 problem+json.
public struct APIError: Error, Sendable {
    /// RFC 9457 `type`: `about:blank` unless the case needs telling apart by programs (the
    /// ballot page tells "already voted" from "round not open" this way).
    public var type = "about:blank"
    public var status: Int
    public var detail: String
    public var errors: [FieldError] = []
    public var headers: HTTPHeaders = HTTPHeaders()
    /// RFC 9457 extension members added to the body (`line` of a malformed CSV file).
    public var extensions: JSONObject = [:]

    public init(_ status: Int, _ detail: String, errors: [FieldError] = []) {
        self.status = status
        self.detail = detail
        self.errors = errors
    }

    static func badRequest(_ detail: String) -> APIError { APIError(400, detail) }
    static func notFound(_ detail: String = "No such thing here.") -> APIError { APIError(404, detail) }
    static func forbidden(_ detail: String) -> APIError { APIError(403, detail) }
    static func conflict(_ detail: String, errors: [FieldError] = []) -> APIError {
        APIError(409, detail, errors: errors)
    }

    /// The same error with a problem `type` naming its case.
    func typed(_ name: String) -> APIError {
        var error = self
        error.type = "urn:duping:problem:" + name
        return error
    }
    static func invalid(_ errors: [FieldError], detail: String = "The request has invalid fields.") -> APIError {
        APIError(422, detail, errors: errors)
    }
    static func unauthorized(_ detail: String) -> APIError {
        var error = APIError(401, detail)
        error.headers.set("WWW-Authenticate", "Bearer")
        return error
    }

    /// The same error with each field error of a bulk row given the spreadsheet line of that
    /// row (`lines[row - 1]`, from a CSV upload).
    func locatingRows(on lines: [Int]) -> APIError {
        var error = self
        for index in error.errors.indices {
            guard let row = error.errors[index].row, lines.indices.contains(row - 1) else { continue }
            error.errors[index].line = lines[row - 1]
        }
        return error
    }

    /// Most entries of `errors` a response lists; `error_count` then gives the total.
    static let maxListedErrors = 100

    /// The problem+json response.
    public var response: HTTPResponse {
        var body: JSONObject = [
            "type": .string(type),
            "title": .string(HTTPResponseEncoder.reasonPhrase(status)),
            "status": .int(Int64(status)),
            "detail": .string(detail),
        ]
        if !errors.isEmpty {
            // Fair use (§8): a ballot or CSV of 150,000 bad entries once got a 44 MB answer.
            if errors.count > Self.maxListedErrors {
                body["error_count"] = .int(Int64(errors.count))
                body["detail"] = .string(
                    detail + " The first \(Self.maxListedErrors) of \(errors.count) errors are listed.")
            }
            body["errors"] = .array(
                errors.prefix(Self.maxListedErrors).map { error in
                    var entry: JSONObject = ["field": .string(error.field), "message": .string(error.message)]
                    if let row = error.row { entry["row"] = .int(Int64(row)) }
                    if let line = error.line { entry["line"] = .int(Int64(line)) }
                    return .object(entry)
                })
        }
        for (key, value) in extensions.entries where body[key] == nil { body[key] = value }
        var headers = self.headers
        headers.set("Content-Type", "application/problem+json")
        return HTTPResponse(status: status, headers: headers, body: JSONWriter.encode(.object(body)))
    }
}
