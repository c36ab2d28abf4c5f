import Domain
import HTTPCore

/// `?limit=` (default 100, clamped to 1000) and `?after=` (the `next` cursor of the previous page).
struct Pagination {
    static let maximumLimit = 1000
    var limit: Int
    var after: Int64?

    init(_ query: [String: String]) throws {
        if let text = query["limit"] {
            // Digits that do not fit an Int are a positive number, just a larger one: clamped.
            let overflowing = !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            guard let value = Int(text) ?? (overflowing ? Self.maximumLimit : nil), value >= 1 else {
                throw APIError.badRequest("limit must be a positive integer.")
            }
            limit = min(value, Self.maximumLimit)
        } else {
            limit = 100
        }
        if let text = query["after"] {
            guard let value = Int64(text), value >= 0 else {
                throw APIError.badRequest("after must be a cursor from a previous page's next.")
            }
            after = value
        }
    }

    /// `{"items": [...], "next": null|"cursor"}`.
    static func page(_ items: [JSONObject], next: Int64?) -> HTTPResponse {
        .json(["items": .array(items.map(JSONValue.object)), "next": next.map { .string(String($0)) } ?? .null])
    }
}
