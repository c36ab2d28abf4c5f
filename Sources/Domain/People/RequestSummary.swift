/// The year's first-asked requests counted per cadre (contract §12): `filed` for the first cadre,
/// `resolved` and `resolved_on_time` for the cadre that resolved it, `overdue` (unresolved and
/// past due today) for the current holder.
public enum RequestSummary {
    public struct Counts: Sendable, Equatable {
        public var filed = 0
        public var resolved = 0
        public var resolvedOnTime = 0
        public var overdue = 0

        public init() {}

        public mutating func add(_ other: Counts) {
            filed += other.filed
            resolved += other.resolved
            resolvedOnTime += other.resolvedOnTime
            overdue += other.overdue
        }
    }

    public static func counts(_ requests: [FirstAskedRequest], today: CalendarDay) -> [Int64: Counts] {
        var counts: [Int64: Counts] = [:]
        for request in requests {
            counts[request.firstCadreID, default: .init()].filed += 1
            if request.state == .resolved, let by = request.resolvedByCadreID {
                counts[by, default: .init()].resolved += 1
                if let day = request.resolvedOn, day <= request.due { counts[by, default: .init()].resolvedOnTime += 1 }
            }
            if request.overdue(today: today), let holder = request.holderCadreID {
                counts[holder, default: .init()].overdue += 1
            }
        }
        return counts
    }

    public static func json(_ counts: Counts, id: (String, Int64), name: String) -> JSONObject {
        [
            id.0: .int(id.1), "name": .string(name), "filed": .int(Int64(counts.filed)),
            "resolved": .int(Int64(counts.resolved)), "resolved_on_time": .int(Int64(counts.resolvedOnTime)),
            "overdue": .int(Int64(counts.overdue)),
        ]
    }
}
