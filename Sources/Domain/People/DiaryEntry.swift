/// A visit diary entry (民情日记, contract §12). Its summary and issues may name villagers: it is
/// never shown on a public route, in a log line or in a metric.
public struct DiaryEntry: Sendable, Equatable {
    public var date: CalendarDay
    public var village: String
    public var households: Int?
    public var summary: String
    public var issues: [String]

    public init(date: CalendarDay, village: String, households: Int? = nil, summary: String, issues: [String] = []) {
        self.date = date
        self.village = village
        self.households = households
        self.summary = summary
        self.issues = issues
    }

    public static let summaryLimit = 2000
    public static let issueLimit = 500
    public static let issuesLimit = 20

    /// Reads an entry: `date` not after `today`, `village` and `summary` required.
    public static func read(_ object: JSONObject, today: CalendarDay) -> (entry: DiaryEntry?, errors: [FieldError]) {
        var reader = JSONObjectReader(object)
        let dateText = reader.string("date")
        let date = dateText.flatMap(CalendarDay.init)
        if dateText != nil {
            if date == nil {
                reader.fail("date", "must be a date YYYY-MM-DD")
            } else if let date, date > today {
                reader.fail("date", "must not be after today (\(today))")
            }
        }
        let village = reader.string("village", minLength: 1, maxLength: 100)
        let households = reader.int("households", required: false, range: 0...10_000)
        let summary = reader.string("summary", minLength: 1, maxLength: summaryLimit)
        var issues: [String] = []
        if let array = reader.array("issues", required: false) {
            if array.count > issuesLimit { reader.fail("issues", "at most \(issuesLimit) issues") }
            for (index, value) in array.prefix(issuesLimit).enumerated() {
                guard let text = value.stringValue, (1...issueLimit).contains(text.unicodeScalars.count) else {
                    reader.fail("issues[\(index)]", "must be text of 1–\(issueLimit) characters")
                    continue
                }
                issues.append(text)
            }
        }
        reader.finish(allowed: ["date", "village", "households", "summary", "issues"])
        guard reader.isValid, let date, let village, let summary else { return (nil, reader.errors) }
        return (
            DiaryEntry(
                date: date, village: village, households: households.map(Int.init), summary: summary, issues: issues),
            []
        )
    }

    public var json: JSONObject {
        [
            "date": .string(date.text), "village": .string(village),
            "households": households.map { .int(Int64($0)) } ?? .null, "summary": .string(summary),
            "issues": .array(issues.map(JSONValue.string)),
        ]
    }
}
