extension StringProtocol {
    /// Without leading and trailing white space of any kind: spaces, tabs, newlines and the
    /// ideographic space U+3000 a Chinese keyboard types. For text people enter (CSV cells,
    /// objections, a village's name); HTTP's optional white space is `trimmingWhitespace`.
    public var trimmingAllWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
