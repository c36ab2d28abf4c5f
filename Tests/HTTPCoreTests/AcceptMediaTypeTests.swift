import HTTPCore
import Testing

/// `Accept` negotiation between two media types (RFC 9110 §12.5.1), as the routes that answer
/// in HTML or JSON ask it.
@Suite struct AcceptMediaTypeTests {
    @Test(arguments: [
        "text/html",
        "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
        "application/json;q=0.5, text/html",
        "text/*",
        "TEXT/HTML; charset=utf-8",
        "text/html;level=1;q=0.9, */*;q=0.1",
    ])
    func htmlIsPreferred(accept: String) {
        #expect(AcceptMediaType.prefers("text/html", over: "application/json", in: [accept]))
    }

    @Test(arguments: [
        "*/*", "application/json", "", "text/html, application/json", "application/json, text/html;q=0.9",
        "text/html;q=0", "text/html;q=2", "html", "*/html", "application/*, text/*;q=0.5",
    ])
    func jsonStaysTheDefault(accept: String) {
        #expect(!AcceptMediaType.prefers("text/html", over: "application/json", in: [accept]))
    }

    @Test func noAcceptFieldKeepsTheDefault() {
        #expect(!AcceptMediaType.prefers("text/html", over: "application/json", in: []))
    }

    @Test func severalFieldsAreOneList() {
        #expect(
            AcceptMediaType.prefers("text/html", over: "application/json", in: ["application/json;q=0.2", "text/html"]))
    }

    @Test func theMostSpecificRangeDecides() {
        // text/html is refused outright even though text/* would take it.
        #expect(
            !AcceptMediaType.prefers("text/html", over: "application/json", in: ["text/*, text/html;q=0, */*;q=0.1"]))
    }
}
