import Glibc
import HTTPCore
import TestSupport
import Testing

/// HTTP/1.1 conformance on a real socket: each row of the tables in `ConformanceCases+*.swift`
/// sends raw bytes on a new connection to one shared live server and checks every status it
/// answers (so a smuggled request that gets answered shows as an extra status) and whether the
/// connection is closed. Rows follow Http11Probe (github.com/MDA2AV/Http11Probe), whose
/// MUST-level cases must all pass; where the RFC lets a server choose, the row records DuPing's
/// strict choice, and a comment says so when it is not the obvious one.
@Suite struct ConformanceTests {
    @Test(arguments: ConformanceCase.contentLength + ConformanceCase.transferEncoding)
    func framing(_ row: ConformanceCase) throws {
        try check(row)
    }

    @Test(arguments: ConformanceCase.chunked + ConformanceCase.desync)
    func chunkedAndDesync(_ row: ConformanceCase) throws {
        try check(row)
    }

    @Test(arguments: ConformanceCase.lines + ConformanceCase.requestLine)
    func requestLine(_ row: ConformanceCase) throws {
        try check(row)
    }

    @Test(arguments: ConformanceCase.fields + ConformanceCase.host + ConformanceCase.methodsAndConnections)
    func fieldsHostAndMethods(_ row: ConformanceCase) throws {
        try check(row)
    }

    @Test func everyRowHasItsOwnId() {
        let all =
            ConformanceCase.contentLength + ConformanceCase.transferEncoding + ConformanceCase.chunked
            + ConformanceCase.desync + ConformanceCase.lines + ConformanceCase.requestLine
            + ConformanceCase.fields + ConformanceCase.host + ConformanceCase.methodsAndConnections
        #expect(Set(all.map(\.id)).count == all.count)
    }

    private func check(_ row: ConformanceCase) throws {
        let observed = try row.observe(port: ConformanceServer.shared.port)
        #expect(observed == row.expected, "\(row.id)")
    }
}
