/// Tells the other instances on the same database that a township's cached documents (its
/// public responsibility board) changed, and hears what they tell (contract §14).
public protocol ChangeFeed: Sendable {
    /// Announces a committed change of `township`'s documents to every instance but this one's
    /// own caches, which the caller has already invalidated.
    func announce(township code: String)
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

/// The feed of a database that only one process uses (SQLite): nothing to tell anyone.
public struct SingleProcessChangeFeed: ChangeFeed {
    public init() {}
    public func announce(township code: String) {}
    public func listen(_ handler: @escaping @Sendable (ChangeNotice) -> Void) {}
}
