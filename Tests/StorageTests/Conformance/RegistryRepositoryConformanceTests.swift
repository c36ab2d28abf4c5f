import Domain
import Store
import Testing

/// `RegistryRepository` behaviour every backend must have.
@Suite struct RegistryRepositoryConformanceTests {
    @Test(arguments: StoreBackend.all)
    func aBatchWithAClashStoresNothingAndNamesTheRow(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let id = f.township.id
        #expect(throws: RegistryError.conflict(row: 2, field: "name", value: "民政办")) {
            try f.store.write {
                try $0.registry.insert(
                    Registry.departments, townshipID: id, rows: [["name": "林业站"], ["name": "民政办"]], bulk: true,
                    limit: .max)
            }
        }
        let names = try f.store.read {
            try $0.registry.list(Registry.departments, townshipID: id, filters: [], after: nil, limit: 10)
        }.items.compactMap { $0["name"]?.stringValue }
        #expect(names == ["民政办", "财政所"])
    }

    @Test(arguments: StoreBackend.all)
    func aReferenceToAnotherTownshipIsRefused(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let other = try f.store.write { try $0.access.createTownship(code: "huaqiao", name: "花桥镇") }
        #expect(throws: RegistryError.invalidReference(row: nil, field: "department_id")) {
            try f.store.write {
                try $0.registry.insert(
                    Registry.cadres, townshipID: other.id,
                    rows: [["name": "王五", "department_id": .int(f.departments[0])]],
                    bulk: false, limit: .max)
            }
        }
    }

    @Test(arguments: StoreBackend.all)
    func theLimitCountsWhatIsStoredAndWhatIsAdded(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let id = f.township.id
        #expect(throws: RegistryError.limitReached(kind: "departments", limit: 3, existing: 2, adding: 2)) {
            try f.store.write {
                try $0.registry.insert(
                    Registry.departments, townshipID: id, rows: [["name": "甲"], ["name": "乙"]], bulk: true, limit: 3)
            }
        }
        #expect(
            try f.store.write {
                try $0.registry.insert(
                    Registry.departments, townshipID: id, rows: [["name": "甲"]], bulk: false, limit: 3)
            }.count == 1)
    }

    @Test(arguments: StoreBackend.all)
    func updatesFiltersAndCadreStatus(_ backend: StoreBackend) throws {
        let f = try StoreFixture(backend)
        let id = f.township.id
        let renamed = try f.store.write {
            try $0.registry.update(Registry.departments, townshipID: id, id: f.departments[1], changes: ["name": "财政局"])
        }
        #expect(renamed?["name"] == .string("财政局"))
        #expect(
            try f.store.write { try $0.registry.update(Registry.departments, townshipID: id, id: 999, changes: [:]) }
                == nil)
        try f.store.write { try $0.registry.setCadreStatus(.suspended, cadreID: f.cadres[1], townshipID: id) }
        let suspended = try f.store.read {
            try $0.registry.list(
                Registry.cadres, townshipID: id, filters: [("status", "suspended")], after: nil, limit: 10)
        }.items
        #expect(suspended.compactMap { $0["id"]?.intValue } == [f.cadres[1]])
    }
}
