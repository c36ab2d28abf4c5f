/// Where a cadre is today (今日去向牌, contract §12).
public enum Place: String, Sendable, CaseIterable {
    case office
    /// In a village; the entry names it.
    case village
    case meeting
    case business
    case leave

    /// The word on the hall's board.
    public var chinese: String {
        switch self {
        case .office: "在办公室"
        case .village: "下村"
        case .meeting: "开会"
        case .business: "外出办事"
        case .leave: "请假"
        }
    }
}

/// A cadre's entry on today's whereabouts board.
public struct Whereabouts: Sendable, Equatable {
    public var place: Place
    public var village: String?
    public var note: String?

    public init(place: Place, village: String? = nil, note: String? = nil) {
        self.place = place
        self.village = village
        self.note = note
    }

    public static let noteLimit = 200

    /// Reads `{"place","village"?,"note"?}`: a known place, `village` required for `village`
    /// (and only there), a note of at most 200 characters.
    public static func read(_ object: JSONObject) -> (whereabouts: Whereabouts?, errors: [FieldError]) {
        var reader = JSONObjectReader(object)
        let placeText = reader.string("place")
        let place = placeText.flatMap(Place.init(rawValue:))
        if placeText != nil, place == nil {
            reader.fail("place", "must be one of \(Place.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let village = reader.string("village", required: false, maxLength: 100).map(\.trimmingAllWhitespace)
        let note = reader.string("note", required: false, maxLength: noteLimit).map(\.trimmingAllWhitespace)
        if village == "" { reader.fail("village", "must not be empty") }
        reader.finish(allowed: ["place", "village", "note"])
        if place == .village, village == nil, !reader.errors.contains(where: { $0.field == "village" }) {
            reader.fail("village", "is required when the place is village")
        }
        if let place, place != .village, village != nil, village != "" {
            reader.fail("village", "is only given for place village")
        }
        guard reader.isValid, let place else { return (nil, reader.errors) }
        return (Whereabouts(place: place, village: village, note: note.flatMap { $0.isEmpty ? nil : $0 }), [])
    }
}
