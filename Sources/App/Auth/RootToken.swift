import Glibc
import Store

/// The root token (contract §2): made at first start, written to `<data>/root.token` with mode
/// 0600, and announced once: the token itself only when `reveal` (standard output is a terminal),
/// else only the file's path, so that it never lands in a journal or a container log.
/// Later starts find its hash in the database and do nothing; so does every other instance when
/// several start together on one PostgreSQL database.
enum RootToken {
    static func ensure(
        store: any DataStore, dataDirectory: String, reveal: Bool, announce: (String) -> Void
    ) throws {
        guard try !store.read({ try $0.access.hasRootCredential() }) else { return }
        let token = Tokens.generate(prefix: "dpr_")
        let path = DataDirectory.rootTokenPath(dataDirectory)
        // Checked again inside the write: several instances starting together on one PostgreSQL
        // database (§14) run their writes one after another, so only the first makes a token.
        let created = try store.write { transaction -> Bool in
            guard try !transaction.access.hasRootCredential() else { return false }
            try SecretFile.write(token + "\n", to: path)
            _ = try transaction.access.addCredential(
                kind: .root, townshipID: nil, label: "root", tokenHash: Tokens.hash(token))
            return true
        }
        guard created else { return }
        if reveal {
            announce("Root token (shown only now; also in \(path)): \(token)")
        } else {
            announce("Root token created in \(path) (mode 0600; printed only to a terminal)")
        }
    }
}

/// Files only the owner may read (0600), written durably: the root token, demo ballot codes.
enum SecretFile {
    static func write(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw APIError(500, "cannot write \(path): errno \(errno)") }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else { throw APIError(500, "cannot write \(path)") }
    }
}
