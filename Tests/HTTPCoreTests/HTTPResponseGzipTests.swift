import Testing

@testable import HTTPCore

/// `HTTPResponse.gzipped(ifAcceptedBy:)`.
@Suite struct HTTPResponseGzipTests {
    private func json(_ body: [UInt8], _ extra: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/json")] + extra), body: body)
    }

    @Test func compressesBigJSONAndAddsVary() throws {
        let original = Gzip.sampleJSON()
        let result = json(original).gzipped(ifAcceptedBy: ["gzip, deflate, br"])
        #expect(result.headers["Content-Encoding"] == "gzip")
        #expect(result.headers.values("Vary") == ["Accept-Encoding"])
        #expect(result.body.count < original.count)
        #expect(Gzip.inflateForTests(result.body) == original)
    }

    /// A response that carries its compressed body (made once) sends exactly those bytes, and
    /// only to clients that accept gzip.
    @Test func usesTheCompressedBodyItCarries() throws {
        let original = Gzip.sampleJSON()
        var response = json(original)
        let once = try #require(Gzip.compress(original))
        response.gzippedBody = once
        let result = response.gzipped(ifAcceptedBy: ["gzip"])
        #expect(result.body == once)
        #expect(result.body.withUnsafeBufferPointer { $0.baseAddress } == once.withUnsafeBufferPointer { $0.baseAddress })
        #expect(result.headers["Content-Encoding"] == "gzip")
        #expect(response.gzipped(ifAcceptedBy: ["identity"]).body == original)
    }

    @Test func leavesSmallBodyUncompressedButStillVaries() {
        let small = Array(#"{"status":"ok"}"#.utf8)
        let result = json(small).gzipped(ifAcceptedBy: ["gzip"])
        #expect(result.body == small)
        #expect(!result.headers.contains("Content-Encoding"))
        #expect(result.headers["Vary"] == "Accept-Encoding")
    }

    @Test func compressesAtExactlyTheThresholdButNotBelow() {
        let atThreshold = [UInt8](repeating: UInt8(ascii: "a"), count: HTTPResponse.gzipMinimumLength)
        let below = Array(atThreshold.dropLast())
        #expect(json(atThreshold).gzipped(ifAcceptedBy: ["gzip"]).headers["Content-Encoding"] == "gzip")
        #expect(json(below).gzipped(ifAcceptedBy: ["gzip"]).headers["Content-Encoding"] == nil)
    }

    @Test func respectsGzipWithZeroQuality() {
        let original = Gzip.sampleJSON()
        let result = json(original).gzipped(ifAcceptedBy: ["gzip;q=0, identity"])
        #expect(result.body == original)
        #expect(result.headers["Vary"] == "Accept-Encoding")
    }

    @Test func leavesAlreadyEncodedBodyUntouched() {
        let original = Gzip.sampleJSON()
        let result = json(original, [("Content-Encoding", "br")]).gzipped(ifAcceptedBy: ["gzip"])
        #expect(result.body == original)
        #expect(result.headers.values("Content-Encoding") == ["br"])
    }

    @Test func leavesIncompressibleTypeUntouchedWithoutVary() {
        let response = HTTPResponse(status: 200, headers: ["Content-Type": "image/png"], body: Gzip.sampleJSON())
        let result = response.gzipped(ifAcceptedBy: ["gzip"])
        #expect(result.body == response.body)
        #expect(result.headers.fields.count == 1)
    }

    @Test(arguments: [204, 304])
    func neverCompressesBodilessStatuses(status: Int) {
        var response = json(Gzip.sampleJSON())
        response.status = status
        #expect(response.gzipped(ifAcceptedBy: ["gzip"]).headers["Content-Encoding"] == nil)
    }

    @Test func weakensStrongETagOfCompressedVariant() {
        let result = json(Gzip.sampleJSON(), [("ETag", "\"abc\"")]).gzipped(ifAcceptedBy: ["gzip"])
        #expect(result.headers.values("ETag") == ["W/\"abc\""])
        let weak = json(Gzip.sampleJSON(), [("ETag", "W/\"abc\"")]).gzipped(ifAcceptedBy: ["gzip"])
        #expect(weak.headers.values("ETag") == ["W/\"abc\""])
    }

    @Test func keepsStrongETagWhenNotCompressed() {
        let result = json(Gzip.sampleJSON(), [("ETag", "\"abc\"")]).gzipped(ifAcceptedBy: [])
        #expect(result.headers["ETag"] == "\"abc\"")
    }

    @Test func extendsExistingVaryOnceOnly() {
        let withOrigin = json([], [("Vary", "Origin")]).gzipped(ifAcceptedBy: ["gzip"])
        #expect(withOrigin.headers.values("Vary") == ["Origin", "Accept-Encoding"])
        let already = json([], [("Vary", "origin, accept-encoding")]).gzipped(ifAcceptedBy: ["gzip"])
        #expect(already.headers.values("Vary") == ["origin, accept-encoding"])
        let star = json([], [("Vary", "*")]).gzipped(ifAcceptedBy: ["gzip"])
        #expect(star.headers.values("Vary") == ["*"])
    }

    @Test func keepsOriginalWhenCompressionDoesNotShrink() {
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let result = json(noise).gzipped(ifAcceptedBy: ["gzip"])
        #expect(result.body == noise)
        #expect(result.headers["Content-Encoding"] == nil)
    }
}
