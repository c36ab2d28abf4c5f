import Domain
import Foundation
import Testing

/// Ballot slips (contract §13): `open` and `reissue` answer a client that prefers HTML with a
/// printable page of slips carrying the real codes; JSON stays the default.
@Suite struct SlipsAPITests {
    static let html = ["Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"]

    @Test func openingForABrowserGivesOneSlipPerEvaluatorWhoseCodesVote() throws {
        let f = try EvaluationFixture()
        let round = try f.createRound()
        let response = try f.app.call(
            "POST", "\(f.base)/rounds/\(round)/open", token: f.admin, headers: Self.html)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        #expect(response.header("Cache-Control") == "no-store")
        #expect(response.header("Content-Security-Policy")?.hasPrefix("default-src 'self'") == true)
        #expect(response.header("X-Content-Type-Options") == "nosniff")
        let page = response.raw.text
        #expect(page.hasPrefix("<!doctype html>\n<html lang=\"zh-CN\">"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"/assets/slips.css\">"))
        #expect(!page.contains("<script") && !page.contains("style="), "the CSP allows neither")

        let slips = try Slip.all(in: page)
        #expect(slips.count == f.evaluators.count)
        let names = try f.get("/evaluators").items.compactMap { $0["name"]?.stringValue }
        #expect(Set(slips.map(\.name)) == Set(names))
        #expect(Set(slips.map(\.code)).count == slips.count)
        for slip in slips {
            #expect(slip.township == "牛马司镇")
            #expect(slip.round == "2026年下半年三督六评")
            #expect(slip.link == "http://test/ballot.html#token=\(slip.code)", "the request's Host by default")
            #expect(slip.hasQRCode)
            #expect(try f.vote(slip.code, f.ballot()).status == 201, "a real code: it votes")
        }
        #expect(try f.post("/rounds/\(round)/open").status == 409, "the codes are shown once")
    }

    @Test(arguments: [nil, "*/*", "application/json", "text/html, application/json"])
    func jsonStaysTheDefault(accept: String?) throws {
        let f = try EvaluationFixture()
        let round = try f.createRound()
        let response = try f.app.call(
            "POST", "\(f.base)/rounds/\(round)/open", token: f.admin, headers: accept.map { ["Accept": $0] } ?? [:])
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json")
        #expect(response.header("Cache-Control") == "no-store")
        let tokens = response.json["tokens"]?.arrayValue ?? []
        #expect(tokens.count == f.evaluators.count)
        let code = tokens.first?.objectValue?["token"]?.stringValue ?? ""
        #expect(try f.vote(code, f.ballot()).status == 201)
    }

    @Test func reissuingForABrowserGivesOneSlipWithTheNewCode() throws {
        let f = try EvaluationFixture()
        let round = try f.createRound()
        let old = try f.open(round)[f.evaluators[1]]!
        let response = try f.app.call(
            "POST", "\(f.base)/rounds/\(round)/tokens/\(f.evaluators[1])/reissue", token: f.admin, headers: Self.html)
        #expect(response.status == 200)
        #expect(response.header("Cache-Control") == "no-store")
        let slips = try Slip.all(in: response.raw.text)
        #expect(slips.count == 1)
        #expect(slips.first?.name == "deputy1")
        let code = try #require(slips.first?.code)
        #expect(code != old)
        #expect(try f.vote(old, f.ballot()).status == 401, "the old code died")
        #expect(try f.vote(code, f.ballot()).status == 201)
    }

    @Test func theNamesOnTheSlipsAreEscaped() throws {
        let app = try TestApp()
        let admin = try app.makeTownship("xss", name: "牛马司镇 & <b>")
        let base = "/v1/townships/xss"
        let evaluators = try EvaluationFixture.ids(
            app.call(
                "POST", "\(base)/evaluators", token: admin,
                body:
                    #"[{"name":"<script>alert(1)</script>","category":"deputy"},{"name":"张\"三'","category":"deputy"}]"#)
        )
        let created = try app.call(
            "POST", "\(base)/rounds", token: admin,
            body:
                #"{"title":"<img src=x onerror=alert(1)>","kind":"quarterly","period":"2026-Q3","evaluator_ids":[\#(evaluators.map(String.init).joined(separator: ","))]}"#
        )
        #expect(created.status == 201, "\(created.raw.text)")
        let round = created.json["id"]?.intValue ?? 0
        let page = try app.call("POST", "\(base)/rounds/\(round)/open", token: admin, headers: Self.html).raw.text
        #expect(!page.contains("<script") && !page.contains("<img") && !page.contains("<b>"))
        #expect(page.contains("<p class=\"slip-name\">&lt;script&gt;alert(1)&lt;/script&gt;</p>"))
        #expect(page.contains("<p class=\"slip-name\">张&quot;三&#39;</p>"))
        #expect(page.contains("<p class=\"slip-township\">牛马司镇 &amp; &lt;b&gt;</p>"))
        #expect(page.contains("<p class=\"slip-round\">&lt;img src=x onerror=alert(1)&gt;</p>"))
        let slips = try Slip.all(in: page)
        #expect(slips.map(\.name).sorted() == ["<script>alert(1)</script>", "张\"三'"].sorted())
    }

    @Test func slipsFillSheetsOfEight() throws {
        let f = try EvaluationFixture(panel: [5, 5, 5, 4])
        let round = try f.createRound()
        let page = try f.app.call("POST", "\(f.base)/rounds/\(round)/open", token: f.admin, headers: Self.html).raw.text
        let sheets = page.components(separatedBy: "<section class=\"sheet\">").dropFirst()
        #expect(sheets.map { $0.components(separatedBy: "<article class=\"slip\">").count - 1 } == [8, 8, 3])
    }
}

/// One slip read back from the page by its markup (the console's tests read it the same way).
struct Slip {
    var township: String
    var round: String
    var name: String
    var code: String
    var link: String
    var hasQRCode: Bool

    static func all(in page: String) throws -> [Slip] {
        let article = try Regex(#"<article class="slip">(.*?)</article>"#).dotMatchesNewlines()
        return try page.matches(of: article).map { match in
            let body = String(match.output[1].substring ?? "")
            func text(_ cssClass: String) throws -> String {
                let paragraph = try Regex(#"<p class="\#(cssClass)">(.*?)</p>"#)
                return Self.unescape(String(body.firstMatch(of: paragraph)?.output[1].substring ?? ""))
            }
            return Slip(
                township: try text("slip-township"), round: try text("slip-round"), name: try text("slip-name"),
                code: try text("slip-code"), link: try text("slip-link"),
                hasQRCode: body.contains("<svg class=\"slip-qr\"") && body.contains("</svg>"))
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
