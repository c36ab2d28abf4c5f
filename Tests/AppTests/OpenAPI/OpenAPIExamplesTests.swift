import Domain
import Foundation
import Testing

/// Every operation of the served OpenAPI document has a unique `operationId` and an example of
/// its success response, and every example in the document is valid against its schema.
/// A route added without them fails here, naming the operation.
@Suite struct OpenAPIExamplesTests {
    /// One operation of the document, named as a reader finds it.
    struct Operation {
        let name: String
        let object: JSONObject
    }

    /// Success responses that carry no body, so no example: 204 No Content, 304 Not Modified.
    static let bodilessStatuses: Set<String> = ["204", "304"]

    let document: JSONObject
    let operations: [Operation]
    let validator: JSONSchemaValidator

    init() throws {
        let app = try TestApp()
        let response = try app.call("GET", "/v1/openapi.json")
        #expect(response.status == 200)
        document = response.json
        var operations: [Operation] = []
        for (path, item) in document["paths"]?.objectValue?.entries ?? [] {
            for (method, operation) in item.objectValue?.entries ?? [] {
                guard let object = operation.objectValue else { continue }
                operations.append(Operation(name: "\(method.uppercased()) \(path)", object: object))
            }
        }
        self.operations = operations
        validator = JSONSchemaValidator(
            schemas: document["components"]?.objectValue?["schemas"]?.objectValue ?? JSONObject())
    }

    @Test func everyOperationHasAUniqueReadableOperationID() throws {
        #expect(operations.count > 80, "the document's operations are read")
        var seen: [String: String] = [:]
        for operation in operations {
            guard let id = operation.object["operationId"]?.stringValue else {
                Issue.record("\(operation.name) has no operationId")
                continue
            }
            #expect(JSONSchemaValidator.matches(id, "^[a-z][a-zA-Z0-9]+$"), "\(operation.name): \(id) is not camelCase")
            if let other = seen[id] { Issue.record("\(operation.name) and \(other) share the operationId \(id)") }
            seen[id] = operation.name
        }
    }

    @Test func everySuccessResponseWithABodyHasAnExample() throws {
        for operation in operations {
            let responses = operation.object["responses"]?.objectValue?.entries ?? []
            let successes = responses.filter { $0.key.hasPrefix("2") || $0.key.hasPrefix("3") }
            #expect(!successes.isEmpty, "\(operation.name) documents no success response")
            for (status, response) in successes {
                let content = response.objectValue?["content"]?.objectValue
                guard let content, !content.isEmpty else {
                    #expect(Self.bodilessStatuses.contains(status), "\(operation.name) \(status) has no body")
                    continue
                }
                let id = operation.object["operationId"]?.stringValue ?? "no operationId"
                for (mediaType, media) in content.entries where !Self.isBinary(media) {
                    #expect(
                        media.objectValue?["example"] != nil,
                        "\(operation.name) (\(id)): response \(status) \(mediaType) has no example")
                }
            }
        }
    }

    @Test func everyExampleIsValidAgainstItsSchema() throws {
        var checked = 0
        for operation in operations {
            var media: [(String, JSONValue)] = []
            for (status, response) in operation.object["responses"]?.objectValue?.entries ?? [] {
                for (type, value) in response.objectValue?["content"]?.objectValue?.entries ?? [] {
                    media.append(("response \(status) \(type)", value))
                }
            }
            for (type, value) in operation.object["requestBody"]?.objectValue?["content"]?.objectValue?.entries ?? [] {
                media.append(("request body \(type)", value))
            }
            for parameter in operation.object["parameters"]?.arrayValue ?? [] {
                media.append(("parameter \(parameter.objectValue?["name"]?.stringValue ?? "?")", parameter))
            }
            for (place, value) in media {
                guard let example = value.objectValue?["example"], let schema = value.objectValue?["schema"] else {
                    continue
                }
                checked += 1
                let errors = validator.errors(example, schema)
                #expect(errors.isEmpty, "\(operation.name), \(place): \(errors.joined(separator: "; "))")
            }
        }
        #expect(checked > 100, "responses, request bodies and parameters were checked")
    }

    /// A workbook or other bytes: no example can be written in the document.
    static func isBinary(_ media: JSONValue) -> Bool {
        let schema = media.objectValue?["schema"]?.objectValue
        return schema?["format"] == "binary" || schema?["contentMediaType"] != nil
    }

    @Test func theValidatorRefusesWhatTheSchemaForbids() throws {
        let township = JSONValue.object(JSONObject([("$ref", "#/components/schemas/Township")]))
        let valid = try JSONParser.parse(
            #"{"code":"niumasi","name":"牛马司镇","created_at":"2026-01-05T01:30:00Z","settings":{"yearly_service_projects":5,"cadre_village_projects":2}}"#
        )
        #expect(validator.errors(valid, township).isEmpty)
        #expect(!validator.errors(valid.removingMember("code"), township).isEmpty, "a required member")
        let badTime = valid.withMember("created_at", "2026-01-05 01:30")
        #expect(!validator.errors(badTime, township).isEmpty, "a date-time")
        let create = JSONValue.object(JSONObject([("$ref", "#/components/schemas/DepartmentCreate")]))
        #expect(validator.errors(["name": "民政办"], create).isEmpty)
        #expect(!validator.errors(["name": "民政办", "extra": 1], create).isEmpty, "additionalProperties: false")
        #expect(!validator.errors(["name": ""], create).isEmpty, "minLength")
        #expect(!validator.errors(["name": 5], create).isEmpty, "type")
        let category = JSONValue.object(JSONObject([("$ref", "#/components/schemas/EvaluatorCreate")]))
        #expect(!validator.errors(["name": "王五", "category": "mayor"], category).isEmpty, "enum")
        let both: JSONValue = ["oneOf": [["type": "integer"], ["type": "number"]]]
        #expect(!validator.errors(3, both).isEmpty, "oneOf matching twice")
        #expect(validator.errors(3.5, both).isEmpty)
        #expect(!validator.errors("x", ["type": "string", "const": "x"]).isEmpty, "an unknown keyword")
    }
}

extension JSONValue {
    fileprivate func removingMember(_ key: String) -> JSONValue {
        guard var object = objectValue else { return self }
        object[key] = Optional<JSONValue>.none
        return .object(object)
    }

    fileprivate func withMember(_ key: String, _ value: JSONValue) -> JSONValue {
        guard var object = objectValue else { return self }
        object[key] = value
        return .object(object)
    }
}
