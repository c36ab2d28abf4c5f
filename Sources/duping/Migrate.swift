import App
import ArgumentParser
import Glibc
import HTTPCore
import PostgresStorage

/// `duping migrate --from DATA_DIR --to postgresql://…`: moves a township that started on the
/// embedded SQLite database to PostgreSQL (`SQLiteToPostgres`). Prints counts only: never a
/// token, a code or a hash, and the target's password as `***`.
struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a SQLite DuPing database into an empty PostgreSQL database.",
        discussion: """
            Copies every table of DATA_DIR/duping.sqlite into the PostgreSQL database at --to, \
            which must hold no DuPing data (create it with createdb; do not start `duping serve` \
            on it first). The target is migrated to the newest schema, then everything is copied \
            verbatim in one transaction and checked before it commits: row counts per table equal \
            and every archive chain verifies with identical hashes. On any refusal or failure \
            nothing is copied (exit status 1). The SQLite file is opened read-only and never \
            changed.

            Stop `duping serve` on DATA_DIR first: what it writes after the copy starts is not \
            copied. The SQLite database must be at this build's newest schema: if it is older, \
            start `duping serve` on it once and stop it. Afterwards run \
            `duping serve --database <the same URL>`.
            """)

    @Option(help: ArgumentHelp("Data directory of the SQLite server (holds duping.sqlite).", valueName: "DATA_DIR"))
    var from: String
    @Option(
        help: ArgumentHelp(
            "The empty PostgreSQL database: a postgresql:// URL or a libpq key=value conninfo (password also from ~/.pgpass or PGPASSWORD). Env DUPING_DATABASE_URL.",
            valueName: "URL"))
    var to: String?

    func validate() throws {
        guard let address = StoreChoice.databaseAddress(flag: to) else {
            throw ValidationError("--to (or DUPING_DATABASE_URL) must name the PostgreSQL database to copy into.")
        }
        if let problem = StoreChoice.problem(with: address) { throw ValidationError(problem) }
    }

    func run() throws {
        let address = StoreChoice.databaseAddress(flag: to)!
        let source = DataDirectory.databasePath(from)
        ProcessLog.write("duping migrate: copying \(source) to PostgreSQL at \(PGConnInfo.redacted(address))")
        do {
            let summary = try SQLiteToPostgres(sourcePath: source, conninfo: address).run()
            for line in summary.lines { ProcessLog.write("duping migrate: " + line) }
            ProcessLog.write("duping migrate: done; now run duping serve --database '\(PGConnInfo.redacted(address))'")
        } catch {
            ProcessLog.write(
                "duping migrate: nothing copied: \(error)", level: .error, to: STDERR_FILENO)
            throw ExitCode.failure
        }
    }
}
