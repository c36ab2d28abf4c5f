import Domain
import Store

/// The steps of a round that write more than the round itself, each in one transaction: closing
/// freezes the results with the state change (no ballot can slip in between), publishing writes
/// the public board and the archive with it (in the caller's transaction, which also tells the
/// other instances).
enum RoundWorkflow {
    /// Closes an open round and stores its frozen results.
    static func close(_ store: any DataStore, townshipID: Int64, id: Int64) throws -> Round {
        try store.write { transaction in
            let round = try transaction.rounds.close(townshipID: townshipID, id: id)
            let results = try ResultsDocument.closing(round, transaction)
            try transaction.rounds.saveDocument(results, kind: .results, roundID: id)
            return round
        }
    }

    /// Publishes a closed round in `transaction`: the public board (returned), the archive
    /// records and the least-satisfied cadres' suspension.
    static func publish(
        in transaction: any StoreTransaction, townshipID: Int64, id: Int64, commentary: String
    ) throws -> [UInt8] {
        let round = try transaction.rounds.publish(townshipID: townshipID, id: id, commentary: commentary)
        let board = try ResultsDocument.publishing(round, transaction)
        try transaction.rounds.saveDocument(board, kind: .public, roundID: id)
        return board
    }
}
