import CQREncode

/// A QR code symbol made by the system's libqrencode: a square of dark and light modules.
///
/// Made at error-correction level M (15 % of the symbol may be lost, a slip that is folded or
/// smudged still scans), in 8-bit mode (the link is kept byte for byte, case included), at the
/// smallest version that holds the text.
struct QRCode: Sendable, Equatable {
    /// Modules per side (21 for version 1, 4 more per version).
    let size: Int
    /// Row-major, `size * size` entries; true is dark.
    let modules: [Bool]

    /// Encodes `text`; nil when libqrencode cannot (an empty text, or more than a symbol holds).
    init?(_ text: String) {
        guard !text.isEmpty,
            let symbol = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1)
        else { return nil }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        // libqrencode's bitmap: one byte per module, bit 0 set for a dark one.
        let bytes = UnsafeBufferPointer(start: symbol.pointee.data, count: width * width)
        size = width
        modules = bytes.map { $0 & 1 == 1 }
    }

    /// Whether the module in `row` and `column` (0-based from the top left) is dark.
    func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }
}
