import Domain

/// Small builders for the pieces of an OpenAPI 3.1 document, so that the path files read like
/// the contract's tables instead of nested literals. Schemas are JSON Schema 2020-12.
enum OAS {
    /// `{"$ref": "#/components/schemas/<name>"}`.
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    /// An object schema; `additional: false` mirrors the server's 422 on unknown request fields.
    static func object(_ properties: [(String, JSONValue)], required: [String] = [], additional: Bool = true)
        -> JSONValue
    {
        var schema: JSONObject = ["type": "object", "properties": .object(JSONObject(properties.map { ($0.0, $0.1) }))]
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        if !additional { schema["additionalProperties"] = false }
        return .object(schema)
    }

    static func array(_ items: JSONValue, minItems: Int? = nil) -> JSONValue {
        var schema: JSONObject = ["type": "array", "items": items]
        if let minItems { schema["minItems"] = .int(Int64(minItems)) }
        return .object(schema)
    }

    static func string(minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil, example: String? = nil)
        -> JSONValue
    {
        var schema: JSONObject = ["type": "string"]
        if let minLength { schema["minLength"] = .int(Int64(minLength)) }
        if let maxLength { schema["maxLength"] = .int(Int64(maxLength)) }
        if let pattern { schema["pattern"] = .string(pattern) }
        if let example { schema["examples"] = [.string(example)] }
        return .object(schema)
    }

    static func integer(minimum: Int64? = nil, maximum: Int64? = nil) -> JSONValue {
        var schema: JSONObject = ["type": "integer"]
        if let minimum { schema["minimum"] = .int(minimum) }
        if let maximum { schema["maximum"] = .int(maximum) }
        return .object(schema)
    }

    static let number: JSONValue = ["type": "number"]
    static let boolean: JSONValue = ["type": "boolean"]
    static let id = integer(minimum: 1)
    static let timestamp: JSONValue = ["type": "string", "format": "date-time"]
    static let date: JSONValue = ["type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
    static let month: JSONValue = ["type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"]

    static func enumeration(_ values: [String]) -> JSONValue {
        ["type": "string", "enum": .array(values.map(JSONValue.string))]
    }

    /// `schema` or null (JSON Schema 2020-12 has no `nullable`).
    static func nullable(_ schema: JSONValue) -> JSONValue { ["oneOf": [schema, ["type": "null"]]] }

    /// A path parameter; `example` lets the examples phase reach the demo township's data.
    static func pathParameter(_ name: String, _ schema: JSONValue, example: JSONValue) -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "schema": schema, "example": example]
    }

    static func queryParameter(_ name: String, _ schema: JSONValue, description: String) -> JSONValue {
        [
            "name": .string(name), "in": "query", "required": false, "schema": schema,
            "description": .string(description),
        ]
    }

    /// A JSON request body; `csv` adds the `text/csv` form the registry accepts.
    static func body(_ schema: JSONValue, example: JSONValue? = nil, csv: Bool = false, required: Bool = true)
        -> JSONValue
    {
        var json: JSONObject = ["schema": schema]
        if let example { json["example"] = example }
        var content: JSONObject = ["application/json": .object(json)]
        if csv { content["text/csv"] = ["schema": ["type": "string"]] }
        return ["required": .bool(required), "content": .object(content)]
    }

    /// One response; `schema` nil means no body (204, 304). `example` is a body it could carry
    /// (a JSON value, or a string for a text media type).
    static func response(
        _ description: String, _ schema: JSONValue?, mediaType: String = "application/json",
        example: JSONValue? = nil
    ) -> JSONValue {
        guard let schema else { return ["description": .string(description)] }
        var media: JSONObject = ["schema": schema]
        if let example { media["example"] = example }
        return ["description": .string(description), "content": .object([mediaType: .object(media)])]
    }

    /// An operation, named by `id` (its `operationId`: unique, camelCase, what client generators
    /// call the method). Every operation also documents the problem+json `default` response.
    static func operation(
        id: String, _ summary: String, tag: String, parameters: [JSONValue] = [], body: JSONValue? = nil,
        responses: [(String, JSONValue)], public isPublic: Bool = false, description: String? = nil
    ) -> JSONValue {
        var operation: JSONObject = ["operationId": .string(id), "summary": .string(summary), "tags": [.string(tag)]]
        if let description { operation["description"] = .string(description) }
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if let body { operation["requestBody"] = body }
        var all = JSONObject(responses.map { ($0.0, $0.1) })
        all["default"] = ["$ref": "#/components/responses/Problem"]
        operation["responses"] = .object(all)
        if isPublic { operation["security"] = [] }
        return .object(operation)
    }
}

extension JSONValue {
    /// This object schema with one more keyword.
    func adding(_ key: String, _ value: JSONValue) -> JSONValue {
        guard var object = objectValue else { return self }
        object[key] = value
        return .object(object)
    }
}

extension JSONValue {
    /// This object schema with one more property.
    func withProperty(_ name: String, _ schema: JSONValue) -> JSONValue {
        guard var object = objectValue, var properties = object["properties"]?.objectValue else { return self }
        properties[name] = schema
        object["properties"] = .object(properties)
        return .object(object)
    }
}
