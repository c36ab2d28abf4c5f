/// What the other instances on the same database tell of changes to a township's cached
/// documents (its public responsibility board), contract §14. A change is told by the write
/// transaction that makes it (`StoreTransaction.announceChange`), so it is heard exactly when it
/// commits, and never when it rolls back.
public protocol ChangeFeed: Sendable {
    /// Calls `handler` for every change another instance announces, on a thread of the feed's,
    /// and with `.everything` whenever announcements may have been missed (the feed's
    /// connection was lost). Call once, before serving.
    func listen(_ handler: @escaping @Sendable (ChangeNotice) -> Void)
}

/// What changed.
public enum ChangeNotice: Sendable, Equatable {
    /// The documents of the township with this code.
    case township(String)
    /// Anything: announcements may have been lost.
    case everything
}

/// The feed of a database that only one process uses (SQLite): nothing to hear.
public struct SingleProcessChangeFeed: ChangeFeed {
    public init() {}
    public func listen(_ handler: @escaping @Sendable (ChangeNotice) -> Void) {}
}
