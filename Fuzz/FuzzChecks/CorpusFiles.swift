#if canImport(Glibc)
    import Glibc
#endif

/// Reads seed and crash inputs from disk, for the replay mode of the fuzz targets and for the
/// corpus tests of the normal test suite.
public enum CorpusFiles {
    /// `path` itself when it is a file, else the regular files directly inside it, sorted.
    public static func list(_ path: String) -> [String] {
        var status = stat()
        guard stat(path, &status) == 0 else { return [] }
        guard status.st_mode & S_IFMT == S_IFDIR else { return [path] }
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var files: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            guard !name.hasPrefix(".") else { continue }
            let file = path + "/" + name
            var fileStatus = stat()
            if stat(file, &fileStatus) == 0, fileStatus.st_mode & S_IFMT == S_IFREG {
                files.append(file)
            }
        }
        return files.sorted()
    }

    /// The whole content of `file`, or nil when it cannot be read.
    public static func read(_ file: String) -> [UInt8]? {
        guard let handle = fopen(file, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return ferror(handle) == 0 ? bytes : nil
    }
}
