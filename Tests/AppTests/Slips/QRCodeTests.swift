import Foundation
import Testing

@testable import App

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The QR codes of ballot slips (contract §13), made by the system's libqrencode.
@Suite struct QRCodeTests {
    /// Byte-mode capacities at level M from ISO/IEC 18004 table 7: 14 bytes fit version 1
    /// (21 modules), 26 version 2, 42 version 3, 62 version 4 (33 modules), 63 need version 5.
    @Test(arguments: [(1, 21), (14, 21), (15, 25), (42, 29), (62, 33), (63, 37)])
    func theSymbolIsTheSmallestVersionThatHoldsTheText(length: Int, size: Int) throws {
        let code = try #require(QRCode(String(repeating: "a", count: length)))
        #expect(code.size == size)
        #expect(code.modules.count == size * size)
    }

    @Test func theFinderPatternsSitInThreeCorners() throws {
        let code = try #require(QRCode("http://127.0.0.1:8080/ballot.html#token=ABCD-EFGH-JKMN-PQRS"))
        for (row, column) in [(0, 0), (0, code.size - 7), (code.size - 7, 0)] {
            // A 7×7 dark ring, a light ring inside it, a 3×3 dark centre.
            #expect((0..<7).allSatisfy { code.isDark(row: row, column: column + $0) })
            #expect(code.isDark(row: row + 1, column: column) && !code.isDark(row: row + 1, column: column + 1))
            #expect(code.isDark(row: row + 3, column: column + 3))
        }
    }

    @Test func anEmptyTextHasNoCode() {
        #expect(QRCode("") == nil)
    }

    @Test func theSVGIsWellFormedWithAQuietZoneOfFourModules() throws {
        let code = try #require(QRCode("http://duping.example/ballot.html#token=ABCD-EFGH-JKMN-PQRS"))
        let svg = code.svg(title: "二维码 <张三> & 李四", cssClass: "slip-qr")
        let side = code.size + 8
        #expect(svg.hasPrefix("<svg class=\"slip-qr\" "))
        #expect(svg.contains("viewBox=\"0 0 \(side) \(side)\""))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.contains("<title>二维码 &lt;张三&gt; &amp; 李四</title>"))
        #expect(svg.components(separatedBy: "<path").count == 2, "one path")
        let checker = SVGChecker()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = checker
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        #expect(checker.elements == ["svg", "title", "rect", "path"])

        // Every square drawn lies inside the quiet zone's frame, and they cover exactly the dark modules.
        var drawn = Set<Int>()
        let moves = try Regex(#"M(\d+) (\d+)h(\d+)v1h-(\d+)z"#)
        for match in checker.pathData.matches(of: moves) {
            let x = Int(match.output[1].substring!)!
            let y = Int(match.output[2].substring!)!
            let run = Int(match.output[3].substring!)!
            #expect(x >= 4 && y >= 4 && x + run <= side - 4 && y + 1 <= side - 4)
            for column in x..<(x + run) { drawn.insert((y - 4) * code.size + column - 4) }
        }
        let dark = Set(code.modules.indices.filter { code.modules[$0] })
        #expect(drawn == dark)
    }

    /// A reader that is not libqrencode reads the link back: the modules drawn 4 pixels each,
    /// quiet zone included, as a PGM image for Debian's `zbarimg` (zbar-tools).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zbarimg")))
    func zbarDecodesTheSymbolBackToTheLink() throws {
        let link = "https://duping.example.gov.cn/niumasi/ballot.html#token=7QX2-M9KD-4HZT-0PWA"
        let code = try #require(QRCode(link))
        let scale = 4
        let side = (code.size + 2 * QRCode.quietZone) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for row in 0..<code.size {
            for column in 0..<code.size where code.isDark(row: row, column: column) {
                for y in 0..<scale {
                    for x in 0..<scale {
                        let top = (row + QRCode.quietZone) * scale + y
                        pixels[top * side + (column + QRCode.quietZone) * scale + x] = 0
                    }
                }
            }
        }
        let path = NSTemporaryDirectory() + "duping-qr-\(UUID().uuidString).pgm"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(Array("P5\n\(side) \(side)\n255\n".utf8) + pixels).write(to: URL(fileURLWithPath: path))
        let zbar = Process()
        zbar.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        zbar.arguments = ["--quiet", "--raw", path]
        let output = Pipe()
        zbar.standardOutput = output
        try zbar.run()
        let decoded = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        zbar.waitUntilExit()
        #expect(zbar.terminationStatus == 0)
        #expect(decoded.trimmingCharacters(in: .newlines) == link)
    }
}

/// Collects the element names and the path's data of an SVG document.
private final class SVGChecker: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var pathData = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(elementName)
        if elementName == "path" { pathData = attributes["d"] ?? "" }
    }
}
