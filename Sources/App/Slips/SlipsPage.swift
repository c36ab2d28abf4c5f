import Domain
import HTTPCore

/// The printable page of ballot slips (contract §13): what `open` and `reissue` send a client
/// that prefers `text/html`, still the only display of the codes.
///
/// One `<article class="slip">` per evaluator with the township, the round, the evaluator's
/// name, the code, the ballot link and its QR code as inline SVG; eight slips to an A4 sheet
/// (`/assets/slips.css` lays them out two by four with cut lines). No script and no inline
/// style, so the server's `default-src 'self'` policy holds; every text is HTML-escaped.
struct SlipsPage {
    let townshipName: String
    let roundTitle: String
    let base: String
    let issued: [IssuedCode]

    /// Slips per printed A4 sheet.
    static let slipsPerSheet = 8

    /// The page as a 200 response, never stored by a browser or a proxy (it holds live codes).
    var response: HTTPResponse {
        HTTPResponse(
            status: 200,
            headers: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Vary": "Accept"],
            body: Array(html.utf8))
    }

    var html: String {
        let township = HTML.escape(townshipName)
        let round = HTML.escape(roundTitle)
        var page = """
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>测评码条 · \(round)</title>
            <link rel="stylesheet" href="/assets/slips.css">
            </head>
            <body>
            <header class="slips-head">
            <h1>\(township) · \(round)</h1>
            <p>测评码条 \(issued.count) 张，每页 \(Self.slipsPerSheet) 张，打印后沿虚线裁开，每位督评员一张。\
            测评码只在此页显示一次：关闭前请打印；遗失的码条可以补发（旧码随即作废）。</p>
            </header>

            """
        var start = 0
        while start < issued.count {
            let sheet = issued[start..<min(start + Self.slipsPerSheet, issued.count)]
            page += "<section class=\"sheet\">\n"
            for slip in sheet { page += self.slip(slip, township: township, round: round) }
            page += "</section>\n"
            start += Self.slipsPerSheet
        }
        return page + "</body>\n</html>\n"
    }

    private func slip(_ issued: IssuedCode, township: String, round: String) -> String {
        let link = BallotLinks.link(base: base, code: issued.code)
        let name = HTML.escape(issued.name)
        let qr = QRCode(link)?.svg(title: "测评链接二维码：\(issued.name)", cssClass: "slip-qr") ?? ""
        return """
            <article class="slip">
            <p class="slip-township">\(township)</p>
            <p class="slip-round">\(round)</p>
            <p class="slip-name">\(name)</p>
            \(qr)
            <p class="slip-code">\(HTML.escape(issued.code))</p>
            <p class="slip-hint">手机扫描二维码，或在浏览器打开下面的网址：</p>
            <p class="slip-link">\(HTML.escape(link))</p>
            </article>

            """
    }
}
