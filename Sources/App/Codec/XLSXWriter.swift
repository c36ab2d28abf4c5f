/// Writes an `ExportTable` as an Office Open XML workbook (`.xlsx`, ECMA-376): a zip of the
/// package parts a spreadsheet needs and nothing more — content types, relationships, the
/// workbook, one worksheet, shared strings and a minimal style sheet. Excel, WPS and
/// LibreOffice open it directly, with no import dialog and no question about the encoding.
///
/// Unlike CSV, text is never altered: a string cell is only ever text, so a name starting with
/// `=` cannot run as a formula here.
enum XLSXWriter {
    static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let contentTypePrefix = "application/vnd.openxmlformats-officedocument.spreadsheetml."

    /// The workbook's bytes.
    static func encode(_ table: ExportTable) throws -> [UInt8] {
        var sheet = XLSXSheet(table)
        let worksheet = sheet.worksheet()
        var zip = ZipWriter()
        try zip.add("[Content_Types].xml", Array(contentTypes.utf8))
        try zip.add("_rels/.rels", Array(rootRelationships.utf8))
        try zip.add("xl/workbook.xml", Array(workbook(sheetName: table.sheetName).utf8))
        try zip.add("xl/_rels/workbook.xml.rels", Array(workbookRelationships.utf8))
        try zip.add("xl/worksheets/sheet1.xml", Array(worksheet.utf8))
        try zip.add("xl/sharedStrings.xml", Array(sheet.sharedStrings().utf8))
        try zip.add("xl/styles.xml", Array(styles.utf8))
        return try zip.finish()
    }

    static let contentTypes =
        declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/xl/workbook.xml" ContentType="\#(contentTypePrefix)sheet.main+xml"/>"#
        + #"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="\#(contentTypePrefix)worksheet+xml"/>"#
        + #"<Override PartName="/xl/sharedStrings.xml" ContentType="\#(contentTypePrefix)sharedStrings+xml"/>"#
        + #"<Override PartName="/xl/styles.xml" ContentType="\#(contentTypePrefix)styles+xml"/>"#
        + "</Types>"

    static let rootRelationships =
        declaration + #"<Relationships xmlns="\#(packageRelationships)">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static let workbookRelationships =
        declaration + #"<Relationships xmlns="\#(packageRelationships)">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipNamespace)/worksheet" Target="worksheets/sheet1.xml"/>"#
        + #"<Relationship Id="rId2" Type="\#(relationshipNamespace)/sharedStrings" Target="sharedStrings.xml"/>"#
        + #"<Relationship Id="rId3" Type="\#(relationshipNamespace)/styles" Target="styles.xml"/>"#
        + "</Relationships>"

    /// The style sheet `XLSXSheet.Style` indexes: plain, bold header, and `0.00` numbers. Fills
    /// 0 and 1 (none, gray125) are the two every workbook must start with.
    static let styles =
        declaration + #"<styleSheet xmlns="\#(mainNamespace)">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill>"#
        + #"<fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    static func workbook(sheetName: String) -> String {
        declaration + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
            + #"<bookViews><workbookView activeTab="0"/></bookViews>"#
            + #"<sheets><sheet name="\#(XMLText.escaped(validSheetName(sheetName)))" sheetId="1" r:id="rId1"/></sheets>"#
            + "</workbook>"
    }

    /// `name` as a worksheet may be called: without `[]:*?/\`, not starting or ending with `'`,
    /// at most 31 characters; "Sheet1" when nothing is left.
    static func validSheetName(_ name: String) -> String {
        var cleaned = String(name.filter { !"[]:*?/\\".contains($0) && !$0.isNewline }.prefix(31))
        while cleaned.hasPrefix("'") { cleaned.removeFirst() }
        while cleaned.hasSuffix("'") { cleaned.removeLast() }
        return cleaned.isEmpty ? "Sheet1" : cleaned
    }
}
