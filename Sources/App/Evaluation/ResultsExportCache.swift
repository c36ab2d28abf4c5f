import HTTPCore
import Primitives

/// `results.csv` and `results.xlsx` of closed rounds, made once each. A closed round's results
/// never change, and making the table parses them again (about 1 MB of JSON for 2,000
/// subjects): 200 downloads by 16 clients left the process 180 MB larger for good (issue 19).
/// Holds the newest `capacity` files; the oldest is dropped first.
final class ResultsExportCache: Sendable {
    static let capacity = 32
    private struct Key: Equatable {
        var roundID: Int64
        var format: ExportFormat
    }
    private let entries = Locked<[(key: Key, file: [UInt8])]>([])

    /// The file of `roundID` in `format`, made by `make` on the first request.
    func file(roundID: Int64, format: ExportFormat, make: () throws -> [UInt8]) throws -> [UInt8] {
        let key = Key(roundID: roundID, format: format)
        if let hit = entries.withLock({ $0.first { $0.key == key }?.file }) { return hit }
        let file = try make()
        entries.withLock { entries in
            guard !entries.contains(where: { $0.key == key }) else { return }
            if entries.count == Self.capacity { entries.removeFirst() }
            entries.append((key, file))
        }
        return file
    }
}
