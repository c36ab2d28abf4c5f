import HTTPCore

/// The fuzz property of `StaticFiles.resolve(rawPath:)`: whatever it accepts is a relative path
/// that cannot leave the root or reach a hidden file. The path is checked as the kernel will
/// read it — bytes split at `/` — not as Swift `Character`s, which can hide a `/` inside a
/// grapheme cluster.
public enum StaticPathCheck {
    /// nil when the property holds for `input` (taken as UTF-8, with and without a leading `/`),
    /// else what went wrong.
    public static func check(_ input: [UInt8]) -> String? {
        let text = String(decoding: input, as: UTF8.self)
        for raw in [text, "/" + text] {
            guard let resolved = StaticFiles.resolve(rawPath: raw) else { continue }
            if let problem = problem(in: Array(resolved.utf8)) {
                return "\(raw.debugDescription) resolved to \(resolved.debugDescription): \(problem)"
            }
        }
        return nil
    }

    /// What makes `path` unsafe to open under the root, or nil.
    static func problem(in path: [UInt8]) -> String? {
        let slash = UInt8(ascii: "/")
        if path.isEmpty { return "empty path" }
        if path.first == slash { return "absolute path" }
        if path.contains(0) { return "NUL byte" }
        if path.contains(UInt8(ascii: "\\")) { return "backslash" }
        if path.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return "control byte" }
        for segment in path.split(separator: slash, omittingEmptySubsequences: false) {
            if segment.isEmpty { return "empty segment" }
            if segment.elementsEqual("..".utf8) { return "'..' segment" }
            if segment.first == UInt8(ascii: ".") { return "segment starting with '.'" }
        }
        return nil
    }
}
