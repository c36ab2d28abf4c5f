import Domain
import Storage

/// A round's frozen subjects, by the name PostgreSQL's ballot box and ballot repository call.
enum PGFrozenSubjects {
    static func load(roundID: Int64, _ connection: PGConnection) throws -> FrozenSubjects {
        try FrozenSubjects.load(roundID: roundID, PostgresSession(connection: connection))
    }
}
