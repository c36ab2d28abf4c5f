import Testing

@testable import App

private func text(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
}

@Suite struct CSVWriterTests {
    @Test func startsWithABOMAndEndsEveryRecordWithCRLF() {
        let output = CSVWriter.encode(header: ["排名", "姓名"], rows: [[1, "张三"], [2, "李四"]])
        #expect(Array(output.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(text(Array(output.dropFirst(3))) == "排名,姓名\r\n1,张三\r\n2,李四\r\n")
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("cr\rlf", "\"cr\rlf\""),
        ("", ""),
    ])
    func quotesOnlyCellsThatNeedIt(cell: String, expected: String) {
        let output = CSVWriter.encode(header: ["h"], rows: [[.text(cell)]])
        #expect(text(Array(output.dropFirst(3))) == "h\r\n\(expected)\r\n")
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("a=b", "a=b"),
        ("张=三", "张=三"),
    ])
    func neutralisesFormulaLikeText(cell: String, expected: String) {
        let output = CSVWriter.encode(header: ["h"], rows: [[.text(cell)]])
        #expect(text(Array(output.dropFirst(3))) == "h\r\n\(expected)\r\n")
    }

    @Test func leavesNumbersAndEmptyCellsAlone() {
        let output = CSVWriter.encode(header: ["净票", "综合得分", "下村时间"], rows: [[-3, .decimal("-0.50"), .empty]])
        #expect(text(Array(output.dropFirst(3))) == "净票,综合得分,下村时间\r\n-3,-0.50,\r\n")
    }

    @Test func neutralisesHeaderCellsToo() {
        let output = CSVWriter.encode(header: ["=1+1"], rows: [])
        #expect(text(Array(output.dropFirst(3))) == "'=1+1\r\n")
    }
}
