import Domain
import Foundation
import HTTPCore
import Storage
import Testing

@testable import App

/// The OpenAPI document served at `/v1/openapi.json` describes exactly the routes the router has.
@Suite struct OpenAPIDocumentTests {
    /// Every (METHOD path) the router answers, from a router built the way `Application` builds it.
    static func routerRoutes() throws -> Set<String> {
        let directory = NSTemporaryDirectory() + "duping-openapi-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteStore(path: directory + "/duping.sqlite")
        defer { store.close() }
        var configuration = AppConfiguration()
        configuration.dataDirectory = directory
        let router = Application.makeRouter(configuration: configuration, store: store, metrics: ServerMetrics())
        return Set(router.routeTable.map { "\($0.method) \($0.pattern)" })
    }

    /// Every (METHOD path) the served document lists.
    static func documentedRoutes(_ document: JSONObject) -> Set<String> {
        var routes: Set<String> = []
        for (path, item) in document["paths"]?.objectValue?.entries ?? [] {
            for (method, _) in item.objectValue?.entries ?? [] { routes.insert("\(method.uppercased()) \(path)") }
        }
        return routes
    }

    @Test func documentPathsAndMethodsEqualTheRouterTable() throws {
        let app = try TestApp()
        let response = try app.call("GET", "/v1/openapi.json")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/json")
        let routes = try Self.routerRoutes()
        let documented = Self.documentedRoutes(response.json)
        #expect(routes.count > 40, "the router table is read")
        #expect(routes.subtracting(documented).isEmpty, "routes without documentation")
        #expect(documented.subtracting(routes).isEmpty, "documented routes the server does not have")
    }

    @Test func documentIsOpenAPI31WithEveryReferenceDefined() throws {
        let document = try #require(OpenAPIDocument.document.objectValue)
        #expect(document["openapi"] == "3.1.0")
        let schemas = Set(document["components"]?.objectValue?["schemas"]?.objectValue?.entries.map(\.key) ?? [])
        var references: Set<String> = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let object):
                for (key, member) in object.entries {
                    if key == "$ref", let target = member.stringValue { references.insert(target) }
                    collect(member)
                }
            case .array(let elements): elements.forEach(collect)
            default: break
            }
        }
        collect(.object(document))
        let schemaReferences = references.filter { $0.hasPrefix("#/components/schemas/") }
        #expect(!schemaReferences.isEmpty)
        for reference in schemaReferences {
            #expect(schemas.contains(String(reference.dropFirst("#/components/schemas/".count))), "\(reference)")
        }
        #expect(references.subtracting(schemaReferences) == ["#/components/responses/Problem"])
    }

    @Test func registrySchemasFollowTheFieldSpecs() throws {
        let schemas = try #require(
            OpenAPIDocument.document.objectValue?["components"]?.objectValue?["schemas"]?.objectValue)
        let create = try #require(schemas["EvaluatorCreate"]?.objectValue)
        #expect(create["required"] == ["name", "category"])
        #expect(create["additionalProperties"] == false)
        let category = create["properties"]?.objectValue?["category"]?.objectValue
        #expect(category?["enum"] == .array(EvaluatorCategory.allCases.map { .string($0.rawValue) }))
        #expect(schemas["CadrePatch"]?.objectValue?["minProperties"] == 1)
    }

    @Test func publicOperationsNeedNoCredential() throws {
        let paths = try #require(OpenAPIDocument.document.objectValue?["paths"]?.objectValue)
        let board = paths["/v1/public/townships/{code}/rounds/{id}"]?.objectValue?["get"]?.objectValue
        #expect(board?["security"] == [])
        let rounds = paths["/v1/townships/{code}/rounds"]?.objectValue?["post"]?.objectValue
        #expect(rounds?["security"] == nil, "admin routes inherit the bearer requirement")
    }
}
