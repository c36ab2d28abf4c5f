import Glibc
import Primitives

/// The lines a server writes besides the access log — start-up, shutdown, unexpected errors —
/// in the same format as the access log (contract §8: every line follows `--log-format`).
/// Text lines are the message itself (errors get a timestamp and `ERROR`); JSON lines are one
/// object each: `{"time","level","message"}`, `time` as in the access log's JSON lines.
public enum ProcessLog {
    public enum Level: String, Sendable { case info, error }

    /// The format of every line the process writes; `duping serve` sets it once at start.
    public static var format: AccessLog.Format {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }

    private static let current = Locked<AccessLog.Format>(.text)

    /// One line, with its newline, for `message` in `format`.
    public static func line(_ message: String, level: Level = .info, format: AccessLog.Format) -> String {
        switch format {
        case .text:
            return level == .error ? "\(Timestamp.now()) ERROR \(message)\n" : message + "\n"
        case .json:
            return
                #"{"time":"\#(Timestamp.now())","level":"\#(level.rawValue)","message":\#(Problem.jsonString(message))}"#
                + "\n"
        }
    }

    /// Writes one line at once to `descriptor` (standard output unless told otherwise).
    public static func write(_ message: String, level: Level = .info, to descriptor: Int32 = STDOUT_FILENO) {
        var bytes = Array(line(message, level: level, format: format).utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
