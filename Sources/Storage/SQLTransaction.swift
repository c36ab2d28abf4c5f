import Primitives
import Store

/// The repositories of one transaction on either backend, all on its session: the ones shared
/// by SQLite and PostgreSQL, and the backend's own ballots and what a round's opening and
/// closing do to them.
package struct SQLTransaction: StoreTransaction {
    let session: any SQLSession
    let clock: any TimeSource
    package let ballots: any BallotRepository
    let ballotStorage: any RoundBallotStorage

    package init(
        session: any SQLSession, clock: any TimeSource, ballots: any BallotRepository,
        ballotStorage: any RoundBallotStorage
    ) {
        self.session = session
        self.clock = clock
        self.ballots = ballots
        self.ballotStorage = ballotStorage
    }

    package var rounds: any RoundRepository {
        SQLRoundRepository(session: session, clock: clock, ballotStorage: ballotStorage)
    }

    package var access: any AccessRepository { SQLAccessRepository(session: session, clock: clock) }
    package var registry: any RegistryRepository { SQLRegistryRepository(session: session, clock: clock) }
    package var archive: any ArchiveRepository { SQLArchiveRepository(session: session, clock: clock) }
    package var projects: any ProjectRepository { SQLProjectRepository(session: session, clock: clock) }
    package var reviews: any ReviewRepository { SQLReviewRepository(session: session, clock: clock) }
    package var assessments: any AssessmentRepository { SQLAssessmentRepository(session: session, clock: clock) }
    package var people: any PeopleRepository { SQLPeopleRepository(session: session, clock: clock) }
    package var requests: any RequestRepository { SQLRequestRepository(session: session, clock: clock) }

    /// PostgreSQL's channel for `announceChange`, which every instance's feed listens on.
    package static let changeChannel = "duping_changes"

    /// A `pg_notify` in the transaction: PostgreSQL delivers it at `COMMIT` and drops it on a
    /// rollback. A SQLite file has one process, which has nobody to tell.
    package func announceChange(township code: String) throws {
        guard session.dialect == .postgres else { return }
        try session.run("SELECT pg_notify(?, ?)", [Self.changeChannel, code])
    }
}
