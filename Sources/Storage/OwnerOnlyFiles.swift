import Glibc

/// Keeps a database's files readable by their owner alone (contract §8: 0600 whatever the
/// umask). SQLite gives the `-wal` and `-shm` files it creates the main file's mode, so the
/// main file is created 0600 before SQLite opens it; files an earlier version left readable by
/// others are tightened.
enum OwnerOnlyFiles {
    static let mode: mode_t = 0o600

    static func prepare(databasePath path: String) {
        guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file:") else { return }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, mode)
        if fd >= 0 {
            fchmod(fd, mode)  // the umask may have taken bits away; never adds any
            close(fd)
        }
        for suffix in ["-wal", "-shm"] {
            var info = stat()
            if stat(path + suffix, &info) == 0, info.st_mode & 0o777 != mode { chmod(path + suffix, mode) }
        }
    }
}
