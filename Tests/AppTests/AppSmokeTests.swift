import Testing
@testable import App

@Test func moduleLoads() { #expect(Bool(true)) }
