extension MonthlyCheck {
    /// Reads a check body for `monthText` (the path's month) of a project that starts on
    /// `start` and is due on `due`, on `today`: progress 0–100, an assessment, `done` exactly
    /// when progress is 100, a note of at most 500 characters, and a month from the start's
    /// through today's. A project without both dates takes no checks.
    public static func read(
        _ object: JSONObject, monthText: String, start: CalendarDay?, due: CalendarDay?, today: CalendarDay
    ) -> (check: MonthlyCheck?, errors: [FieldError]) {
        var reader = JSONObjectReader(object)
        let progress = reader.int("progress", range: 0...100)
        let assessmentText = reader.string("assessment")
        let assessment = assessmentText.flatMap(CheckAssessment.init(rawValue:))
        if assessmentText != nil, assessment == nil {
            reader.fail(
                "assessment", "must be one of \(CheckAssessment.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let note = reader.nullableString("note", maxLength: noteLimit)
        reader.finish(allowed: ["progress", "assessment", "note"])
        if let progress, let assessment, (progress == 100) != (assessment == .done) {
            reader.fail(
                "assessment", progress == 100 ? "must be done when progress is 100" : "done needs progress 100")
        }
        let month = CalendarMonth(monthText)
        if month == nil {
            reader.fail("month", "must be a month YYYY-MM")
        } else if let month {
            if let start, due != nil {
                if month < start.calendarMonth || month > today.calendarMonth {
                    reader.fail(
                        "month",
                        "must lie between the start month \(start.calendarMonth) and this month \(today.calendarMonth)")
                }
            } else {
                reader.fail("month", "the project has no start and due, so it takes no checks")
            }
        }
        guard reader.isValid, let month, let progress, let assessment else { return (nil, reader.errors) }
        return (
            MonthlyCheck(
                month: month, progress: Int(progress), assessment: assessment,
                note: note.value.flatMap { $0.isEmpty ? nil : $0 }), []
        )
    }

    public var json: JSONObject {
        [
            "month": .string(month.text), "progress": .int(Int64(progress)),
            "assessment": .string(assessment.rawValue), "note": note.map(JSONValue.string) ?? .null,
        ]
    }
}
