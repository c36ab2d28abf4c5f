extension QRCode {
    /// Modules of light margin around the symbol: the quiet zone ISO/IEC 18004 asks for.
    static let quietZone = 4

    /// The symbol as an inline SVG element: one `<path>` of unit squares, one per dark module,
    /// in a `viewBox` that includes the quiet zone, so the page may scale it to any size and
    /// `crispEdges` keeps adjacent squares from showing hairline seams. `title` names it for
    /// screen readers (HTML-escaped here); `cssClass` is put on the `<svg>` element.
    func svg(title: String, cssClass: String) -> String {
        let side = size + 2 * Self.quietZone
        var path = ""
        path.reserveCapacity(size * size * 4)
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else {
                    column += 1
                    continue
                }
                // A run of dark modules on a row is one rectangle: a shorter path, same picture.
                var run = 1
                while column + run < size, isDark(row: row, column: column + run) { run += 1 }
                path += "M\(column + Self.quietZone) \(row + Self.quietZone)h\(run)v1h-\(run)z"
                column += run
            }
        }
        return
            "<svg class=\"\(HTML.escape(cssClass))\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" "
            + "shape-rendering=\"crispEdges\" role=\"img\"><title>\(HTML.escape(title))</title>"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path fill=\"#000\" d=\"\(path)\"/></svg>"
    }
}
