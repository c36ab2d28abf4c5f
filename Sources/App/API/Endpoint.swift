import Domain
import Glibc
import HTTPCore
import Store

/// Turns a throwing handler into the server's handler type: every error becomes the right
/// problem+json. An error nobody mapped is a bug: it is logged (without the request body) and
/// answered 500 without details.
func endpoint(_ body: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse) -> HTTPHandlerFunction {
    { request in
        do {
            return try body(request)
        } catch {
            return problem(for: error, request: request).response
        }
    }
}

/// How a deferred endpoint answers: with a response, or with an error to be mapped as
/// `endpoint` maps thrown ones.
typealias EndpointCompletion = @Sendable (Result<HTTPResponse, any Error>) -> Void

/// A handler that answers later through its completion (a ballot waiting for its group commit).
/// It either throws, without having called the completion, or calls the completion exactly once.
typealias DeferredEndpoint = @Sendable (HTTPRequest, @escaping EndpointCompletion) throws -> Void

/// `endpoint` for a handler that answers later: every error, thrown at once or delivered through
/// the completion, becomes the right problem+json.
func deferredEndpoint(_ body: @escaping DeferredEndpoint) -> HTTPDeferredHandlerFunction {
    { request, respond in
        let complete: EndpointCompletion = { result in
            switch result {
            case .success(let response): respond(response)
            case .failure(let error): respond(problem(for: error, request: request).response)
            }
        }
        do {
            try body(request, complete)
        } catch {
            complete(.failure(error))
        }
    }
}

/// The API error an error of any layer means for the client: its own `problem` when its area
/// conforms to `ProblemConvertible` (each area in its own file under `Problems/`), else a 500
/// that is logged with context, since an error nobody mapped is a bug.
func problem(for error: any Error, request: HTTPRequest) -> APIError {
    if let error = error as? APIError { return error }
    if let convertible = error as? any ProblemConvertible { return convertible.problem }
    ErrorLog.report("unhandled error on \(request.method) \(request.path): \(error)")
    return APIError(500, "An internal error occurred; nothing was changed.")
}

/// Unexpected errors, written to standard error with context (in the `--log-format`).
enum ErrorLog {
    static func report(_ message: String) {
        ProcessLog.write(message, level: .error, to: STDERR_FILENO)
    }
}

extension HTTPResponse {
    /// A JSON response; `location` adds the header a 201 carries.
    static func json(_ value: JSONValue, status: Int = 200, location: String? = nil) -> HTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let location { headers.add("Location", location) }
        return HTTPResponse(status: status, headers: headers, body: JSONWriter.encode(value))
    }

    static func noContent() -> HTTPResponse { HTTPResponse(status: 204) }
}
