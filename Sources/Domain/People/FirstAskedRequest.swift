/// A matter a person raised with the first cadre they asked (首问责任制, contract §12). Its
/// summary and contact may name people: never on a public route, in a log line or a metric.
public struct FirstAskedRequest: Sendable, Equatable {
    public enum State: String, Sendable, CaseIterable {
        /// Held by the first cadre.
        case open
        /// Passed on, waiting to be accepted.
        case passed
        case accepted
        case resolved
    }

    public var id: Int64
    public var townshipID: Int64
    public var summary: String
    public var contact: String?
    public var firstCadreID: Int64
    public var state: State
    /// The cadre holding it (the first cadre while open; the acceptor once accepted).
    public var holderCadreID: Int64?
    /// The department holding it, or for `passed` the one it was passed to.
    public var departmentID: Int64?
    /// For `passed`: the cadre it was passed to, if named.
    public var passedToCadreID: Int64?
    public var filedOn: CalendarDay
    public var due: CalendarDay
    public var resolvedOn: CalendarDay?
    public var outcome: String?
    public var resolvedByCadreID: Int64?

    public init(
        id: Int64, townshipID: Int64, summary: String, contact: String?, firstCadreID: Int64, state: State,
        holderCadreID: Int64?, departmentID: Int64?, passedToCadreID: Int64?, filedOn: CalendarDay, due: CalendarDay,
        resolvedOn: CalendarDay?, outcome: String?, resolvedByCadreID: Int64?
    ) {
        self.id = id
        self.townshipID = townshipID
        self.summary = summary
        self.contact = contact
        self.firstCadreID = firstCadreID
        self.state = state
        self.holderCadreID = holderCadreID
        self.departmentID = departmentID
        self.passedToCadreID = passedToCadreID
        self.filedOn = filedOn
        self.due = due
        self.resolvedOn = resolvedOn
        self.outcome = outcome
        self.resolvedByCadreID = resolvedByCadreID
    }

    /// Unresolved after its due date.
    public func overdue(today: CalendarDay) -> Bool { state != .resolved && today > due }

    /// Days a person has by default before a matter is overdue.
    public static let defaultDays = 7

    /// Who takes a step: an admin (or root), or a cadre by id.
    public enum Actor: Sendable, Equatable {
        case admin
        case cadre(Int64, departmentID: Int64?)
    }

    /// Why a step may not be taken now.
    public enum StepError: Error, Equatable, Sendable {
        /// Not in a state the step starts from (409).
        case outOfTurn(State)
        /// This caller may not take it (403).
        case notYours
    }

    /// Passes the matter on (from `open` or `accepted`, by the holder or an admin).
    public mutating func handOff(to departmentID: Int64, cadreID: Int64?, by actor: Actor) throws(StepError) {
        guard state == .open || state == .accepted else { throw .outOfTurn(state) }
        if case .cadre(let id, _) = actor, id != holderCadreID { throw .notYours }
        state = .passed
        self.departmentID = departmentID
        passedToCadreID = cadreID
        holderCadreID = nil
    }

    /// Accepts a passed matter: the named cadre, else any cadre of that department, or an admin.
    public mutating func accept(by actor: Actor) throws(StepError) {
        guard state == .passed else { throw .outOfTurn(state) }
        switch actor {
        case .admin:
            holderCadreID = passedToCadreID
        case .cadre(let id, let department):
            if let named = passedToCadreID {
                guard named == id else { throw .notYours }
            } else {
                guard department == departmentID else { throw .notYours }
            }
            holderCadreID = id
        }
        state = .accepted
        passedToCadreID = nil
    }

    /// Resolves the matter (from `open` or `accepted`, by the holder or an admin).
    public mutating func resolve(outcome: String, on day: CalendarDay, by actor: Actor) throws(StepError) {
        guard state == .open || state == .accepted else { throw .outOfTurn(state) }
        if case .cadre(let id, _) = actor, id != holderCadreID { throw .notYours }
        state = .resolved
        self.outcome = outcome
        resolvedOn = day
        resolvedByCadreID = holderCadreID
    }
}
