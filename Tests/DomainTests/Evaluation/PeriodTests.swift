import Foundation
import Testing

@testable import Domain

@Suite struct PeriodTests {
    @Test(arguments: [
        ("2026-H1", RoundKind.semiannual, 2026, 1),
        ("2026-H2", .semiannual, 2026, 2),
        ("2026-Q1", .quarterly, 2026, 1),
        ("2026-Q4", .quarterly, 2026, 4),
        ("2000-H1", .semiannual, 2000, 1),
        ("2100-Q3", .quarterly, 2100, 3),
    ])
    func parsesHalvesAndQuarters(text: String, kind: RoundKind, year: Int, part: Int) throws {
        let period = try #require(Period(text))
        #expect(period.kind == kind)
        #expect(period.year == year)
        #expect(period.part == part)
        #expect(period.description == text)
        #expect(Period(text, kind: kind) == period)
    }

    @Test(arguments: [
        "2026-H3", "2026-H0", "2026-Q0", "2026-Q5", "1999-H2", "2101-Q1", "26-H1", "2026H1",
        "2026-h1", "2026-q1", "2026-H1 ", " 2026-H1", "2026-H12", "２０２６-H1", "", "2026-X1",
    ])
    func rejectsMalformedPeriods(text: String) {
        #expect(Period(text) == nil)
    }

    @Test(arguments: [("2026-Q1", RoundKind.semiannual), ("2026-H2", .quarterly)])
    func rejectsPeriodOfTheOtherKind(text: String, kind: RoundKind) {
        #expect(Period(text, kind: kind) == nil)
    }

    @Test func codesAsItsText() throws {
        let period = try #require(Period("2026-H2"))
        let json = String(decoding: try JSONEncoder().encode([period]), as: UTF8.self)
        #expect(json == #"["2026-H2"]"#)
        #expect(try JSONDecoder().decode([Period].self, from: Data(json.utf8)) == [period])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Period].self, from: Data(#"["2026-H9"]"#.utf8))
        }
    }

    @Test func vocabularyRawValuesAreTheContractsJSONKeys() {
        #expect(Supervision.allCases.map(\.rawValue) == ["village_time", "attitude", "completion"])
        #expect(
            EvaluatorCategory.allCases.map(\.rawValue) == [
                "deputy", "village_cadre", "retired_cadre", "contact_household",
            ])
        #expect(ProjectBoard.allCases.map(\.rawValue) == ["service", "relief", "prosperity"])
        #expect(RoundState.allCases.map(\.rawValue) == ["draft", "open", "closed", "published"])
        #expect(CadreStatus.allCases.map(\.rawValue) == ["active", "suspended", "left"])
        #expect(RoundKind.allCases.map(\.rawValue) == ["semiannual", "quarterly"])
    }
}
