/// The worksheet and shared-string parts of a one-sheet workbook (ECMA-376 Part 1, §18.3 and
/// §18.4): the header row in bold and frozen, text as shared strings, numbers as numeric
/// cells, column widths fitted to the longest value.
struct XLSXSheet {
    /// Style indexes into `cellXfs` of `XLSXWriter.styles`.
    enum Style: Int {
        case plain = 0
        case header = 1
        /// Number format 2, `0.00`: a score shows its two places as the CSV does.
        case twoPlaces = 2
    }

    let table: ExportTable
    private(set) var strings: [String] = []
    private var stringIndex: [String: Int] = [:]
    private var references = 0

    init(_ table: ExportTable) { self.table = table }

    /// `xl/worksheets/sheet1.xml`, filling the shared strings as it goes.
    mutating func worksheet() -> String {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        let lastColumn = Self.column(max(columns - 1, 0))
        var xml = XLSXWriter.declaration
        xml += #"<worksheet xmlns="\#(XLSXWriter.mainNamespace)" xmlns:r="\#(XLSXWriter.relationshipNamespace)">"#
        xml += #"<dimension ref="A1:\#(lastColumn)\#(table.rows.count + 1)"/>"#
        xml += #"<sheetViews><sheetView tabSelected="1" workbookViewId="0">"#
        xml += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        xml += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if columns > 0 {
            xml += "<cols>"
            for (index, width) in widths(columns).enumerated() {
                xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        xml += row(1, table.header.map { TableCell.text($0) }, style: .header)
        for (index, cells) in table.rows.enumerated() { xml += row(index + 2, cells, style: .plain) }
        xml += "</sheetData>"
        xml += #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        xml += "</worksheet>"
        return xml
    }

    /// `xl/sharedStrings.xml`: every distinct text, in first-use order.
    func sharedStrings() -> String {
        var xml = XLSXWriter.declaration
        xml += #"<sst xmlns="\#(XLSXWriter.mainNamespace)" count="\#(references)" uniqueCount="\#(strings.count)">"#
        for text in strings { xml += #"<si><t xml:space="preserve">\#(XMLText.escaped(text))</t></si>"# }
        xml += "</sst>"
        return xml
    }

    private mutating func row(_ number: Int, _ cells: [TableCell], style: Style) -> String {
        var xml = #"<row r="\#(number)">"#
        for (index, cell) in cells.enumerated() {
            let reference = Self.column(index) + String(number)
            let styled = { (base: Style) in
                let chosen = style == .header ? Style.header : base
                return chosen == .plain ? "" : #" s="\#(chosen.rawValue)""#
            }
            switch cell {
            case .empty:
                continue
            case .text(let text):
                xml += #"<c r="\#(reference)"\#(styled(.plain)) t="s"><v>\#(shared(text))</v></c>"#
            case .integer(let value):
                xml += #"<c r="\#(reference)"\#(styled(.plain))><v>\#(value)</v></c>"#
            case .decimal(let digits):
                guard let places = Self.decimalPlaces(digits) else {
                    xml += #"<c r="\#(reference)"\#(styled(.plain)) t="s"><v>\#(shared(digits))</v></c>"#
                    continue
                }
                xml += #"<c r="\#(reference)"\#(styled(places == 2 ? .twoPlaces : .plain))><v>\#(digits)</v></c>"#
            }
        }
        return xml + "</row>"
    }

    /// The index of `text` in the shared strings, adding it the first time.
    private mutating func shared(_ text: String) -> Int {
        references += 1
        if let index = stringIndex[text] { return index }
        strings.append(text)
        stringIndex[text] = strings.count - 1
        return strings.count - 1
    }

    /// Column widths in characters: the widest value of each column (a CJK character counts
    /// two), plus a margin, between 6 and 60.
    private func widths(_ columns: Int) -> [Int] {
        var widths = table.header.map(Self.displayWidth) + Array(repeating: 0, count: columns - table.header.count)
        for row in table.rows {
            for (index, cell) in row.enumerated() {
                let text: String
                switch cell {
                case .text(let value), .decimal(let value): text = value
                case .integer(let value): text = String(value)
                case .empty: text = ""
                }
                widths[index] = max(widths[index], Self.displayWidth(text))
            }
        }
        return widths.map { min(max($0 + 2, 6), 60) }
    }

    /// Characters as a spreadsheet lays them out: East Asian wide characters take two places.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let wide =
                (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFE30...0xFE4F).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
                || (0xFFE0...0xFFE6).contains(scalar.value) || (0x20000...0x3FFFD).contains(scalar.value)
            return total + (wide ? 2 : 1)
        }
    }

    /// The places after the point of a plain decimal (`-12.50` → 2, `7` → 0); nil for anything
    /// else, which is then written as text rather than as a number no reader could parse.
    static func decimalPlaces(_ digits: String) -> Int? {
        let body = digits.hasPrefix("-") ? digits.dropFirst() : Substring(digits)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        return parts.count == 2 ? parts[1].count : 0
    }

    /// The letters of the zero-based column `index`: 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var letters: [Character] = []
        var remaining = index + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(digit))), at: 0)
            remaining = (remaining - 1) / 26
        }
        return String(letters)
    }
}

extension Character {
    /// `0`…`9`.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
