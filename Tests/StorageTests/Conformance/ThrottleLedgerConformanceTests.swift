import Primitives
import Store
import Testing

/// `ThrottleLedger`: windows per scope and key that every backend keeps alike.
@Suite struct ThrottleLedgerConformanceTests {
    @Test(arguments: StoreBackend.all)
    func countsWithinAWindowThenStartsAgainAfterIt(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        defer { f.store.close() }
        let ledger = f.store.throttleLedger
        #expect(try ledger.current(scope: "ballot-codes", key: "a1") == nil)
        for expected in 1...3 {
            #expect(try ledger.add(scope: "ballot-codes", key: "a1", window: 600).count == expected)
        }
        f.clock.advance(by: 200)
        let running = try #require(try ledger.current(scope: "ballot-codes", key: "a1"))
        #expect(running.count == 3)
        #expect(running.remaining > 390 && running.remaining <= 400)
        f.clock.advance(by: 401)
        #expect(try ledger.current(scope: "ballot-codes", key: "a1") == nil)
        #expect(
            try ledger.add(scope: "ballot-codes", key: "a1", window: 600) == ThrottleWindow(count: 1, remaining: 600))
    }

    /// A window of 600 s holds at its 599th second and has ended at its 600th, on every backend
    /// (the next failure then starts a new window at 1).
    @Test(arguments: StoreBackend.all)
    func aWindowEndsExactlyWhenItsTimeIsUp(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        defer { f.store.close() }
        let ledger = f.store.throttleLedger
        _ = try ledger.add(scope: "objections", key: "a1", window: 600)
        f.clock.advance(by: 599)
        #expect(try ledger.current(scope: "objections", key: "a1") == ThrottleWindow(count: 1, remaining: 1))
        #expect(try ledger.add(scope: "objections", key: "a1", window: 600).count == 2)
        f.clock.advance(by: 1)
        #expect(try ledger.current(scope: "objections", key: "a1") == nil)
        #expect(try ledger.add(scope: "objections", key: "a1", window: 600) == ThrottleWindow(count: 1, remaining: 600))
    }

    @Test(arguments: StoreBackend.all)
    func scopesAndKeysCountApart(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        defer { f.store.close() }
        let ledger = f.store.throttleLedger
        _ = try ledger.add(scope: "ballot-codes", key: "a1", window: 600)
        _ = try ledger.add(scope: "ballot-codes", key: "a1", window: 600)
        _ = try ledger.add(scope: "objections", key: "a1", window: 3600)
        _ = try ledger.add(scope: "ballot-codes", key: "b2", window: 600)
        #expect(try ledger.current(scope: "ballot-codes", key: "a1")?.count == 2)
        #expect(try ledger.current(scope: "objections", key: "a1")?.count == 1)
        #expect(try ledger.current(scope: "ballot-codes", key: "b2")?.count == 1)
        #expect(try ledger.current(scope: "request-codes", key: "a1") == nil)
    }
}
