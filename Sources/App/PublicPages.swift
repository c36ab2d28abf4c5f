import Glibc

/// Where the web pages come from (contract §8): `--public DIR`, else `DUPING_PUBLIC`, else the
/// pages installed with the binary (`<bin>/../share/duping/Public`, so `/usr/share/duping/Public`
/// for `/usr/bin/duping`), else `./Public` (a checkout). A directory without `index.html` stops
/// the start: a server without its pages must not answer 404 behind a green `/healthz`.
public enum PublicPages {
    /// The directory to use when `--public` is not given.
    public static func defaultDirectory(
        environment: String? = Self.environment("DUPING_PUBLIC"),
        executable: String? = Self.executablePath()
    ) -> String {
        if let environment, !environment.isEmpty { return environment }
        if let executable {
            let binDirectory = executable.split(separator: "/", omittingEmptySubsequences: false).dropLast()
                .joined(separator: "/")
            let installed = binDirectory + "/../share/duping/Public"
            if hasIndex(installed) { return installed }
        }
        return "./Public"
    }

    /// Why `directory` cannot serve the pages, or nil when it can (it holds `index.html`).
    public static func problem(with directory: String) -> String? {
        var info = stat()
        guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            return "the pages directory \(directory) does not exist: "
                + "give the directory of DuPing's pages with --public DIR (or DUPING_PUBLIC)"
        }
        guard hasIndex(directory) else {
            return "the pages directory \(directory) has no index.html: "
                + "give the directory of DuPing's pages with --public DIR (or DUPING_PUBLIC)"
        }
        return nil
    }

    static func hasIndex(_ directory: String) -> Bool {
        access(directory + "/index.html", R_OK) == 0
    }

    /// The running binary's path, symbolic links resolved (`/proc/self/exe`).
    public static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }
}
