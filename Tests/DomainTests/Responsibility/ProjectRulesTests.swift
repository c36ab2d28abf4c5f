import Domain
import Testing

struct ProjectRulesTests {
    let project: JSONObject = [
        "id": 7, "start": "2026-03-01", "due": "2026-08-31", "state": "active", "original_due": nil, "due_changes": 0,
    ]

    @Test func aDueChangeNeedsAReasonAndIsCounted() {
        let refused = ProjectRules.patch(current: project, changes: ["due": "2026-09-30"])
        #expect(refused.errors.map(\.field) == ["due_change_reason"])

        let (plan, errors) = ProjectRules.patch(
            current: project, changes: ["due": "2026-09-30", "due_change_reason": "雨季停工"])
        #expect(errors.isEmpty)
        #expect(plan.columns["due"] == "2026-09-30")
        #expect(plan.columns["original_due"] == "2026-08-31")
        #expect(plan.columns["due_changes"] == 1)
        #expect(plan.columns["due_change_reason"] == nil)
        #expect(plan.events.map(\.0) == [.dueChanged])
        #expect(plan.events.first?.1 == ["from": "2026-08-31", "to": "2026-09-30", "reason": "雨季停工"])
    }

    @Test func theOriginalDueIsTheFirstOne() {
        var changed = project
        changed["due"] = "2026-09-30"
        changed["original_due"] = "2026-08-31"
        changed["due_changes"] = 1
        let (plan, errors) = ProjectRules.patch(
            current: changed, changes: ["due": "2026-10-31", "due_change_reason": "再延期"])
        #expect(errors.isEmpty)
        #expect(plan.columns["original_due"] == "2026-08-31")
        #expect(plan.columns["due_changes"] == 2)
    }

    @Test func settingAFirstDueOrTheSameDueIsNoChange() {
        var unscheduled = project
        unscheduled["due"] = nil
        let first = ProjectRules.patch(current: unscheduled, changes: ["due": "2026-09-30"])
        #expect(first.errors.isEmpty)
        #expect(first.plan.columns["due_changes"] == nil)
        #expect(first.plan.events.isEmpty)
        let same = ProjectRules.patch(current: project, changes: ["due": "2026-08-31"])
        #expect(same.errors.isEmpty && same.plan.events.isEmpty)
    }

    @Test func aReasonWithoutItsChangeIsRefused() {
        let (_, errors) = ProjectRules.patch(
            current: project, changes: ["title": "新标题", "due_change_reason": "x", "state_change_reason": "y"])
        #expect(errors.map(\.field) == ["due_change_reason", "state_change_reason"])
    }

    @Test func cancellingNeedsAReasonAndIsRecorded() {
        #expect(
            ProjectRules.patch(current: project, changes: ["state": "cancelled"]).errors.map(\.field) == [
                "state_change_reason"
            ])
        let (plan, errors) = ProjectRules.patch(
            current: project, changes: ["state": "cancelled", "state_change_reason": "上级调整"])
        #expect(errors.isEmpty)
        #expect(plan.events.first?.0 == .stateChanged)
        #expect(plan.events.first?.1 == ["from": "active", "to": "cancelled", "reason": "上级调整"])
    }

    @Test func dueBeforeStartIsRefusedOnCreateAndPatch() {
        #expect(ProjectRules.checkCreate(["start": "2026-05-01", "due": "2026-04-30"]).map(\.field) == ["due"])
        #expect(ProjectRules.checkCreate(["start": "2026-05-01", "due": "2026-05-01"]).isEmpty)
        #expect(
            ProjectRules.checkCreate(["start": "2026-05-01", "due": "2026-04-30"], path: "[2]", row: 2).first
                == FieldError(field: "[2].due", message: "must not be before start", row: 2))
        #expect(ProjectRules.patch(current: project, changes: ["start": "2026-09-01"]).errors.map(\.field) == ["start"])
        #expect(
            ProjectRules.patch(current: project, changes: ["due": "2026-02-01", "due_change_reason": "x"]).errors.map(
                \.field) == ["due"])
    }
}

extension ProjectRulesTests {
    @Test func aCheckedProjectKeepsItsDatesAndItsStartBeforeTheFirstCheck() {
        let checked = [CalendarMonth("2026-04")!, CalendarMonth("2026-05")!]
        let cleared = ProjectRules.patch(
            current: project, changes: ["start": nil, "due": nil, "due_change_reason": "x"], checkedMonths: checked)
        #expect(cleared.errors.map(\.field) == ["start", "due"])
        let later = ProjectRules.patch(current: project, changes: ["start": "2026-05-01"], checkedMonths: checked)
        #expect(later.errors.map(\.field) == ["start"])
        #expect(
            ProjectRules.patch(current: project, changes: ["start": "2026-04-30"], checkedMonths: checked).errors
                .isEmpty)
        #expect(ProjectRules.patch(current: project, changes: ["start": nil]).errors.isEmpty)  // no checks yet
    }
}
