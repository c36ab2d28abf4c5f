import Domain
import HTTPCore

/// Reads request bodies: JSON for every route, and also CSV for bulk creation (contract §3).
enum RequestBody {
    enum MediaType { case json, csv }

    /// The body's media type; 415 for anything else, or for a charset other than UTF-8.
    static func mediaType(_ request: HTTPRequest, allowCSV: Bool) throws -> MediaType {
        let value = request.headers["Content-Type"] ?? ""
        let parts = value.split(separator: ";").map { $0.trimmingWhitespace.lowercased() }
        let charset = parts.dropFirst().first { $0.hasPrefix("charset=") }?.dropFirst(8)
        if let charset, !["utf-8", "utf8", "\"utf-8\""].contains(charset) {
            throw APIError(415, "Only UTF-8 bodies are accepted.")
        }
        switch parts.first {
        case "application/json": return .json
        case "text/csv" where allowCSV: return .csv
        default:
            let accepted = allowCSV ? "application/json or text/csv" : "application/json"
            throw APIError(415, "The body must be \(accepted) (Content-Type was '\(value)').")
        }
    }

    /// The body as JSON: 415 when it is not JSON, 400 when it is empty or malformed.
    static func json(_ request: HTTPRequest) throws -> JSONValue {
        _ = try mediaType(request, allowCSV: false)
        return try parseJSON(request.body)
    }

    /// A JSON object body (most routes).
    static func object(_ request: HTTPRequest) throws -> JSONObject {
        guard let object = try json(request).objectValue else {
            throw APIError.badRequest("The body must be a JSON object.")
        }
        return object
    }

    /// For actions that take no input (open, close, reissue): no body, or an empty JSON object.
    /// Anything else is refused the way any body is (415, 400, 422 per member) rather than
    /// ignored, so a script that sends options it thinks count learns they do not.
    static func expectNone(_ request: HTTPRequest) throws {
        guard !request.body.isEmpty else { return }
        var reader = JSONObjectReader(try object(request))
        reader.finish(allowed: [])
        guard reader.isValid else { throw APIError.invalid(reader.errors) }
    }

    /// The objects a collection POST creates: one object, a JSON array of objects (bulk), or CSV
    /// rows (bulk) whose cells are converted to the types `spec` expects. `lines` are the CSV
    /// rows' spreadsheet lines (nil for JSON).
    static func items(
        _ request: HTTPRequest, spec: ResourceSpec
    ) throws -> (objects: [JSONObject], bulk: Bool, lines: [Int]?) {
        switch try mediaType(request, allowCSV: true) {
        case .json:
            switch try parseJSON(request.body) {
            case .object(let object): return ([object], false, nil)
            case .array(let elements):
                guard !elements.isEmpty else { throw APIError.badRequest("The array is empty: nothing to create.") }
                var objects: [JSONObject] = []
                for (index, element) in elements.enumerated() {
                    guard let object = element.objectValue else {
                        throw APIError.invalid([
                            FieldError(field: "[\(index + 1)]", message: "must be an object", row: index + 1)
                        ])
                    }
                    objects.append(object)
                }
                return (objects, true, nil)
            default: throw APIError.badRequest("The body must be a JSON object or an array of objects.")
            }
        case .csv:
            let table = try csvTable(request.body)
            guard !table.rows.isEmpty else { throw APIError.badRequest("The CSV has no rows: nothing to create.") }
            let objects = table.rows.map { cells in object(fromCSV: cells, spec: spec, header: table.header) }
            return (objects, true, table.lines)
        }
    }

    /// The CSV body read; a row that does not fit the header is a bad row (422 naming it,
    /// contract §3), broken quoting or encoding malformed syntax (400 with the `line`).
    private static func csvTable(_ body: [UInt8]) throws -> CSVTable {
        do {
            return try CSVReader.parse(body)
        } catch .tooManyCells(let row, let line, _, _) {
            throw APIError.invalid([
                FieldError(field: "[\(row)]", message: "has more cells than the header has names", row: row, line: line)
            ])
        } catch {
            var problem = APIError.badRequest("The CSV is malformed: \(error.message)")
            if let line = error.line { problem.extensions["line"] = .int(Int64(line)) }
            if let row = error.row { problem.extensions["row"] = .int(Int64(row)) }
            throw problem
        }
    }

    private static func parseJSON(_ body: [UInt8]) throws -> JSONValue {
        guard !body.isEmpty else { throw APIError.badRequest("A JSON body is required.") }
        do {
            return try JSONParser.parse(body)
        } catch {
            throw APIError.badRequest("The body is not valid JSON: \(error.message)")
        }
    }

    /// CSV cells are text; numbers and booleans are converted where the field expects them, and
    /// left as text otherwise so that validation names the bad cell.
    private static func object(fromCSV cells: [String: String], spec: ResourceSpec, header: [String]) -> JSONObject {
        var object = JSONObject()
        for name in header {
            guard let text = cells[name] else { continue }
            switch spec.field(name)?.kind {
            case .integer?, .reference?, .leader?:
                object[name] = Int64(text).map(JSONValue.int) ?? .string(text)
            case .bool?:
                switch text.lowercased() {
                case "true", "1", "yes", "是": object[name] = .bool(true)
                case "false", "0", "no", "否": object[name] = .bool(false)
                default: object[name] = .string(text)
                }
            default:
                object[name] = .string(text)
            }
        }
        return object
    }
}
