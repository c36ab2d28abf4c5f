import Domain
import HTTPCore
import Primitives
import Store

/// The public lookup of a first-asked request by its code (contract §12): its state, department
/// and dates, never a name, the summary or the contact; throttled like ballot codes.
struct RequestLookupRoute {
    let store: any DataStore
    let clock: any TimeSource
    /// Unknown codes per address (20 in 10 minutes, then 429).
    let throttle: FailureThrottle
    let clientAddress: ClientAddress

    func register(in router: inout Router) {
        // The path is a person's code: the access log keeps neither it nor the address.
        router.addRedactingLog("GET", "/v1/public/requests/{code}", endpoint(lookup))
    }

    private var today: CalendarDay { CalendarDay(clock.today())! }

    /// What the person with the code may see: no names, no summary, no contact.
    private func lookup(_ request: HTTPRequest) throws -> HTTPResponse {
        let client = clientAddress.of(request)
        try throttle.check(client, tooMany: "unknown codes")
        let missing = APIError.notFound("No request with that code.")
        guard let code = RequestCode(request.pathParameters["code"] ?? "") else {
            try throttle.record(client)
            throw missing
        }
        let found = try store.read { transaction -> (FirstAskedRequest, String?)? in
            guard let item = try transaction.requests.find(codeDigest: code.digest) else { return nil }
            let department = try item.departmentID.flatMap {
                try transaction.registry.get(Registry.departments, townshipID: item.townshipID, id: $0)?["name"]?
                    .stringValue
            }
            return (item, department)
        }
        guard let (item, department) = found else {
            try throttle.record(client)
            throw missing
        }
        return .json([
            "state": .string(item.state.rawValue), "department": department.map(JSONValue.string) ?? .null,
            "filed": .string(item.filedOn.text), "due": .string(item.due.text),
            "resolved": item.resolvedOn.map { .string($0.text) } ?? .null,
            "outcome": item.outcome.map(JSONValue.string) ?? .null, "overdue": .bool(item.overdue(today: today)),
        ])
    }
}
