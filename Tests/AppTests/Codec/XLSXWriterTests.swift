import Foundation
import FoundationXML
import Testing

@testable import App

@Suite struct XLSXWriterTests {
    static let table = ExportTable(
        sheetName: "测评结果",
        header: ["排名", "姓名", "综合得分", "净票", "备注"],
        rows: [
            [1, "张三", .decimal("85.87"), -3, .empty],
            [.empty, "李四", .empty, 0, "未评分"],
        ])

    static func workbook(_ table: ExportTable = table) throws -> (ZipEntries, XLSXSheetReader) {
        let bytes = try XLSXWriter.encode(table)
        return (try ZipEntries(bytes), try XLSXSheetReader(workbook: bytes))
    }

    @Test func isAZipOfTheOfficeOpenXMLPartsWithValidCRCs() throws {
        let bytes = try XLSXWriter.encode(Self.table)
        #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        let zip = try ZipEntries(bytes)
        #expect(
            zip.names == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
            ])
        #expect(zip.entries.allSatisfy { $0.method == 8 }, "the XML parts are deflated")
        for entry in zip.entries {
            let parser = XMLParser(data: Data(entry.contents))
            #expect(parser.parse(), "\(entry.name) is well-formed XML")
        }
        let types = String(decoding: zip["[Content_Types].xml"] ?? [], as: UTF8.self)
        #expect(types.contains(#"PartName="/xl/worksheets/sheet1.xml""#))
        #expect(types.contains("spreadsheetml.sheet.main+xml"))
    }

    @Test func unzipAcceptsTheArchive() throws {
        let unzip = "/usr/bin/unzip"
        guard FileManager.default.isExecutableFile(atPath: unzip) else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(try XLSXWriter.encode(Self.table)).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: unzip)
        process.arguments = ["-t", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("No errors detected"))
    }

    @Test func theSameTableMakesTheSameBytesWithAFixedDate() throws {
        let first = try XLSXWriter.encode(Self.table)
        #expect(try XLSXWriter.encode(Self.table) == first)
        for entry in try ZipEntries(first).entries {
            #expect(entry.date == 0x21 && entry.time == 0, "\(entry.name) is dated 1980-01-01 00:00")
            #expect(entry.flags == 1 << 11, "UTF-8 names")
        }
    }

    @Test func textIsSharedStringsNumbersAreNumericCellsAndEmptyCellsAreLeftOut() throws {
        let (_, sheet) = try Self.workbook()
        #expect(sheet.cells["A1"] == .init(type: "s", style: "1", value: "排名"), "bold header")
        #expect(sheet.cells["C1"]?.value == "综合得分")
        #expect(sheet.cells["A2"] == .init(type: nil, style: nil, value: "1"))
        #expect(sheet.cells["B2"] == .init(type: "s", style: nil, value: "张三"))
        #expect(sheet.cells["C2"] == .init(type: nil, style: "2", value: "85.87"), "two places, format 0.00")
        #expect(sheet.cells["D2"] == .init(type: nil, style: nil, value: "-3"))
        #expect(sheet.cells["E2"] == nil && sheet.cells["A3"] == nil && sheet.cells["C3"] == nil)
        #expect(sheet.cells["E3"] == .init(type: "s", style: nil, value: "未评分"))
        #expect(sheet.attributes["dimension"]?["ref"] == "A1:E3")
        let styles = String(decoding: try Self.workbook().0["xl/styles.xml"] ?? [], as: UTF8.self)
        #expect(styles.contains(#"<xf numFmtId="2""#) && styles.contains("<b/>"))
    }

    @Test func theHeaderRowIsFrozen() throws {
        let (_, sheet) = try Self.workbook()
        let pane = try #require(sheet.attributes["pane"])
        #expect(pane["ySplit"] == "1" && pane["topLeftCell"] == "A2")
        #expect(pane["state"] == "frozen" && pane["activePane"] == "bottomLeft")
        #expect(sheet.attributes["sheetView"]?["workbookViewId"] == "0")
    }

    @Test func columnsAreWideEnoughForTheirLongestValue() throws {
        let long = String(repeating: "长", count: 20)
        let table = ExportTable(sheetName: "s", header: ["名", "n"], rows: [[.text(long), 1], ["x", 2]])
        let (_, sheet) = try Self.workbook(table)
        #expect(sheet.columnWidths == [42, 6], "20 wide characters + margin; narrow columns at least 6")
        let huge = ExportTable(sheetName: "s", header: ["h"], rows: [[.text(String(repeating: "x", count: 500))]])
        #expect(try Self.workbook(huge).1.columnWidths == [60])
    }

    @Test func textIsEscapedAndCharactersXMLForbidsAreDropped() throws {
        let tricky = "<a href=\"x\">&amp;</a>\u{01}\u{1F}\u{FFFE}tab\there\r\nnew _x0041_ ="
        let table = ExportTable(sheetName: "s", header: ["h"], rows: [[.text(tricky)]])
        let (zip, sheet) = try Self.workbook(table)
        let strings = String(decoding: zip["xl/sharedStrings.xml"] ?? [], as: UTF8.self)
        #expect(strings.contains("&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;tab\there&#13;\nnew _x005F_x0041_ ="))
        #expect(!strings.unicodeScalars.contains { $0.value == 0x01 || $0.value == 0x1F || $0.value == 0xFFFE })
        #expect(sheet.cells["A2"]?.value == "<a href=\"x\">&amp;</a>tab\there\r\nnew _x005F_x0041_ =")
    }

    @Test func formulaLikeTextStaysTextWithoutAnApostrophe() throws {
        let table = ExportTable(sheetName: "s", header: ["=h"], rows: [["=HYPERLINK(\"http://x\")"]])
        let (zip, sheet) = try Self.workbook(table)
        #expect(sheet.cells["A2"] == .init(type: "s", style: nil, value: "=HYPERLINK(\"http://x\")"))
        #expect(!String(decoding: zip["xl/worksheets/sheet1.xml"] ?? [], as: UTF8.self).contains("<f>"))
    }

    @Test func aDecimalThatIsNotAPlainNumberIsWrittenAsText() throws {
        let table = ExportTable(sheetName: "s", header: ["h"], rows: [[.decimal("1e5")], [.decimal("7")]])
        let (_, sheet) = try Self.workbook(table)
        #expect(sheet.cells["A2"]?.type == "s")
        #expect(sheet.cells["A3"] == .init(type: nil, style: nil, value: "7"))
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (701, "ZZ"), (702, "AAA")])
    func columnLetters(index: Int, letters: String) {
        #expect(XLSXSheet.column(index) == letters)
    }

    @Test(arguments: [
        ("测评结果", "测评结果"), ("a/b:c*d?e[f]\\g", "abcdefg"), ("'引号'", "引号"), ("", "Sheet1"),
        (String(repeating: "长", count: 40), String(repeating: "长", count: 31)),
    ])
    func sheetNamesAreMadeValid(name: String, expected: String) throws {
        #expect(XLSXWriter.validSheetName(name) == expected)
        let workbook = String(
            decoding: try Self.workbook(ExportTable(sheetName: name, header: ["h"], rows: [])).0["xl/workbook.xml"]
                ?? [], as: UTF8.self)
        #expect(workbook.contains(#"<sheet name="\#(expected)""#))
    }

    @Test func anEmptyTableIsStillAWorkbook() throws {
        let (zip, sheet) = try Self.workbook(ExportTable(sheetName: "s", header: ["排名"], rows: []))
        #expect(zip.names.count == 7)
        #expect(sheet.cells.count == 1 && sheet.attributes["dimension"]?["ref"] == "A1:A1")
    }
}
