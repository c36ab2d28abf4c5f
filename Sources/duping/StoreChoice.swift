import App
import PostgresStorage
import Primitives
import Storage
import Store

/// Where `duping` keeps its data (contract §14): SQLite in the data directory by default, or
/// PostgreSQL at `--database` / `DUPING_DATABASE_URL` (a `postgresql://` or `postgres://` URL or
/// a libpq conninfo). Only this file knows both backends; `App` gets an opener.
enum StoreChoice {
    /// The PostgreSQL address from the flag, else from the environment; nil (SQLite) when neither
    /// is given or it is empty.
    static func databaseAddress(flag: String?) -> String? {
        let address = flag ?? PublicPages.environment("DUPING_DATABASE_URL")
        guard let address, !address.isEmpty else { return nil }
        return address
    }

    /// Nil when `address` is something libpq accepts, else why not.
    static func problem(with address: String) -> String? {
        PGConnInfo.isValid(address)
            ? nil
            : "--database '\(PGConnInfo.redacted(address))' is not a postgresql:// URL or a key=value conninfo."
    }

    /// The store opener `Application` calls: SQLite at the path it gives, or PostgreSQL at
    /// `address` (the path is then unused; the data directory keeps only local files).
    static func opener(address: String?) -> @Sendable (String, any TimeSource) throws -> any DataStore {
        guard let address else { return SQLiteStore.open }
        return { _, clock in try PostgresStore(conninfo: address, clock: clock) }
    }

    /// One line for the start-up log naming the backend, with any password hidden.
    static func description(address: String?, dataDirectory: String) -> String {
        guard let address else { return "duping storage: SQLite in \(DataDirectory.databasePath(dataDirectory))" }
        return "duping storage: PostgreSQL at \(PGConnInfo.redacted(address))"
    }
}
