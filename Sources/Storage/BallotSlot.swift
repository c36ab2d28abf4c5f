import Domain

/// Where a ballot sits in the database file, and why that place says nothing about when it
/// was cast (contract §5).
///
/// SQLite fills a page's cell area from its end downwards, so rows inserted one by one sit in
/// their page in insertion order, whatever their key. Ballots are therefore never inserted one
/// by one: when a round opens, `SQLiteRoundBallots.roundOpened` lays out one empty slot per panel member, all
/// in one transaction and all of the same size (`size`), each with a random receipt. A ballot
/// takes a slot chosen at random among the empty ones and overwrites it: same record size, so
/// SQLite rewrites the cell where it is (no cell moves, no index entry changes, nothing is
/// freed). The place of every ballot's bytes was fixed before anyone voted, and which place a
/// ballot got was drawn at random — in the live file, in the WAL and in any backup. Empty slots
/// are deleted when the round closes; `secure_delete` zeroes what they leave.
///
/// A slot's `body` is `size` bytes: the evaluator category (1…4, 0 while empty), the day of
/// casting as `YYYY-MM-DD`, then the ballot in `BallotCoding` format 2, then zeros. Rows moved
/// in by migration 5 hold the earlier formats without padding.
enum BallotSlot {
    /// Category byte and day before the ballot.
    static let headerLength = 11

    /// The body size of every slot of a round with these subjects and scale.
    static func size(cadreIDs: [Int], departmentIDs: [Int], projectIDs: [Int], scale: Scale) -> Int {
        headerLength
            + BallotCoding.maximumLength(
                cadreIDs: cadreIDs, departmentIDs: departmentIDs, projectIDs: projectIDs, scale: scale)
    }

    static func code(_ category: EvaluatorCategory) -> UInt8 {
        switch category {
        case .deputy: 1
        case .villageCadre: 2
        case .retiredCadre: 3
        case .contactHousehold: 4
        }
    }

    static func category(code: UInt8) -> EvaluatorCategory? {
        switch code {
        case 1: .deputy
        case 2: .villageCadre
        case 3: .retiredCadre
        case 4: .contactHousehold
        default: nil
        }
    }

    /// The filled body of a slot of `size` bytes; nil when the ballot does not fit (a bug in
    /// `size`, refused rather than stored in a slot of another size).
    static func body(_ ballot: ValidBallot, category: EvaluatorCategory, day: String, size: Int) -> [UInt8]? {
        let dayBytes = Array(day.utf8)
        guard dayBytes.count == headerLength - 1 else { return nil }
        var body = [code(category)] + dayBytes + BallotCoding.bytes(ballot)
        guard body.count <= size else { return nil }
        body += [UInt8](repeating: 0, count: size - body.count)
        return body
    }

    /// The category of a filled slot's ballot.
    static func category(of body: [UInt8]) -> EvaluatorCategory? {
        body.first.flatMap { category(code: $0) }
    }

    /// The category and ballot of a filled slot; nil for damaged bytes.
    static func decode(_ body: [UInt8]) -> (category: EvaluatorCategory, ballot: ValidBallot)? {
        guard body.count > headerLength, let category = category(of: body) else { return nil }
        let stored = Array(body[headerLength...])
        // Migrated rows of the JSON era hold that text after the header.
        let ballot =
            stored.first == UInt8(ascii: "{")
            ? BallotCoding.decode(.text(String(decoding: stored, as: UTF8.self))) : BallotCoding.decode(stored)
        return ballot.map { (category, $0) }
    }

    /// Lays out one empty slot per panel member, all of the size that fits any ballot of the
    /// round, each with a fresh random receipt (in the caller's transaction, when the round opens).
    static func layOut(roundID: Int64, count: Int, subjects: FrozenSubjects, scale: Scale, _ connection: Connection)
        throws
    {
        let size = size(
            cadreIDs: subjects.cadres.map(\.id), departmentIDs: subjects.departments.map(\.id),
            projectIDs: subjects.projects.map(\.id), scale: scale)
        var made = 0
        var misses = 0
        while made < count {
            guard misses < 8 else { throw StoreError.misuse("could not lay out ballot slots", sql: nil) }
            // INSERT OR IGNORE: a receipt drawn twice (60 random bits) adds nothing; draw again.
            let inserted = try connection.run(
                "INSERT OR IGNORE INTO ballots (round_id, receipt, filled, body) VALUES (?, ?, 0, zeroblob(?))",
                [roundID, Receipt.generate().value, size])
            made += inserted
            misses += 1 - inserted
        }
    }
}
