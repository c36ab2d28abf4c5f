/// Ordering and competition ranking of result rows (§6).
///
/// Cadres and departments: scored subjects first, by composite descending, then net votes
/// descending, then id ascending. Ranks are competition ranks ("1, 2, 2, 4"): a row shares the
/// rank of the row before it when both its composite and its net are equal to that row's,
/// compared on the unrounded values, so two composites that print alike but differ still rank
/// apart; otherwise its rank is its 1-based position. Unscored subjects follow, by net
/// descending then id ascending, with no rank.
///
/// Projects: by net descending, then most-satisfied votes descending, then id ascending; ranks
/// are competition ranks on equal net and equal most.
enum Ranking {
    /// Orders scored-kind rows and writes their ranks through `setRank`.
    static func scored<Row>(
        _ rows: [Row], id: KeyPath<Row, Int>, composite: KeyPath<Row, Double?>, net: KeyPath<Row, Int>,
        setRank: (inout Row, Int?) -> Void
    ) -> [Row] {
        let scored = rows.filter { $0[keyPath: composite] != nil }.sorted { a, b in
            let (ca, cb) = (a[keyPath: composite]!, b[keyPath: composite]!)
            if ca != cb { return ca > cb }
            if a[keyPath: net] != b[keyPath: net] { return a[keyPath: net] > b[keyPath: net] }
            return a[keyPath: id] < b[keyPath: id]
        }
        let unscored = rows.filter { $0[keyPath: composite] == nil }.sorted { a, b in
            if a[keyPath: net] != b[keyPath: net] { return a[keyPath: net] > b[keyPath: net] }
            return a[keyPath: id] < b[keyPath: id]
        }
        let ranks = competitionRanks(scored) { a, b in
            a[keyPath: composite] == b[keyPath: composite] && a[keyPath: net] == b[keyPath: net]
        }
        var ordered = scored
        for index in ordered.indices {
            setRank(&ordered[index], ranks[index])
        }
        for var row in unscored {
            setRank(&row, nil)
            ordered.append(row)
        }
        return ordered
    }

    /// Orders project rows and sets their ranks.
    static func projects(_ rows: [ProjectResult]) -> [ProjectResult] {
        var ordered = rows.sorted { a, b in
            if a.net != b.net { return a.net > b.net }
            if a.most != b.most { return a.most > b.most }
            return a.projectID < b.projectID
        }
        let ranks = competitionRanks(ordered) { $0.net == $1.net && $0.most == $1.most }
        for index in ordered.indices {
            ordered[index].rank = ranks[index]
        }
        return ordered
    }

    /// Competition ranks of an already ordered list: each element takes its 1-based position,
    /// unless it `tied` with the one before, in which case it takes that one's rank.
    static func competitionRanks<Row>(_ ordered: [Row], tied: (Row, Row) -> Bool) -> [Int] {
        var ranks: [Int] = []
        ranks.reserveCapacity(ordered.count)
        for index in ordered.indices {
            if index > 0, tied(ordered[index - 1], ordered[index]) {
                ranks.append(ranks[index - 1])
            } else {
                ranks.append(index + 1)
            }
        }
        return ranks
    }
}
