import Foundation
import Testing

@testable import Domain

@Suite struct ScoresTests {
    @Test(arguments: [
        (85.8666, 85.87, "85.87"),
        (85.0, 85.0, "85.00"),
        (0.5, 0.5, "0.50"),
        (3.14159, 3.14, "3.14"),
        (0.004, 0.0, "0.00"),
        (99.996, 100.0, "100.00"),
        (-2.5, -2.5, "-2.50"),
        (-0.126, -0.13, "-0.13"),
        // True halves that binary puts a hair below the half still round away from zero.
        (1.005, 1.01, "1.01"),
        (0.995, 1.0, "1.00"),
        (2.675, 2.68, "2.68"),
        (-1.005, -1.01, "-1.01"),
        (199.0 / 200, 1.0, "1.00"),  // a composite weighted 1:1:198, as a round computes it
        (201.0 / 200, 1.01, "1.01"),
        (1.00499, 1.0, "1.00"),
    ])
    func roundsToTwoDecimalsOnlyForOutput(value: Double, rounded: Double, text: String) {
        #expect(Scores.rounded(value) == rounded)
        #expect(Scores.text(value) == text)
    }

    @Test func encodesRoundedScores() throws {
        let scores = Scores(villageTime: 82.5, attitude: 90.1, completion: 85, composite: 85.8666)
        #expect(try Self.json(scores) == #"{"attitude":90.1,"completion":85,"composite":85.87,"village_time":82.5}"#)
    }

    @Test func unscoredCadreEncodesExplicitNulls() throws {
        let row = CadreResult(
            cadreID: 12, name: "张三", departmentID: 3, department: "民政办", most: 2, least: 5, n: 0,
            scores: .unscored, rank: nil, byCategory: [:])
        let expected =
            #"{"by_category":{},"cadre_id":12,"department":"民政办","department_id":3,"least":5,"most":2,"n":0,"#
            + #""name":"张三","net":-3,"rank":null,"#
            + #""scores":{"attitude":null,"completion":null,"composite":null,"village_time":null}}"#
        #expect(try Self.json(row) == expected)
    }

    @Test func resultsUseTheContractsKeys() throws {
        let breakdown = CategoryBreakdown(
            n: 3, scores: Scores(villageTime: 1, attitude: 1, completion: 1, composite: 1))
        let results = RoundResults(
            cadres: [],
            departments: [
                DepartmentResult(
                    departmentID: 3, name: "民政办", most: 9, least: 2, n: 35, scores: .unscored, rank: 1,
                    byCategory: [.villageCadre: breakdown])
            ],
            projects: [ProjectResult(projectID: 7, title: "修建村道", most: 15, least: 0, rank: 1)],
            designations: Designations(mostSatisfied: DesignatedIDs(projects: [7]), leastSatisfied: DesignatedIDs()))
        let json = try Self.json(results)
        for fragment in [
            #""by_category":{"village_cadre":{"n":3,"#, #""department_id":3"#, #""net":7"#,
            #""project_id":7,"rank":1,"title":"修建村道""#,
            #""designations":{"least_satisfied":{"cadres":[],"departments":[],"projects":[]},"#
                + #""most_satisfied":{"cadres":[],"departments":[],"projects":[7]}}"#,
        ] {
            #expect(json.contains(fragment), "\(fragment)")
        }
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
