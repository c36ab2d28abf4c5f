import Glibc

/// The process metrics every Prometheus client library exports (`process_*`), read from Linux's
/// `/proc`, so an operator's usual dashboards and alerts (restarts, memory, descriptor
/// exhaustion) work on DuPing unchanged.
enum ProcessMetrics {
    /// When this process started, in seconds since the Unix epoch; read once, it never changes.
    static let startTime: Double =
        bootTime().flatMap { boot in
            ownStatFields().flatMap { fields in
                fields.count > 19 ? Double(fields[19]).map { boot + $0 / ticksPerSecond } : nil
            }
        } ?? now()

    static func render() -> String {
        var out = gauge(
            "process_start_time_seconds", "Start time of the process since the Unix epoch in seconds.", startTime)
        out += counter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", cpuSeconds())
        if let resident = residentMemoryBytes() {
            out += gauge("process_resident_memory_bytes", "Resident memory size in bytes.", resident)
        }
        if let open = openDescriptors() {
            out += gauge("process_open_fds", "Number of open file descriptors.", Double(open))
        }
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 {
            out += gauge("process_max_fds", "Maximum number of open file descriptors.", Double(limit.rlim_cur))
        }
        return out
    }

    private static func gauge(_ name: String, _ help: String, _ value: Double) -> String {
        "# HELP \(name) \(help)\n# TYPE \(name) gauge\n\(name) \(format(value))\n"
    }

    private static func counter(_ name: String, _ help: String, _ value: Double) -> String {
        "# HELP \(name) \(help)\n# TYPE \(name) counter\n\(name) \(format(value))\n"
    }

    /// Whole numbers without a fraction or an exponent (a byte count reads as one).
    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    private static var ticksPerSecond: Double { Double(sysconf(Int32(_SC_CLK_TCK))) }

    private static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// User plus system time of every thread, from `getrusage`.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The second field of `/proc/self/statm` (resident pages) times the page size.
    private static func residentMemoryBytes() -> Double? {
        guard let statm = readProcFile("/proc/self/statm") else { return nil }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return nil }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Where `d_name` starts in a `struct dirent`.
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// The entries of `/proc/self/fd` (the one used to list them included, as other clients do).
    private static func openDescriptors() -> Int? {
        guard let directory = opendir("/proc/self/fd") else { return nil }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            // The name is read where it lies, up to its NUL: `entry.pointee.d_name` would copy
            // all 256 bytes of the field, and glibc's last entry in its buffer can be shorter
            // than `struct dirent`, so that copy could read past the buffer (a SIGSEGV seen once
            // under /metrics).
            let name = String(
                cString: UnsafeRawPointer(entry).advanced(by: Self.nameOffset).assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { count += 1 }
        }
        return count
    }

    /// The fields of `/proc/self/stat` after the command name, whose parentheses may hold
    /// spaces: index 0 is field 3 (state), so field 22 (start time in ticks since boot) is 19.
    private static func ownStatFields() -> [Substring]? {
        guard let stat = readProcFile("/proc/self/stat"), let nameEnd = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: nameEnd)...].split(separator: " ")
    }

    /// The `btime` line of `/proc/stat`: when the system booted, in seconds since the epoch.
    private static func bootTime() -> Double? {
        guard let stat = readProcFile("/proc/stat") else { return nil }
        for line in stat.split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst("btime ".count).trimmingPrefix(" "))
        }
        return nil
    }

    /// A small `/proc` file, read whole (their reported size is 0, so no `stat`-sized read).
    private static func readProcFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += buffer[0..<count]
            if bytes.count > 1 << 20 { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
