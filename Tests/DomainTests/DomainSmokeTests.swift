import Testing
@testable import Domain

@Test func moduleLoads() { #expect(Bool(true)) }
