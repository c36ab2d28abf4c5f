import Foundation
import Testing

@testable import Domain

/// A rule-breaking setting and the field paths it must be reported on.
struct RulesCase: Sendable, CustomTestStringConvertible {
    let name: String
    let rules: RoundRules
    let fields: [String]
    var testDescription: String { name }
}

@Suite struct RoundRulesTests {
    static let allFour: [EvaluatorCategory: Double] = [
        .deputy: 3, .villageCadre: 2, .retiredCadre: 2, .contactHousehold: 3,
    ]

    @Test func defaultsAreTheContracts() {
        let rules = RoundRules()
        #expect(rules.scale == Scale(min: 0, max: 100))
        #expect(rules.weights == SupervisionWeights(villageTime: 1, attitude: 1, completion: 1))
        #expect(rules.categoryWeights == nil)
        #expect(rules.leastThreshold == 0.3)
        #expect(rules.minGroup == 3)
        #expect(rules.validate().isEmpty)
    }

    static let broken: [RulesCase] = [
        RulesCase(name: "min equal to max", rules: RoundRules(scale: Scale(min: 5, max: 5)), fields: ["scale.max"]),
        RulesCase(name: "min above max", rules: RoundRules(scale: Scale(min: 10, max: 1)), fields: ["scale.max"]),
        RulesCase(
            name: "scale beyond the limit", rules: RoundRules(scale: Scale(min: -2_000_000, max: 10)),
            fields: ["scale.min"]),
        RulesCase(
            name: "negative weight", rules: RoundRules(weights: SupervisionWeights(attitude: -1)),
            fields: ["weights.attitude"]),
        RulesCase(
            name: "NaN weight", rules: RoundRules(weights: SupervisionWeights(villageTime: .nan)),
            fields: ["weights.village_time"]),
        RulesCase(
            name: "infinite weight", rules: RoundRules(weights: SupervisionWeights(completion: .infinity)),
            fields: ["weights.completion"]),
        RulesCase(
            name: "weights summing to 0",
            rules: RoundRules(weights: SupervisionWeights(villageTime: 0, attitude: 0, completion: 0)),
            fields: ["weights"]),
        RulesCase(
            name: "category weights missing a category",
            rules: RoundRules(categoryWeights: allFour.filter { $0.key != .deputy }),
            fields: ["category_weights.deputy"]),
        RulesCase(
            name: "negative category weight",
            rules: RoundRules(categoryWeights: allFour.merging([.retiredCadre: -0.5]) { $1 }),
            fields: ["category_weights.retired_cadre"]),
        RulesCase(
            name: "category weights summing to 0",
            rules: RoundRules(categoryWeights: allFour.mapValues { _ in 0 }), fields: ["category_weights"]),
        RulesCase(name: "threshold above 1", rules: RoundRules(leastThreshold: 1.5), fields: ["least_threshold"]),
        RulesCase(name: "negative threshold", rules: RoundRules(leastThreshold: -0.1), fields: ["least_threshold"]),
        RulesCase(name: "min_group 0", rules: RoundRules(minGroup: 0), fields: ["min_group"]),
        RulesCase(
            name: "several at once",
            rules: RoundRules(
                scale: Scale(min: 1, max: 0), weights: SupervisionWeights(completion: -2), leastThreshold: 2,
                minGroup: -1),
            fields: ["scale.max", "weights.completion", "least_threshold", "min_group"]),
    ]

    @Test(arguments: broken)
    func reportsEachBrokenSetting(_ row: RulesCase) {
        #expect(row.rules.validate().map(\.field) == row.fields)
    }

    @Test(arguments: [0.0, 1.0])
    func acceptsThresholdBounds(threshold: Double) {
        #expect(RoundRules(leastThreshold: threshold).validate().isEmpty)
    }

    @Test func acceptsCategoryWeightsWithSomeZeros() {
        let rules = RoundRules(categoryWeights: [.deputy: 1, .villageCadre: 0, .retiredCadre: 0, .contactHousehold: 0])
        #expect(rules.validate().isEmpty)
    }

    /// Panel members per category against `min_group` 3 for a weighted deputy group.
    @Test(arguments: [
        (3.0, 2, ["category_weights.deputy"]),
        (3.0, 1, ["category_weights.deputy"]),
        (3.0, 3, []),
        (3.0, 0, []),
        (0.0, 1, []),
    ])
    func openingRefusesSmallWeightedGroups(deputyWeight: Double, deputies: Int, fields: [String]) {
        let rules = RoundRules(categoryWeights: Self.allFour.merging([.deputy: deputyWeight]) { $1 })
        let panel: [EvaluatorCategory: Int] = [
            .deputy: deputies, .villageCadre: 5, .retiredCadre: 3, .contactHousehold: 9,
        ]
        #expect(rules.openingErrors(panel: panel).map(\.field) == fields)
    }

    @Test func openingWithoutCategoryWeightsAllowsAnyPanel() {
        #expect(RoundRules().openingErrors(panel: [.deputy: 1, .retiredCadre: 2]).isEmpty)
    }

    @Test func decodesTheContractsJSON() throws {
        let json = #"""
            {"scale":{"min":0,"max":10},"weights":{"village_time":2,"attitude":1,"completion":1},
             "category_weights":{"deputy":3,"village_cadre":2,"retired_cadre":2,"contact_household":3},
             "least_threshold":0.25,"min_group":4}
            """#
        let rules = try JSONDecoder().decode(RoundRules.self, from: Data(json.utf8))
        #expect(
            rules
                == RoundRules(
                    scale: Scale(min: 0, max: 10),
                    weights: SupervisionWeights(villageTime: 2, attitude: 1, completion: 1),
                    categoryWeights: Self.allFour, leastThreshold: 0.25, minGroup: 4))
    }
}
