#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension StaticFiles {
    /// Files larger than this are not served: static assets are small, and the whole file is
    /// held in memory.
    static let maximumFileSize = 32 << 20

    /// The content of the regular file `relative` under `root`, with the relative path actually
    /// read (a directory resolves to its `index.html`), or nil when there is no such file or it
    /// may not be served.
    ///
    /// The path is walked with `openat` one component at a time, every step with `O_NOFOLLOW`:
    /// a symbolic link anywhere below the root makes the open fail. This is the race-free form of
    /// "`lstat` every component, then check `realpath` is inside the root": since `relative` has
    /// no `..` segments (see `resolve`) and no link is followed, the file reached is inside the
    /// root by construction, and nothing can swap a component between a check and the open.
    static func readFile(root: String, relative: String) -> (body: [UInt8], path: String)? {
        var directory = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { return nil }
        defer { close(directory) }

        // Bytes, not Characters: a `/` inside a grapheme cluster still separates components for
        // the kernel, and each component must be opened on its own for O_NOFOLLOW to hold.
        let components = relative.utf8.split(separator: UInt8(ascii: "/")).map {
            String(decoding: $0, as: UTF8.self)
        }
        guard let name = components.last else { return nil }
        for component in components.dropLast() {
            let next = openat(directory, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { return nil }
            close(directory)
            directory = next
        }

        // O_NONBLOCK keeps the open of a FIFO from waiting for a writer; fstat then rejects it.
        let flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK
        var file = openat(directory, name, flags)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var path = relative
        var status = stat()
        guard fstat(file, &status) == 0 else { return nil }
        if status.st_mode & S_IFMT == S_IFDIR {
            let index = openat(file, "index.html", flags)
            guard index >= 0 else { return nil }
            close(file)
            file = index
            path += "/index.html"
            guard fstat(file, &status) == 0 else { return nil }
        }
        guard status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) <= maximumFileSize else {
            return nil
        }
        guard let body = readAll(file, expectedSize: Int(status.st_size)) else { return nil }
        return (body, path)
    }

    /// Reads `fd` to its end (or `maximumFileSize`), retrying on EINTR.
    private static func readAll(_ fd: Int32, expectedSize: Int) -> [UInt8]? {
        var body = [UInt8](repeating: 0, count: max(expectedSize, 1))
        var filled = 0
        while filled < body.count {
            let count = body.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            filled += count
        }
        body.removeLast(body.count - filled)
        return body
    }
}
