import Domain
import Store

/// Counts events per address (unknown ballot or request codes, accepted objections): after
/// `limit` of them within `window` seconds, that address gets 429 until the window has passed.
/// The counts live in the store's `ThrottleLedger`, so every instance on one database shares
/// them (contract §14), under a digest of the address, never the address itself.
/// (Behind a reverse proxy every client shares its address unless it is a trusted proxy.)
struct FailureThrottle: Sendable {
    /// What is counted ("ballot-codes"); each scope has windows of its own.
    let scope: String
    let limit: Int
    let window: Double
    let ledger: any ThrottleLedger

    /// Seconds the address must wait, or nil when it may try.
    func retryAfter(_ address: String) throws -> Int? {
        guard let running = try ledger.current(scope: scope, key: Self.key(address)), running.count >= limit else {
            return nil
        }
        return max(1, Int(running.remaining.rounded(.up)))
    }

    /// 429 with `Retry-After` while the address is over its limit; `what` says what it did too
    /// often ("unknown ballot codes").
    func check(_ address: String, tooMany what: String) throws {
        guard let wait = try retryAfter(address) else { return }
        var error = APIError(429, "Too many \(what) from this address; try again in \(wait) s.")
        error.headers.set("Retry-After", String(wait))
        throw error
    }

    func record(_ address: String) throws {
        _ = try ledger.add(scope: scope, key: Self.key(address), window: window)
    }

    /// The ledger's key for an address: the first 16 bytes of its SHA-256, in hex.
    static func key(_ address: String) -> String {
        Hex.lowercase(SHA256.hash(data: Array(address.utf8)).prefix(16))
    }
}
