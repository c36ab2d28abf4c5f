import FuzzChecks

/// One input from libFuzzer, checked against the property of ballot decoding and validation
/// (`BallotCheck`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzDriver.enforce(BallotCheck.check(FuzzDriver.bytes(data, size)))
}

/// The entry point of a plain build (SwiftPM links `main` to `<module>_main`; a fuzzing build
/// uses libFuzzer's `main` instead): replays the corpus files named on the command line.
@_cdecl("fuzz_ballot_main")
public func replayMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> Int32 {
    FuzzDriver.replay(argc: argc, argv: argv, test: fuzzOneInput)
}
