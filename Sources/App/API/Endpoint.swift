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

/// The API error an error of any layer means for the client.
func problem(for error: any Error, request: HTTPRequest) -> APIError {
    switch error {
    case let error as APIError:
        return error
    case RegistryError.conflict(let row, let field, let value):
        let path = row.map { "[\($0)].\(field)" } ?? field
        return .conflict(
            "\(field) '\(value)' is already taken.",
            errors: [FieldError(field: path, message: "already exists", row: row)])
    case RegistryError.invalidReference(let row, let field):
        let path = row.map { "[\($0)].\(field)" } ?? field
        return .invalid([FieldError(field: path, message: "names nothing in this township", row: row)])
    case RegistryError.limitReached(let kind, let limit, let existing, let adding):
        return .invalid(
            [
                FieldError(
                    field: "",
                    message: "a township holds at most \(limit) \(kind); it has \(existing), this adds \(adding)")
            ],
            detail: "Too many \(kind): at most \(limit) per township.")
    case RoundError.notFound:
        return .notFound("No such round in this township.")
    case RoundError.wrongState(let state, let why):
        return APIError.conflict("The round is \(state.rawValue): \(why).").typed("round-state")
    case RoundError.invalid(let errors):
        return .invalid(errors)
    case RoundError.alreadyVoted:
        return APIError.conflict("This ballot code has already been used to vote.").typed("already-voted")
    case RoundError.codeReplaced:
        return .unauthorized("The ballot code is unknown or has been replaced.")
    case RoundError.notOnPanel(let evaluatorID):
        return .notFound("Evaluator \(evaluatorID) is not on this round's panel.")
    case StoreUnavailable.diskFull:
        return APIError(503, "The server's disk is full; nothing was stored. Try again later.")
    case StoreUnavailable.busy:
        return APIError(503, "The database is busy; nothing was stored. Try again shortly.")
    default:
        ErrorLog.report("unhandled error on \(request.method) \(request.path): \(error)")
        return APIError(500, "An internal error occurred; nothing was changed.")
    }
}

/// Unexpected errors, written to standard error with context.
enum ErrorLog {
    static func report(_ message: String) {
        let line = "\(Timestamp.now()) ERROR \(message)\n"
        _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
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
