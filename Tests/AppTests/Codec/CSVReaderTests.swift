import Testing

@testable import App

/// The UTF-8 bytes of `text`, optionally with Excel's byte order mark.
private func bytes(_ text: String, bom: Bool = false) -> [UInt8] {
    (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
}

private func csvError(_ input: [UInt8]) -> CSVError? {
    do {
        _ = try CSVReader.parse(input)
        return nil
    } catch {
        return error
    }
}

@Suite struct CSVReaderTests {
    @Test func readsAnExcelFileWithBOMAndCRLF() throws {
        let file = bytes("name,category,village\r\n张三,deputy,牛马村\r\n李四,retired_cadre,\r\n", bom: true)
        let table = try CSVReader.parse(file)
        #expect(table.header == ["name", "category", "village"])
        #expect(
            table.rows == [
                ["name": "张三", "category": "deputy", "village": "牛马村"],
                ["name": "李四", "category": "retired_cadre"],
            ])
    }

    @Test func unquotesQuotedCellsWithCommasQuotesAndNewlines() throws {
        let file = bytes(
            "title,board\r\n\"修建村道, 二期\",service\r\n\"他说\"\"好\"\"\",relief\r\n\"第一行\r\n第二行\nthird\rfourth\",prosperity")
        let table = try CSVReader.parse(file)
        #expect(table.rows.map { $0["title"] } == ["修建村道, 二期", "他说\"好\"", "第一行\r\n第二行\nthird\rfourth"])
        #expect(table.rows.map { $0["board"] } == ["service", "relief", "prosperity"])
    }

    @Test func acceptsLFRowEndsAndNoFinalNewline() throws {
        let table = try CSVReader.parse(bytes("a,b\n1,2\n3,4"))
        #expect(table.rows == [["a": "1", "b": "2"], ["a": "3", "b": "4"]])
    }

    @Test func treatsEmptyAndMissingCellsAsAbsent() throws {
        let table = try CSVReader.parse(bytes("name,post,department_id\r\n王五,,3\r\n赵六\r\n\"\",\"\",7\r\n"))
        #expect(table.rows == [["name": "王五", "department_id": "3"], ["name": "赵六"], ["department_id": "7"]])
    }

    @Test func keepsCellTextExactlyButTrimsHeaderNames() throws {
        let table = try CSVReader.parse(bytes(" name \u{3000},\tpost\r\n  张三 , 主任\r\n"))
        #expect(table.header == ["name", "post"])
        #expect(table.rows == [["name": "  张三 ", "post": " 主任"]])
    }

    @Test func skipsBlankLinesWithoutCountingThem() throws {
        let file = bytes("\r\nname,n\r\n\r\n甲,1\r\n,\r\n\r\n乙,2,3\r\n")
        #expect(csvError(file) == .tooManyCells(row: 2, line: 7, cells: 3, columns: 2))
        let table = try CSVReader.parse(bytes("name\r\n\r\n甲\r\n,\r\n乙\r\n\r\n"))
        #expect(table.rows == [["name": "甲"], ["name": "乙"]])
    }

    @Test func givesEachRowTheLineASpreadsheetShowsItOn() throws {
        // Line 1 header; 2 a two-line quoted cell (still one spreadsheet row); 3 blank; 4 a row
        // of commas; 5 a three-line cell; 6 a plain row.
        let file = bytes("name,note\r\n甲,\"第一行\r\n第二行\"\r\n\r\n,\r\n乙,\"a\nb\nc\"\r\n丙,\r\n", bom: true)
        let table = try CSVReader.parse(file)
        #expect(table.rows.map { $0["name"] } == ["甲", "乙", "丙"])
        #expect(table.lines == [2, 5, 6])
        #expect(
            csvError(bytes("name\r\n\"x\ny\"\r\n\r\n乙,多余\r\n")) == .tooManyCells(row: 2, line: 4, cells: 2, columns: 1))
    }

    @Test func placesABadByteOnItsSpreadsheetLine() {
        // A GBK cell after a two-line quoted cell and a blank line: line 4, not the fifth line break.
        let file: [UInt8] = Array("name,note\r\n甲,\"两\r\n行\"\r\n\r\n".utf8) + [0xD5, 0xC5] + Array(",x\r\n".utf8)
        guard case .invalidUTF8(let offset, let line) = csvError(file) else {
            Issue.record("not an encoding error")
            return
        }
        #expect(offset == file.count - 6)
        #expect(line == 4)
    }

    @Test func returnsNoRowsForAHeaderOnlyFile() throws {
        #expect(try CSVReader.parse(bytes("name,post\r\n", bom: true)) == CSVTable(header: ["name", "post"], rows: []))
    }

    @Test(arguments: [
        ("", CSVError.missingHeader),
        ("\r\n\r\n", .missingHeader),
        ("name,,post\r\n", .emptyHeaderName(column: 2)),
        ("name, \r\n", .emptyHeaderName(column: 2)),
        ("name,post,name \r\n", .duplicateHeaderName("name")),
        ("name\r\n甲\r\n乙,多余\r\n", .tooManyCells(row: 2, line: 3, cells: 2, columns: 1)),
        ("name,post\r\n甲,主\"任\r\n", .malformed(row: 1, line: 2, message: "quote inside an unquoted cell")),
        (
            "name,post\r\n甲,ok\r\n\"乙\"x,主任\r\n",
            .malformed(row: 2, line: 3, message: "unexpected character after a closing quote")
        ),
        ("name\r\n\"never closed\r\n", .malformed(row: 1, line: 2, message: "quoted cell is never closed")),
        ("na\"me\r\n", .malformed(row: 0, line: 1, message: "quote inside an unquoted cell")),
        ("\r\nna\"me\r\n", .malformed(row: 0, line: 2, message: "quote inside an unquoted cell")),
        (
            "name,note\r\n甲,\"两\r\n行\"\r\n\r\n乙,\"又\r\n一\r\n行\"\r\n丙,\"没有结束\r\n",
            .malformed(row: 3, line: 5, message: "quoted cell is never closed")
        ),
    ])
    func rejectsBadFiles(text: String, expected: CSVError) {
        #expect(csvError(bytes(text)) == expected)
    }

    @Test func rejectsGBKWithTheOffsetOfTheFirstBadByte() {
        // "name\r\n" followed by 张三 in GBK (D5 C5 C8 FD), as Excel's plain "CSV" saves it.
        let file: [UInt8] = Array("name\r\n".utf8) + [0xD5, 0xC5, 0xC8, 0xFD, 0x0D, 0x0A]
        #expect(csvError(file) == .invalidUTF8(offset: 6, line: 2))
    }

    @Test func namesTheRowInErrorMessages() {
        let tooMany = CSVError.tooManyCells(row: 3, line: 5, cells: 4, columns: 2)
        #expect(tooMany.row == 3 && tooMany.line == 5)
        #expect(tooMany.message == "Line 5 (row 3) has 4 cells but the header has 2.")
        #expect(CSVError.malformed(row: 0, line: 1, message: "x").row == nil)
        #expect(CSVError.malformed(row: 0, line: 1, message: "x").message == "Line 1 (header): x.")
        #expect(CSVError.malformed(row: 2, line: 4, message: "x").message == "Line 4 (row 2): x.")
        #expect(CSVError.missingHeader.line == nil)
    }

    @Test func readsBackWhatTheWriterWrites() throws {
        let header = ["姓名", "备注"]
        let written = CSVWriter.encode(header: header, rows: [["张三", "说\"好\", 然后\r\n换行"], ["李四", .empty]])
        let table = try CSVReader.parse(written)
        #expect(table.header == header)
        #expect(table.rows == [["姓名": "张三", "备注": "说\"好\", 然后\r\n换行"], ["姓名": "李四"]])
    }
}
