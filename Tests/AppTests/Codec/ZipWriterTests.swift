import Testing

@testable import App

@Suite struct ZipWriterTests {
    @Test func storesWhatDeflateCannotShrinkAndDeflatesTheRest() throws {
        var zip = ZipWriter()
        try zip.add("tiny.txt", Array("a".utf8))
        try zip.add("中文/重复.xml", Array(String(repeating: "<row>排名</row>", count: 200).utf8))
        try zip.add("empty", [])
        let read = try ZipEntries(try zip.finish())
        #expect(read.names == ["tiny.txt", "中文/重复.xml", "empty"])
        #expect(read.entries.map(\.method) == [0, 8, 0])
        #expect(read["tiny.txt"] == Array("a".utf8))
        #expect(read["中文/重复.xml"] == Array(String(repeating: "<row>排名</row>", count: 200).utf8))
        #expect(read["empty"] == [])
    }

    @Test func anEmptyArchiveIsJustTheEndRecord() throws {
        let bytes = try ZipWriter().finish()
        #expect(bytes == [0x50, 0x4B, 0x05, 0x06] + Array(repeating: 0, count: 18))
        #expect(try ZipEntries(bytes).entries.isEmpty)
    }

    @Test func theTestReaderRejectsACorruptedEntry() throws {
        var zip = ZipWriter()
        try zip.add("a.txt", Array("hello hello hello hello".utf8))
        var bytes = try zip.finish()
        bytes[30 + 5 + 2] ^= 0xFF  // a byte of the entry's data
        #expect(throws: ZipEntries.Failure.self) { try ZipEntries(bytes) }
    }
}
