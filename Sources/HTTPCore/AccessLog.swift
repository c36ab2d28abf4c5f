import Glibc
import Primitives

/// One line per request on standard output: time, peer, method, path (never the query or any
/// header, so no credential can reach the log), status, body bytes and duration.
/// Lines collect in a buffer that the event loops flush a few times a second, so that logging
/// costs no system call per request.
public final class AccessLog: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    /// What one line says about one request.
    struct Entry {
        var id: String
        var remote: String
        var method: String
        var path: String
        var status: Int
        var bytes: Int
        var seconds: Double
    }

    let enabled: Bool
    let format: Format
    private let buffer = Locked<[UInt8]>([])

    init(enabled: Bool, format: Format = .text) {
        self.enabled = enabled
        self.format = format
    }

    func request(_ entry: Entry) {
        guard enabled else { return }
        let millis = (entry.seconds * 100_000).rounded() / 100
        let line: String
        switch format {
        case .text:
            line =
                "\(Timestamp.now()) \(entry.remote) \(entry.method) \(entry.path) \(entry.status) \(entry.bytes)B \(millis)ms id=\(entry.id)\n"
        case .json:
            line =
                #"{"time":"\#(Timestamp.now())","id":\#(Problem.jsonString(entry.id)),"remote":"\#(entry.remote)","method":\#(Problem.jsonString(entry.method)),"path":\#(Problem.jsonString(entry.path)),"status":\#(entry.status),"bytes":\#(entry.bytes),"ms":\#(millis)}"#
                + "\n"
        }
        let full = buffer.withLock { buffer in
            buffer.append(contentsOf: line.utf8)
            return buffer.count > 64 * 1024
        }
        if full { flush() }
    }

    func flush() {
        guard enabled else { return }
        let pending = buffer.withLock { buffer in
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        var offset = 0
        while offset < pending.count {
            let written = pending.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { return }
            offset += written
        }
    }
}

/// RFC 3339 UTC timestamps, second precision.
public enum Timestamp {
    /// Now, formatted once per second rather than once per call (every log line asks).
    public static func now() -> String {
        let second = Int(time(nil))
        return cache.withLock { cached in
            if cached.second != second { cached = (second, format(second)) }
            return cached.text
        }
    }

    private static let cache = Locked<(second: Int, text: String)>((Int.min, ""))

    public static func format(_ seconds: Int) -> String {
        var value = time_t(seconds)
        var parts = tm()
        gmtime_r(&value, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
