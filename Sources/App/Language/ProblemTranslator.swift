import Domain
import HTTPCore

/// Puts problem+json responses into the language the client prefers (contract §8): `title`,
/// `detail` and each `errors[].message` in Chinese when `Accept-Language` prefers `zh`, as
/// they are (English) otherwise. Field names, `type` and every other member stay as they are;
/// a message the catalog does not know stays English. Installed as the router's error filter,
/// so it sees every problem of a routed request, the router's own 404 and 405 included.
enum ProblemTranslator {
    /// The response for `request`: problems get `Content-Language` and `Vary: Accept-Language`,
    /// and are translated when Chinese is preferred; anything else passes unchanged.
    static func filter(_ request: HTTPRequest, _ response: HTTPResponse) -> HTTPResponse {
        guard let type = response.headers["Content-Type"], type.hasPrefix("application/problem+json") else {
            return response
        }
        let language = Language.preferred(byAcceptLanguage: request.headers.values("Accept-Language"))
        var response = response
        response.headers.add("Vary", "Accept-Language")
        response.headers.set("Content-Language", language.tag)
        guard language == .chinese else { return response }
        guard let body = translated(response.body, status: response.status) else {
            response.headers.set("Content-Language", Language.english.tag)
            return response
        }
        response.body = body
        response.gzippedBody = nil
        return response
    }

    /// The problem body with its texts in Chinese; nil when it is not a JSON object.
    static func translated(_ body: [UInt8], status: Int, catalog: MessageCatalog = .shared) -> [UInt8]? {
        guard var problem = (try? JSONParser.parse(body))?.objectValue else { return nil }
        if let title = MessageCatalog.title(status: status), problem["title"] != nil {
            problem["title"] = .string(title)
        }
        if let detail = problem["detail"]?.stringValue {
            problem["detail"] = .string(catalog.chinese(detail) ?? detail)
        }
        if let errors = problem["errors"]?.arrayValue {
            problem["errors"] = .array(
                errors.map { error in
                    guard var entry = error.objectValue, let message = entry["message"]?.stringValue else {
                        return error
                    }
                    entry["message"] = .string(catalog.chinese(message) ?? message)
                    return .object(entry)
                })
        }
        return JSONWriter.encode(.object(problem))
    }
}
