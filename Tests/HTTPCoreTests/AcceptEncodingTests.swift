import Testing

@testable import HTTPCore

@Suite struct AcceptEncodingTests {
    @Test(arguments: [
        (["gzip"], true),
        (["GZIP"], true),
        (["x-gzip"], true),
        (["gzip;q=0"], false),
        (["gzip; q=0.000"], false),
        (["gzip ; Q=0.001"], true),
        (["gzip;q=1"], true),
        (["gzip;q=1.000"], true),
        (["*"], true),
        (["*;q=0"], false),
        (["*;q=0, gzip"], true),
        (["gzip;q=0, *"], false),
        (["identity"], false),
        (["deflate, gzip;q=0.5"], true),
        (["br;q=1, *;q=0"], false),
        (["br, *;q=0.1"], true),
        (["gzip;q=1.5"], false),
        (["gzip;q=0.0001"], false),
        (["gzip;q="], false),
        (["gzip;level=9"], false),
        (["gzip;q=1.5, *"], true),
        ([""], false),
        ([" , ,"], false),
        ([], false),
        (["deflate", "gzip"], true),
        (["gzip", "gzip;q=0"], false),
        (["br", "identity"], false),
        (["\tdeflate ,\tgzip\t"], true),
    ])
    func decidesWhetherGzipIsAllowed(values: [String], allowed: Bool) {
        #expect(AcceptEncoding.allowsGzip(values) == allowed)
    }

    @Test(arguments: [
        ("0", 0), ("0.", 0), ("0.5", 500), ("0.05", 50), ("0.123", 123), ("1", 1000), ("1.0", 1000),
        ("1.000", 1000), ("1.", 1000),
    ])
    func parsesValidQValuesInThousandths(text: String, thousandths: Int) {
        #expect(AcceptEncoding.parseQValue(Substring(text)) == thousandths)
    }

    @Test(arguments: ["", "1.5", "1.001", "2", "0.1234", ".5", "0,5", "-0", "0.a", "1.00a", "00"])
    func rejectsInvalidQValues(text: String) {
        #expect(AcceptEncoding.parseQValue(Substring(text)) == nil)
    }
}
