import App
import ArgumentParser
import Domain
import Glibc
import HTTPCore
import PostgresStorage
import Storage
import Store

/// `duping backup --data DIR FILE`: a consistent copy of a (running) server's database, made
/// with SQLite's online backup API; the server keeps serving meanwhile. On PostgreSQL (with
/// `--database`, or `DUPING_DATABASE_URL` and no SQLite database in the data directory) it
/// refuses with exit status 2 and names the `pg_dump` command to use instead.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Copy the live database consistently to FILE.")

    @Option(help: "Data directory of the server.") var data = "./data"
    @Option(
        help:
            "The server's PostgreSQL database (URL or conninfo): back it up with pg_dump instead. Env DUPING_DATABASE_URL."
    )
    var database: String?
    @Argument(help: "Where to write the copy.") var file: String

    func run() throws {
        if let address = StoreChoice.databaseAddress(flag: database),
            database != nil || access(DataDirectory.databasePath(data), F_OK) != 0
        {
            ProcessLog.write(Self.pgDumpAdvice(address: address, file: file), level: .error, to: STDERR_FILENO)
            throw ExitCode(2)
        }
        let database = try Database(path: DataDirectory.databasePath(data), migrations: Schema.migrations, readers: 1)
        defer { database.close() }
        try database.backup(to: file)
        ProcessLog.write("backup written to \(file)")
    }

    /// Why there is nothing to copy here, and the `pg_dump` command that backs up `address`.
    static func pgDumpAdvice(address: String, file: String) -> String {
        "duping backup copies the SQLite database; this server keeps its data in PostgreSQL "
            + "(\(PGConnInfo.redacted(address))). Back it up with pg_dump, e.g.: "
            + "pg_dump --format=custom --file=\(file) '\(PGConnInfo.redacted(address))' "
            + "(the password from ~/.pgpass or PGPASSWORD), and restore with pg_restore."
    }
}

/// `duping verify-archive --data DIR`: re-checks every cadre's archive chain offline.
struct VerifyArchive: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check every cadre's archive hash chain.")

    @Option(help: "Data directory of the server.") var data = "./data"
    @Option(
        help: "The server's PostgreSQL database (URL or conninfo) instead of SQLite in --data. Env DUPING_DATABASE_URL."
    )
    var database: String?

    func run() throws {
        let store: any DataStore
        if let address = StoreChoice.databaseAddress(flag: database) {
            store = try PostgresStore(conninfo: address, poolSize: 1)
        } else {
            store = try SQLiteStore(path: DataDirectory.databasePath(data))
        }
        defer { store.close() }
        var broken = 0
        let cadres = try store.read { try $0.archive.cadresWithRecords() }
        for cadre in cadres {
            let verdict = ArchiveChain.verify(try store.read { try $0.archive.records(cadreID: cadre) }, cadreID: cadre)
            if !verdict.valid {
                broken += 1
                ProcessLog.write("cadre \(cadre): INVALID from seq \(verdict.firstBadSeq.map(String.init) ?? "?")")
            }
        }
        ProcessLog.write("\(cadres.count) archives checked, \(broken) invalid")
        if broken > 0 { throw ExitCode(1) }
    }
}
