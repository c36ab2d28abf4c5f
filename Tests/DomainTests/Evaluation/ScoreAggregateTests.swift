import Testing

@testable import Domain

@Suite struct ScoreAggregateTests {
    /// Hand-computed: below five scores the plain mean, from five on one highest and one lowest
    /// dropped.
    @Test(arguments: [
        ([80], 80.0),
        ([80, 91], 85.5),
        ([60, 70, 80, 100], 77.5),
        ([60, 70, 80, 90, 100], 80.0),
        ([0, 50, 50, 60, 70, 100], 57.5),
        ([100, 100, 100, 100, 100], 100.0),
        ([10, 10, 10, 10, 90], 10.0),
    ])
    func trimmedMeanMatchesHandComputation(scores: [Int], expected: Double) {
        var aggregate = ScoreAggregate()
        scores.forEach { aggregate.add($0) }
        #expect(aggregate.trimmedMean == expected)
    }

    @Test func emptyAggregateHasNoMean() {
        #expect(ScoreAggregate().trimmedMean == nil)
    }

    @Test func dropsOnlyOneOfSeveralEqualExtremes() {
        var aggregate = ScoreAggregate()
        [0, 0, 50, 100, 100].forEach { aggregate.add($0) }
        // (0 + 50 + 100) / 3: one 0 and one 100 stay.
        #expect(aggregate.trimmedMean == 50.0)
        #expect(aggregate.count == 5)
        #expect(aggregate.min == 0 && aggregate.max == 100)
    }

    @Test func tracksNegativeScoresFromFirstAdd() {
        var aggregate = ScoreAggregate()
        aggregate.add(-5)
        aggregate.add(-9)
        #expect(aggregate.min == -9)
        #expect(aggregate.max == -5)
        #expect(aggregate.sum == -14)
    }

    @Test func mergingEqualsAddingEveryScoreToOne() {
        var left = ScoreAggregate()
        var right = ScoreAggregate()
        var whole = ScoreAggregate()
        for score in [40, 95, 70] {
            left.add(score)
            whole.add(score)
        }
        for score in [10, 88] {
            right.add(score)
            whole.add(score)
        }
        #expect(left.merging(right) == whole)
        #expect(right.merging(left) == whole)
        #expect(whole.merging(ScoreAggregate()) == whole)
        #expect(ScoreAggregate().merging(whole) == whole)
    }
}
