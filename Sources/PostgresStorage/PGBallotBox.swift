import Domain
import Primitives
import Store

/// Ballot codes and casting in PostgreSQL: sessions are read in read transactions, casts go
/// through `PGGroupCommitter`.
final class PGBallotBox: BallotBox {
    let pool: PGPool
    let committer: PGGroupCommitter
    let clock: any TimeSource
    /// Frozen subject lists never change once a round is open, so each is read once.
    private let frozen = Locked<[Int64: FrozenSubjects]>([:])

    /// `writer` serves the group committer alone; `pool` the session lookups and reads.
    init(pool: PGPool, writer: PGPool, clock: any TimeSource) {
        self.pool = pool
        self.clock = clock
        committer = PGGroupCommitter(pool: writer)
    }

    private func read<T>(_ body: (PGConnection) throws -> T) throws -> T {
        try PostgresStore.translating { try pool.withTransaction(.read, body) }
    }

    /// One statement outside any transaction block (a statement alone sees one snapshot): every
    /// ballot passes here, and `BEGIN`, the round's own query and `COMMIT` were three more round
    /// trips each.
    func session(tokenHash: [UInt8]) throws -> BallotSession? {
        try PostgresStore.translating {
            try pool.withReadOnlySession { connection in
                try connection.queryOne(
                    "SELECT \(Self.roundColumns), p.evaluator_id, p.category, p.voted "
                        + "FROM round_panel p JOIN rounds r ON r.id = p.round_id WHERE p.token_hash = $1", [tokenHash]
                ) { row in
                    BallotSession(
                        round: Round(row: row), evaluatorID: row.int64(16),
                        category: EvaluatorCategory(rawValue: row.string(17)) ?? .deputy, voted: row.bool(18),
                        tokenHash: tokenHash)
                }
            }
        }
    }

    /// `SQLRoundRepository.columnsWithoutLists` of `rounds r`, in its order (`Round(row:)` reads them
    /// by position): a ballot never needs the round's panel or subject lists.
    static let roundColumns = """
        r.id, r.township_id, r.title, r.kind, r.period, r.rules, '[]', NULL::text, NULL::text, NULL::text, r.state,
        r.created_at, r.opened_at, r.closed_at, r.published_at, r.commentary
        """

    func session(round: Round, evaluatorID: Int64) throws -> BallotSession? {
        try read { connection in
            try connection.queryOne(
                "SELECT category, voted FROM round_panel WHERE round_id = $1 AND evaluator_id = $2",
                [round.id, evaluatorID]
            ) {
                BallotSession(
                    round: round, evaluatorID: evaluatorID,
                    category: EvaluatorCategory(rawValue: $0.string(0)) ?? .deputy, voted: $0.bool(1))
            }
        }
    }

    func subjects(roundID: Int64) throws -> FrozenSubjects {
        if let cached = frozen.withLock({ $0[roundID] }) { return cached }
        let (subjects, opened) = try read { connection in
            let state = try connection.queryOne("SELECT state FROM rounds WHERE id = $1", [roundID]) { $0.string(0) }
            return (
                try FrozenSubjects.load(roundID: roundID, PostgresSession(connection: connection)),
                state != nil && state != "draft"
            )
        }
        if opened { frozen.withLock { $0[roundID] = subjects } }
        return subjects
    }

    func cast(
        _ ballot: ValidBallot, session: BallotSession,
        completion: @escaping @Sendable (Result<String, any Error>) -> Void
    ) {
        committer.enqueue(.init(ballot: ballot, session: session, day: clock.today(), completion: completion))
    }

    func cast(_ ballot: ValidBallot, session: BallotSession) throws -> String {
        let outcome = Locked<Result<String, any Error>?>(nil)
        let done = Lock()
        cast(ballot, session: session) { result in
            done.withLock {
                outcome.withLock { $0 = result }
                done.signalAll()
            }
        }
        return try done.withLock {
            while outcome.withLock({ $0 }) == nil { done.wait() }
            return outcome.withLock { $0! }
        }.get()
    }
}
