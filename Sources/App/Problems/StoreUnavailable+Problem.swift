import Store

extension StoreUnavailable: ProblemConvertible {
    var problem: APIError {
        switch self {
        case .diskFull: APIError(503, "The server's disk is full; nothing was stored. Try again later.")
        case .busy: APIError(503, "The database is busy; nothing was stored. Try again shortly.")
        case .unreachable: APIError(503, "The database cannot be reached; nothing was stored. Try again shortly.")
        }
    }
}
