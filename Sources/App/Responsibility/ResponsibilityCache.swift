import Primitives

/// Encoded responsibility boards by (township code, year, as-of date). A board changes only when
/// the township's registry, a check or its settings change, and each such write calls
/// `invalidate` (here, and through the store's change feed on every other instance); a board
/// computed from a snapshot older than the latest invalidation is served but not kept. At most
/// `capacity` boards are kept (any `as_of` may be asked for).
final class ResponsibilityCache: Sendable {
    struct Key: Hashable, Sendable {
        var township: String
        var year: Int
        var asOf: Int
    }

    private struct State {
        var entries: [Key: EncodedDocument] = [:]
        var generations: [String: Int] = [:]
        /// Moves on every `invalidateAll`.
        var epoch = 0
    }

    private let state = Locked(State())
    let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// The board if it is in memory; never waits for anything but the cache's lock.
    func cached(_ key: Key) -> EncodedDocument? {
        state.withLock { $0.entries[key] }
    }

    func entry(_ key: Key, load: () throws -> EncodedDocument) throws -> EncodedDocument {
        let (hit, generation, epoch) = state.withLock {
            ($0.entries[key], $0.generations[key.township, default: 0], $0.epoch)
        }
        if let hit { return hit }
        let loaded = try load()
        state.withLock { state in
            guard state.generations[key.township, default: 0] == generation, state.epoch == epoch else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = loaded
        }
        return loaded
    }

    /// Forgets every board, as after announcements from other instances may have been lost.
    func invalidateAll() {
        state.withLock { state in
            state.epoch += 1
            state.entries.removeAll()
        }
    }

    /// Forgets the township's boards; call after a write that changes them has committed.
    func invalidate(township code: String) {
        state.withLock { state in
            state.generations[code, default: 0] += 1
            state.entries = state.entries.filter { $0.key.township != code }
        }
    }
}
