#if canImport(Glibc)
    import Glibc
#endif

/// The signature of `LLVMFuzzerTestOneInput`: a pointer and a length, 0 on return.
public typealias FuzzTestFunction = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

/// What every fuzz target shares.
///
/// A target defines `LLVMFuzzerTestOneInput` and `<module>_main`. Built by `Scripts/fuzz`
/// (`--sanitize=fuzzer`), SwiftPM leaves `main` to libFuzzer, which calls the former with each
/// input. Built by a plain `swift build`, `main` is the latter, which replays the files and
/// directories named on its command line through the same check (`replay`), so the targets
/// always compile and a crash input can be re-run without the fuzzer runtime.
public enum FuzzDriver {
    /// Runs `test` over every file named in `argv`, or inside a directory named there.
    public static func replay(
        argc: Int32, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
        test: FuzzTestFunction
    ) -> Int32 {
        let paths = (1..<Int(max(argc, 1))).compactMap { argv[$0].map { String(cString: $0) } }
        var replayed = 0
        for path in paths {
            for file in CorpusFiles.list(path) {
                guard let bytes = CorpusFiles.read(file) else { continue }
                _ = bytes.withUnsafeBufferPointer { test($0.baseAddress, $0.count) }
                replayed += 1
            }
        }
        print("replayed \(replayed) inputs, no property violated (a replay build, not a fuzzer)")
        return 0
    }

    /// The input libFuzzer passed, as an array (`data` is nil for the empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Stops the process on a violated property, so libFuzzer saves the input as a crash.
    public static func enforce(_ violation: String?) -> Int32 {
        guard let violation else { return 0 }
        // Written to descriptor 2 directly: Swift 6 forbids touching the global `stderr`.
        let message = Array("fuzz property violated: \(violation)\n".utf8)
        _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        abort()
    }
}
