import FuzzChecks

/// One input from libFuzzer, checked against the property of the CSV reader (`CSVCheck`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzDriver.enforce(CSVCheck.check(FuzzDriver.bytes(data, size)))
}

/// The entry point of a plain build (SwiftPM links `main` to `<module>_main`; a fuzzing build
/// uses libFuzzer's `main` instead): replays the corpus files named on the command line.
@_cdecl("fuzz_csv_main")
public func replayMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> Int32 {
    FuzzDriver.replay(argc: argc, argv: argv, test: fuzzOneInput)
}
