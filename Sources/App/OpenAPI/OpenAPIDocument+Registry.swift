import Domain

/// Departments, cadres, projects and evaluators (contract §3), generated from `Registry`'s field
/// specs: the same table drives validation, storage and this description.
extension OpenAPIDocument {
    static var registryPaths: Operations {
        Registry.all.flatMap { spec -> Operations in
            let base = "/v1/townships/{code}/\(spec.name)"
            let name = schemaName(spec)
            let plural = spec.name.prefix(1).uppercased() + spec.name.dropFirst()
            let item = OpenAPIExamples.registryItem(spec)
            let filters = spec.filters.compactMap { spec.field($0) }.map {
                OAS.queryParameter($0.name, filterSchema($0), description: "Only items with this \($0.name).")
            }
            return [
                (
                    base, "POST",
                    OAS.operation(
                        id: "create\(name)", "Create \(spec.name): one object, a JSON array (all or nothing) or CSV",
                        tag: "registry",
                        parameters: [code],
                        body: OAS.body(
                            ["oneOf": [OAS.ref(name + "Create"), OAS.array(OAS.ref(name + "Create"), minItems: 1)]],
                            example: example(spec), csv: true),
                        responses: [
                            (
                                "201",
                                OAS.response(
                                    "One object (with `Location`), or `{\"items\": […]}` for a bulk request.",
                                    [
                                        "oneOf": [
                                            OAS.ref(name),
                                            OAS.object([("items", OAS.array(OAS.ref(name)))], required: ["items"]),
                                        ]
                                    ], example: OpenAPIExamples.registryCreated(spec))
                            )
                        ])
                ),
                (
                    base, "GET",
                    OAS.operation(
                        id: "list\(plural)", "List \(spec.name)", tag: "registry",
                        parameters: [code] + pageParameters + filters,
                        responses: [
                            ("200", OAS.response("A page.", page(OAS.ref(name)), example: OpenAPIExamples.page(item)))
                        ])
                ),
                (
                    base + "/{id}", "GET",
                    OAS.operation(
                        id: "get\(name)", "One of the \(spec.name)", tag: "registry", parameters: [code, id],
                        responses: [("200", OAS.response("Found.", OAS.ref(name), example: item))])
                ),
                (
                    base + "/{id}", "PATCH",
                    OAS.operation(
                        id: "update\(name)", "Change fields of one of the \(spec.name)", tag: "registry",
                        parameters: [code, id], body: OAS.body(OAS.ref(name + "Patch")),
                        responses: [("200", OAS.response("The changed object.", OAS.ref(name), example: item))])
                ),
            ]
        }
    }

    /// `Department`, `Cadre`, `Project`, `Evaluator`.
    static func schemaName(_ spec: ResourceSpec) -> String {
        let singular = spec.name.hasSuffix("s") ? String(spec.name.dropLast()) : spec.name
        return singular.prefix(1).uppercased() + singular.dropFirst()
    }

    /// The stored object, the create body and the patch body of each registry resource.
    static var registrySchemas: [(String, JSONValue)] {
        Registry.all.flatMap { spec -> [(String, JSONValue)] in
            let name = schemaName(spec)
            let stored =
                [("id", OAS.id)]
                + spec.fields.map { field in
                    (
                        field.name,
                        field.required || field.defaultValue != nil
                            ? fieldSchema(field) : OAS.nullable(fieldSchema(field))
                    )
                }
                + [("created_at", OAS.timestamp)]
            // Create: an optional field may be given as null, which means absent (its default).
            let create = spec.fields.filter(\.creatable).map { field in
                (field.name, field.required ? fieldSchema(field) : OAS.nullable(fieldSchema(field)))
            }
            // PATCH: `null` clears an optional field without a default.
            let patch =
                spec.fields.filter(\.patchable).map { field in
                    (
                        field.name,
                        field.required || field.defaultValue != nil
                            ? fieldSchema(field) : OAS.nullable(fieldSchema(field))
                    )
                } + spec.patchReasons.map { ($0, OAS.string(minLength: 1, maxLength: ProjectRules.reasonLimit)) }
            return [
                (name, OAS.object(stored, required: ["id"] + spec.fields.map(\.name) + ["created_at"])),
                (
                    name + "Create",
                    OAS.object(create, required: spec.fields.filter(\.required).map(\.name), additional: false)
                ),
                (name + "Patch", OAS.object(patch, additional: false).adding("minProperties", 1)),
            ]
        }
    }

    /// The JSON Schema of one field, as `ResourceValidator` checks it.
    static func fieldSchema(_ field: FieldSpec) -> JSONValue {
        switch field.kind {
        case .text(let maxLength): OAS.string(minLength: 1, maxLength: maxLength)
        case .bool: OAS.boolean
        case .integer(let range): OAS.integer(minimum: range.lowerBound, maximum: range.upperBound)
        case .choice(let options): OAS.enumeration(options)
        case .reference, .leader: OAS.id
        case .date: OAS.date
        }
    }

    /// A query filter: any value of the field's type; one no item has simply matches nothing.
    static func filterSchema(_ field: FieldSpec) -> JSONValue {
        switch field.kind {
        case .integer, .reference, .leader: OAS.integer()
        default: fieldSchema(field)
        }
    }

    private static func example(_ spec: ResourceSpec) -> JSONValue {
        switch spec.name {
        case "departments": ["name": "民政办"]
        case "cadres": ["name": "张三", "department_id": 1, "post": "民政办主任"]
        case "projects": ["title": "修建村道", "board": "service", "year": 2026, "department_id": 1]
        default:
            [["name": "王五", "category": "deputy"], ["name": "赵六", "category": "village_cadre", "village": "牛马司村"]]
        }
    }
}
