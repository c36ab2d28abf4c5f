import Domain
import TestSupport
import Testing

/// The first-asked request's steps (contract §12): who may take each, from which state.
struct FirstAskedRequestTests {
    static let filed = FirstAskedRequest(
        id: 1, townshipID: 1, summary: "路灯不亮", contact: nil, firstCadreID: 10, state: .open, holderCadreID: 10,
        departmentID: 1, passedToCadreID: nil, filedOn: CalendarDay("2026-06-01")!, due: CalendarDay("2026-06-08")!,
        resolvedOn: nil, outcome: nil, resolvedByCadreID: nil)
    static let day = CalendarDay("2026-06-05")!

    enum Step: String, CaseIterable { case handOff, accept, resolve }

    static func take(_ step: Step, _ request: inout FirstAskedRequest, by actor: FirstAskedRequest.Actor)
        throws(FirstAskedRequest.StepError)
    {
        switch step {
        case .handOff: try request.handOff(to: 2, cadreID: nil, by: actor)
        case .accept: try request.accept(by: actor)
        case .resolve: try request.resolve(outcome: "已修复", on: day, by: actor)
        }
    }

    /// (state, step, allowed): handoffs and resolving from open or accepted, accepting from passed.
    static let turns: [(FirstAskedRequest.State, Step, Bool)] = FirstAskedRequest.State.allCases.flatMap { state in
        Step.allCases.map { step in
            let allowed =
                switch step {
                case .handOff, .resolve: state == .open || state == .accepted
                case .accept: state == .passed
                }
            return (state, step, allowed)
        }
    }

    @Test(arguments: turns)
    func aStepOutOfTurnIsRefused(state: FirstAskedRequest.State, step: Step, allowed: Bool) {
        var request = Self.filed
        request.state = state
        do {
            try Self.take(step, &request, by: .admin)
            #expect(allowed)
        } catch {
            #expect(!allowed)
            #expect(error == .outOfTurn(state))
        }
    }

    @Test func onlyTheHolderPassesOnAndTheNamedCadreOrItsDepartmentAccepts() throws {
        var request = Self.filed
        #expect(throws: FirstAskedRequest.StepError.notYours) {
            try request.handOff(to: 2, cadreID: 20, by: .cadre(11, departmentID: 1))
        }
        try request.handOff(to: 2, cadreID: 20, by: .cadre(10, departmentID: 1))
        #expect(request.state == .passed && request.holderCadreID == nil && request.departmentID == 2)
        #expect(throws: FirstAskedRequest.StepError.notYours) { try request.accept(by: .cadre(21, departmentID: 2)) }
        try request.accept(by: .cadre(20, departmentID: 2))
        #expect(request.state == .accepted && request.holderCadreID == 20)
        #expect(throws: FirstAskedRequest.StepError.notYours) {
            try request.resolve(outcome: "x", on: Self.day, by: .cadre(10, departmentID: 1))
        }
        try request.resolve(outcome: "已修复", on: Self.day, by: .cadre(20, departmentID: 2))
        #expect(request.resolvedByCadreID == 20 && request.resolvedOn == Self.day)

        var unnamed = Self.filed
        try unnamed.handOff(to: 2, cadreID: nil, by: .admin)
        #expect(throws: FirstAskedRequest.StepError.notYours) { try unnamed.accept(by: .cadre(30, departmentID: 3)) }
        try unnamed.accept(by: .cadre(21, departmentID: 2))
        #expect(unnamed.holderCadreID == 21)
    }

    @Test func overdueWhileUnresolvedAfterDue() {
        var request = Self.filed
        #expect(!request.overdue(today: CalendarDay("2026-06-08")!))
        #expect(request.overdue(today: CalendarDay("2026-06-09")!))
        request.state = .resolved
        #expect(!request.overdue(today: CalendarDay("2026-06-09")!))
    }

    @Test func theSummaryCountsEachForItsCadre() {
        var late = Self.filed
        late.id = 2
        var done = Self.filed
        done.id = 3
        done.state = .resolved
        done.resolvedByCadreID = 20
        done.resolvedOn = CalendarDay("2026-06-10")  // after due
        var onTime = done
        onTime.id = 4
        onTime.resolvedOn = CalendarDay("2026-06-08")
        let counts = RequestSummary.counts([late, done, onTime], today: CalendarDay("2026-06-20")!)
        #expect(counts[10]?.filed == 3 && counts[10]?.overdue == 1)
        #expect(counts[20]?.resolved == 2 && counts[20]?.resolvedOnTime == 1 && counts[20]?.filed == 0)
    }

    @Test func codesAreEightSymbolsTypedAnyWay() throws {
        var generator = SeededGenerator(seed: 7)
        let code = RequestCode.generate(using: &generator)
        #expect(code.value.count == 8 && code.display.count == 9)
        let typed = try #require(RequestCode(code.display.lowercased()))
        #expect(typed.digest == code.digest)
        #expect(RequestCode("ABCD-EFG") == nil && RequestCode("ABCD-EFGU") == nil)
        #expect(!"\(code)".contains(code.value))
    }
}
