import ArgumentParser
import Domain
import HTTPCore
import Storage

/// `duping backup --data DIR FILE`: a consistent copy of a (running) server's database, made
/// with SQLite's online backup API; the server keeps serving meanwhile.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Copy the live database consistently to FILE.")

    @Option(help: "Data directory of the server.") var data = "./data"
    @Argument(help: "Where to write the copy.") var file: String

    func run() throws {
        let database = try Database(path: data + "/duping.sqlite", migrations: Schema.migrations, readers: 1)
        defer { database.close() }
        try database.backup(to: file)
        ProcessLog.write("backup written to \(file)")
    }
}

/// `duping verify-archive --data DIR`: re-checks every cadre's archive chain offline.
struct VerifyArchive: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check every cadre's archive hash chain.")

    @Option(help: "Data directory of the server.") var data = "./data"

    func run() throws {
        let store = try SQLiteStore(path: data + "/duping.sqlite")
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
