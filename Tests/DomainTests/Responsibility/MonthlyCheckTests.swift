import Domain
import Testing

struct MonthlyCheckTests {
    let start = CalendarDay("2026-03-10")
    let due = CalendarDay("2026-09-30")
    let today = CalendarDay("2026-06-05")!

    func read(_ body: JSONObject, month: String = "2026-05", start: CalendarDay?? = nil) -> (MonthlyCheck?, [String]) {
        let (check, errors) = MonthlyCheck.read(
            body, monthText: month, start: start ?? self.start, due: due, today: today)
        return (check, errors.map(\.field))
    }

    @Test func aValidCheckIsRead() {
        let (check, errors) = read(["progress": 60, "assessment": "on_track", "note": "路基完成"])
        #expect(errors.isEmpty)
        #expect(
            check == MonthlyCheck(month: CalendarMonth("2026-05")!, progress: 60, assessment: .onTrack, note: "路基完成"))
        #expect(read(["progress": 100, "assessment": "done"]).1.isEmpty)
    }

    static let badBodies: [(JSONObject, String)] = {
        let long: JSONValue = .string(String(repeating: "字", count: 501))
        var bodies: [(JSONObject, String)] = []
        bodies.append((["progress": 100, "assessment": "on_track"], "assessment"))
        bodies.append((["progress": 99, "assessment": "done"], "assessment"))
        bodies.append((["progress": 101, "assessment": "on_track"], "progress"))
        bodies.append((["progress": -1, "assessment": "on_track"], "progress"))
        bodies.append((["progress": 50.5, "assessment": "on_track"], "progress"))
        bodies.append((["progress": 50, "assessment": "late"], "assessment"))
        bodies.append((["assessment": "on_track"], "progress"))
        bodies.append((["progress": 50], "assessment"))
        bodies.append((["progress": 50, "assessment": "behind", "note": long], "note"))
        bodies.append((["progress": 50, "assessment": "behind", "by": "张三"], "by"))
        return bodies
    }()

    @Test(arguments: badBodies)
    func badBodiesNameTheField(body: JSONObject, field: String) {
        let (check, errors) = read(body)
        #expect(check == nil)
        #expect(errors == [field])
    }

    @Test(arguments: [
        ("2026-02", false), ("2026-03", true), ("2026-06", true), ("2026-07", false), ("2026-13", false),
        ("26-05", false),
    ])
    func theMonthLiesBetweenTheStartMonthAndThisMonth(month: String, accepted: Bool) {
        let (check, errors) = read(["progress": 10, "assessment": "on_track"], month: month)
        #expect((check != nil) == accepted)
        #expect(errors == (accepted ? [] : ["month"]))
    }

    @Test func aProjectWithoutStartAndDueTakesNoChecks() {
        let (check, errors) = read(["progress": 10, "assessment": "on_track"], start: .some(nil))
        #expect(check == nil)
        #expect(errors == ["month"])
    }

    @Test func aNoteOf500CharactersIsKept() {
        let note = String(repeating: "字", count: 500)
        #expect(read(["progress": 10, "assessment": "on_track", "note": .string(note)]).0?.note == note)
    }
}
