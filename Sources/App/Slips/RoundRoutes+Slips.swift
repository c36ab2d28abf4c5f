import Domain
import HTTPCore

extension RoundRoutes {
    /// Codes just issued by `open` or `reissue`: the printable slips page for a client that
    /// prefers `text/html` (a browser, the console), else `json` (curl's `*/*` and scripts).
    /// Neither may be kept by a cache: both carry live ballot codes.
    func issuedResponse(
        _ request: TownshipRequest, round: Round, issued: [IssuedCode], json: JSONValue
    ) -> HTTPResponse {
        if AcceptMediaType.prefers("text/html", over: "application/json", in: request.http.headers.values("Accept")) {
            let page = SlipsPage(
                townshipName: request.township.name, roundTitle: round.title, base: links.base(for: request.http),
                issued: issued)
            return page.response
        }
        var response = HTTPResponse.json(json)
        response.headers.add("Cache-Control", "no-store")
        response.headers.add("Vary", "Accept")
        return response
    }
}
