import HTTPCore
import Primitives

/// `results.csv` of closed rounds, made once each. A closed round's results never change, and
/// making the table parses them again (about 1 MB of JSON for 2,000 subjects): 200 downloads
/// by 16 clients left the process 180 MB larger for good (issue 19). Holds the newest
/// `capacity` tables; the oldest is dropped first.
final class ResultsCSVCache: Sendable {
    static let capacity = 32
    private let entries = Locked<[(roundID: Int64, csv: [UInt8])]>([])

    /// The table of `roundID`, made by `make` on the first request.
    func csv(roundID: Int64, make: () throws -> [UInt8]) throws -> [UInt8] {
        if let hit = entries.withLock({ $0.first { $0.roundID == roundID }?.csv }) { return hit }
        let csv = try make()
        entries.withLock { entries in
            guard !entries.contains(where: { $0.roundID == roundID }) else { return }
            if entries.count == Self.capacity { entries.removeFirst() }
            entries.append((roundID, csv))
        }
        return csv
    }
}
