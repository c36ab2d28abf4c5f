import Testing
@testable import HTTPCore

@Test func moduleLoads() { #expect(Bool(true)) }
