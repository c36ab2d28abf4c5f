import Domain
import Primitives
import Store

/// Whereabouts and visit diaries (contract §12), on either backend.
struct SQLPeopleRepository: PeopleRepository {
    let session: any SQLSession
    let clock: any TimeSource

    func setWhereabouts(_ whereabouts: Whereabouts, cadreID: Int64, day: CalendarDay) throws -> String {
        let now = clock.timestamp()
        try session.run(
            """
            INSERT INTO whereabouts (cadre_id, day, place, village, note, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (cadre_id, day) DO UPDATE SET place = excluded.place, village = excluded.village,
                note = excluded.note, updated_at = excluded.updated_at
            """, [cadreID, day.text, whereabouts.place.rawValue, whereabouts.village, whereabouts.note, now])
        return now
    }

    func whereaboutsBoard(townshipID: Int64, day: CalendarDay) throws -> [WhereaboutsLine] {
        try session.query(
            """
            SELECT c.id, c.name, d.name, c.post, w.place, w.village, w.note, w.updated_at
            FROM cadres c
            LEFT JOIN departments d ON d.id = c.department_id
            LEFT JOIN whereabouts w ON w.cadre_id = c.id AND w.day = ?
            WHERE c.township_id = ? AND c.status = 'active'
            ORDER BY c.department_id, c.id
            """, [day.text, townshipID]
        ) { row in
            let entry = row.optionalString(4).flatMap(Place.init(rawValue:)).map {
                Whereabouts(place: $0, village: row.optionalString(5), note: row.optionalString(6))
            }
            return WhereaboutsLine(
                cadreID: row.int64(0), name: row.string(1), department: row.optionalString(2),
                post: row.optionalString(3), entry: entry, updatedAt: row.optionalString(7))
        }
    }

    func villageDays(townshipID: Int64, from: CalendarDay, to: CalendarDay) throws -> [Int64: Int] {
        let rows = try session.query(
            """
            SELECT cadre_id, count(DISTINCT day) FROM (
                SELECT d.cadre_id, d.date AS day FROM diary_entries d JOIN cadres c ON c.id = d.cadre_id
                WHERE c.township_id = ? AND d.date BETWEEN ? AND ?
                UNION
                SELECT w.cadre_id, w.day FROM whereabouts w JOIN cadres c ON c.id = w.cadre_id
                WHERE c.township_id = ? AND w.place = 'village' AND w.day BETWEEN ? AND ?
            ) AS days GROUP BY cadre_id
            """, [townshipID, from.text, to.text, townshipID, from.text, to.text]
        ) { ($0.int64(0), $0.int(1)) }
        return Dictionary(uniqueKeysWithValues: rows)
    }

    func addDiaryEntry(_ entry: DiaryEntry, cadreID: Int64) throws -> StoredDiaryEntry {
        let now = clock.timestamp()
        let id = try session.queryOne(
            """
            INSERT INTO diary_entries (cadre_id, date, village, households, summary, issues, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
            """,
            [
                cadreID, entry.date.text, entry.village, entry.households.map(Int64.init), entry.summary,
                JSONWriter.encodeString(.array(entry.issues.map(JSONValue.string))), now,
            ]
        ) { $0.int64(0) }
        return StoredDiaryEntry(id: id ?? 0, cadreID: cadreID, entry: entry, createdAt: now)
    }

    func diary(cadreID: Int64, from: CalendarDay?, to: CalendarDay?) throws -> [StoredDiaryEntry] {
        try session.query(
            """
            SELECT id, date, village, households, summary, issues, created_at FROM diary_entries
            WHERE cadre_id = ? AND date >= ? AND date <= ? ORDER BY date, id
            """, [cadreID, from?.text ?? "0000-00-00", to?.text ?? "9999-99-99"]
        ) { row in
            let issues = (try? JSONParser.parse(row.string(5)))?.arrayValue?.compactMap(\.stringValue) ?? []
            let entry = DiaryEntry(
                date: CalendarDay(row.string(1)) ?? CalendarDay(daysSince1970: 0), village: row.string(2),
                households: row.optionalInt(3), summary: row.string(4), issues: issues)
            return StoredDiaryEntry(id: row.int64(0), cadreID: cadreID, entry: entry, createdAt: row.string(6))
        }
    }
}
