import Domain

extension RegistryError: ProblemConvertible {
    var problem: APIError {
        switch self {
        case .conflict(let row, let field, let value):
            let path = row.map { "[\($0)].\(field)" } ?? field
            return .conflict(
                "\(field) '\(value)' is already taken.",
                errors: [FieldError(field: path, message: "already exists", row: row)])
        case .invalidReference(let row, let field):
            let path = row.map { "[\($0)].\(field)" } ?? field
            return .invalid([FieldError(field: path, message: "names nothing in this township", row: row)])
        case .notALeader(let row, let field):
            let path = row.map { "[\($0)].\(field)" } ?? field
            return .invalid([FieldError(field: path, message: "must be a cadre with leader: true", row: row)])
        case .limitReached(let kind, let limit, let existing, let adding):
            return .invalid(
                [
                    FieldError(
                        field: "",
                        message: "a township holds at most \(limit) \(kind); it has \(existing), this adds \(adding)")
                ],
                detail: "Too many \(kind): at most \(limit) per township.")
        }
    }
}
