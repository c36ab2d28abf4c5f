import Testing

@testable import HTTPCore

@Suite struct GzipTests {
    @Test func outputStartsWithGzipMagicAndDeflateMethod() throws {
        let compressed = try #require(Gzip.compress(Gzip.sampleJSON()))
        #expect(Array(compressed.prefix(3)) == [0x1F, 0x8B, 0x08])
    }

    @Test(arguments: [Int32(1), 6, 9])
    func roundTripsThroughZlibInflate(level: Int32) throws {
        let original = Gzip.sampleJSON()
        let compressed = try #require(Gzip.compress(original, level: level))
        #expect(compressed.count < original.count / 4)
        #expect(Gzip.inflateForTests(compressed) == original)
    }

    @Test func roundTripsEmptyAndIncompressibleInput() throws {
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for original in [[], noise] {
            let compressed = try #require(Gzip.compress(original))
            #expect(Gzip.inflateForTests(compressed) == original)
        }
    }

    @Test func isDeterministic() {
        #expect(Gzip.compress(Gzip.sampleJSON()) == Gzip.compress(Gzip.sampleJSON()))
    }

    @Test func rejectsAnInvalidLevel() {
        #expect(Gzip.compress([1, 2, 3], level: 42) == nil)
    }

    @Test(arguments: [
        ("text/html; charset=utf-8", true), ("text/csv", true), ("TEXT/Plain", true),
        ("application/json", true), ("application/problem+json", true),
        ("application/javascript", true), ("image/svg+xml", true),
        ("application/vnd.api+json ; charset=utf-8", true), ("image/png", false),
        ("font/woff2", false), ("application/octet-stream", false), ("", false),
    ])
    func classifiesCompressibleContentTypes(contentType: String, compressible: Bool) {
        #expect(Gzip.isCompressible(contentType: contentType) == compressible)
    }
}
