import FuzzChecks
import Testing

/// Replays every seed and every saved crash input of `Fuzz/corpus/` through its fuzz property,
/// so a finding stays fixed without the fuzzer toolchain.
@Suite struct CorpusReplayTests {
    /// The corpus folder of one fuzz target, found from this file's location in the checkout.
    static func corpus(_ target: String) -> [String] {
        let tests = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        return CorpusFiles.list("/\(tests)/Fuzz/corpus/\(target)")
    }

    static let targets: [(String, @Sendable ([UInt8]) -> String?)] = [
        ("fuzz-http-parser", HTTPParserCheck.check),
        ("fuzz-json", JSONCheck.check),
        ("fuzz-csv", CSVCheck.check),
        ("fuzz-static-path", StaticPathCheck.check),
        ("fuzz-ballot", BallotCheck.check),
    ]

    @Test(arguments: targets.map(\.0))
    func everyCorpusInputKeepsTheProperty(target: String) throws {
        let check = try #require(Self.targets.first { $0.0 == target }).1
        let files = Self.corpus(target)
        #expect(!files.isEmpty, "no corpus for \(target)")
        for file in files {
            let bytes = try #require(CorpusFiles.read(file))
            #expect(check(bytes) == nil, "\(file)")
        }
    }
}
