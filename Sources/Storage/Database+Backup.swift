import CSQLite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Database {
    /// Writes a consistent copy of the live database to `destination` with SQLite's online
    /// backup API (<https://sqlite.org/backup.html>).
    ///
    /// The copy is read from a reader connection in a single `sqlite3_backup_step(-1)`, which
    /// holds one read snapshot for the whole copy: writers go on committing meanwhile and the
    /// copy contains exactly the transactions committed before it started. It is written
    /// beside `destination` and renamed into place, so `destination` is either the previous
    /// file or a complete backup, never a half-written one.
    public func backup(to destination: String) throws(StoreError) {
        let partial = destination + ".partial"
        unlink(partial)
        do throws(StoreError) {
            try withReader { source throws(StoreError) in try copy(from: source, to: partial) }
            guard rename(partial, destination) == 0 else {
                throw StoreError.sqlite(code: SQLITE_CANTOPEN, message: systemError("rename"), sql: nil)
            }
            syncDirectory(of: destination)
        } catch {
            unlink(partial)
            throw error
        }
    }

    private func copy(from source: Connection, to path: String) throws(StoreError) {
        let target = try Connection(path: path, mode: .writer)
        defer { target.close() }
        guard let backup = sqlite3_backup_init(target.handle, "main", source.handle, "main") else {
            throw StoreError(code: sqlite3_extended_errcode(target.handle), db: target.handle, sql: nil)
        }
        let stepCode = sqlite3_backup_step(backup, -1)
        let finishCode = sqlite3_backup_finish(backup)
        guard stepCode == SQLITE_DONE else {
            throw StoreError(code: stepCode, db: target.handle, sql: nil)
        }
        guard finishCode == SQLITE_OK else {
            throw StoreError(code: finishCode, db: target.handle, sql: nil)
        }
        // Fold the copy's WAL into its main file so the backup is one self-contained file.
        try target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }
}

/// Makes a rename durable; without syncing the directory a power cut could lose the new name.
private func syncDirectory(of path: String) {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    let descriptor = open(directory, O_RDONLY)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
}

private func systemError(_ operation: String) -> String {
    "\(operation) failed: \(String(cString: strerror(errno)))"
}
