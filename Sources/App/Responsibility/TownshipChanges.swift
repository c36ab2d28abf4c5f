import Store

/// Writes that change what a township's cached documents show (its public responsibility board:
/// the registry, its settings, a month's check, a publication). The transaction itself tells the
/// other instances on the database, so they hear of the change exactly when it commits and never
/// of one rolled back (contract §14); this instance's copies are dropped once it has committed.
struct TownshipChanges: Sendable {
    let store: any DataStore
    let boards: ResponsibilityCache

    func write<T>(township code: String, _ body: (any StoreTransaction) throws -> T) throws -> T {
        let result = try store.write { transaction in
            let result = try body(transaction)
            try transaction.announceChange(township: code)
            return result
        }
        boards.invalidate(township: code)
        return result
    }
}
