import Domain
import Store
import Testing

/// `AccessRepository` behaviour every backend must have.
@Suite struct AccessRepositoryConformanceTests {
    @Test(arguments: StoreBackend.all)
    func townshipsAreFoundByCodeAndIDAndPagedInIDOrder(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let second = try f.store.write { try $0.access.createTownship(code: "huaqiao", name: "花桥镇") }
        #expect(try f.store.read { try $0.access.township(code: "niumasi") } == f.township)
        #expect(try f.store.read { try $0.access.township(id: second.id) } == second)
        #expect(f.township.createdAt == "2026-12-06T12:26:40Z", "the store's clock")
        let first = try f.store.read { try $0.access.townships(after: nil, limit: 1, only: nil) }
        #expect(first.items == [f.township])
        let rest = try f.store.read { try $0.access.townships(after: first.next, limit: 1, only: nil) }
        #expect(rest.items == [second] && rest.next == nil)
        #expect(try f.store.read { try $0.access.townships(after: nil, limit: 10, only: second.id) }.items == [second])
    }

    @Test(arguments: StoreBackend.all)
    func aTakenCodeIsAConflictAndStoresNothing(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        #expect(throws: RegistryError.conflict(row: nil, field: "code", value: "niumasi")) {
            try f.store.write { try $0.access.createTownship(code: "niumasi", name: "又一个") }
        }
        #expect(try f.store.read { try $0.access.townships(after: nil, limit: 10, only: nil) }.items.count == 1)
    }

    @Test(arguments: StoreBackend.all)
    func credentialsAreFoundByHashUntilRevoked(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        #expect(try f.store.read { try $0.access.hasRootCredential() } == false)
        _ = try f.store.write {
            try $0.access.addCredential(kind: .root, townshipID: nil, label: "root", tokenHash: [1, 2, 3])
        }
        let admin = try f.store.write {
            try $0.access.addCredential(kind: .admin, townshipID: f.township.id, label: "镇组织办", tokenHash: [4, 5, 6])
        }
        #expect(try f.store.read { try $0.access.hasRootCredential() })
        #expect(
            try f.store.read { try $0.access.credential(tokenHash: [4, 5, 6]) }
                == StoredCredential(id: admin, kind: .admin, townshipID: f.township.id))
        #expect(
            try f.store.read { try $0.access.adminTokens(townshipID: f.township.id, after: nil, limit: 10) }.items.map(
                \.label) == ["镇组织办"])
        #expect(try f.store.write { try $0.access.revokeCredential(id: admin, townshipID: f.township.id) })
        #expect(try f.store.write { try $0.access.revokeCredential(id: admin, townshipID: f.township.id) } == false)
        #expect(try f.store.read { try $0.access.credential(tokenHash: [4, 5, 6]) } == nil)
        #expect(try f.store.read { try $0.access.adminToken(id: admin, townshipID: f.township.id) }?.revokedAt != nil)
    }

    /// A unit of work is all or nothing: a throw inside `write` leaves no trace.
    @Test(arguments: StoreBackend.all)
    func aWriteThatThrowsLeavesNothing(_ backend: StoreBackend) throws {
        struct Abandon: Error {}
        let f = try StoreFixture(backend)
        #expect(throws: Abandon.self) {
            try f.store.write { transaction in
                _ = try transaction.access.createTownship(code: "ghost", name: "幽灵镇")
                throw Abandon()
            }
        }
        #expect(try f.store.read { try $0.access.township(code: "ghost") } == nil)
    }
}
