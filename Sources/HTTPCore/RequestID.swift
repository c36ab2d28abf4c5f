import Glibc

/// The request id of `X-Request-Id`: the client's when it is a sane token, else one made here,
/// echoed in the response and written in the access log so a report can be matched to a line.
enum RequestID {
    /// The client's id if it is 1–64 characters of letters, digits, `-`, `_`, `.` and `:`.
    static func accepted(_ value: String?) -> String? {
        guard let value, (1...64).contains(value.utf8.count) else { return nil }
        let allowed = value.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                || byte == 45 || byte == 95 || byte == 46 || byte == 58
        }
        return allowed ? value : nil
    }

    /// Ids unique within the process without a system call per request: a random prefix per
    /// event loop and a counter.
    struct Generator {
        private let prefix: String
        private var counter: UInt64 = 0

        init() {
            var generator = SystemRandomNumberGenerator()
            prefix = String(UInt32.random(in: 0...UInt32.max, using: &generator), radix: 16) + "-"
        }

        mutating func next() -> String {
            counter += 1
            return prefix + String(counter, radix: 16)
        }
    }
}
