// swift-tools-version:6.0
import PackageDescription

/// Fuzz targets define their own `<module>_main` (it starts libFuzzer), so they are compiled as
/// a library: no implicit top-level entry point.
let fuzzEntry: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "DuPing",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "duping", targets: ["duping"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C declarations Glibc lacks: epoll, accept4, eventfd, TCP_NODELAY.
        .target(name: "CSystem"),
        .systemLibrary(name: "CZlib"),
        .systemLibrary(name: "CSQLite"),
        // SHA-256 from Debian's libssl-dev (libcrypto).
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // Debian's libqrencode: the QR codes on the ballot slips (contract §13).
        .systemLibrary(name: "CQREncode"),
        // Debian's libpq (libpq-dev to build; libpq5 at run time, opened only when a PostgreSQL
        // database is used): the PostgreSQL client (contract §14).
        .target(name: "CPostgres"),
        // Primitives every layer shares: the one lock type (Lock, Locked) and the injected Clock.
        .target(name: "Primitives"),
        .target(name: "HTTPCore", dependencies: ["CSystem", "CZlib", "Primitives"]),
        .target(name: "Domain", dependencies: ["Primitives", "CLibCrypto"]),
        // The storage interface: one protocol per aggregate and a unit of work; no SQL.
        .target(name: "Store", dependencies: ["Domain", "Primitives"]),
        // The SQLite implementation of Store: the only code that writes SQL.
        .target(name: "Storage", dependencies: ["CSQLite", "Domain", "Store", "Primitives"]),
        // The PostgreSQL implementation of Store (contract §14), beside SQLite's; it shares
        // Storage's StoreError, SQLValue and ConstraintKind so both backends fail alike.
        .target(name: "PostgresStorage", dependencies: ["CPostgres", "Domain", "Store", "Storage", "Primitives"]),
        .target(name: "App", dependencies: ["HTTPCore", "Domain", "Store", "Primitives", "CQREncode"]),
        .executableTarget(
            name: "duping",
            dependencies: [
                "App", "HTTPCore", "Store", "Storage", "PostgresStorage", "Primitives", "Domain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "storage-bench", dependencies: ["Storage"]),
        // Results micro-benchmark run by Scripts/bench (issue 7).
        .executableTarget(name: "results-bench", dependencies: ["Domain"], path: "bench/results-bench"),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Fuzzing (Fuzz/README.md): the properties live in FuzzChecks so the test suite can replay
        // the corpora; each fuzz-* executable runs one of them under libFuzzer (Scripts/fuzz).
        .target(name: "FuzzChecks", dependencies: ["HTTPCore", "Domain", "App"], path: "Fuzz/FuzzChecks"),
        .executableTarget(
            name: "fuzz-http-parser", dependencies: ["FuzzChecks"], path: "Fuzz/fuzz-http-parser",
            swiftSettings: fuzzEntry),
        .executableTarget(
            name: "fuzz-json", dependencies: ["FuzzChecks"], path: "Fuzz/fuzz-json", swiftSettings: fuzzEntry),
        .executableTarget(
            name: "fuzz-csv", dependencies: ["FuzzChecks"], path: "Fuzz/fuzz-csv", swiftSettings: fuzzEntry),
        .executableTarget(
            name: "fuzz-ballot", dependencies: ["FuzzChecks"], path: "Fuzz/fuzz-ballot", swiftSettings: fuzzEntry),
        .executableTarget(
            name: "fuzz-static-path", dependencies: ["FuzzChecks"], path: "Fuzz/fuzz-static-path",
            swiftSettings: fuzzEntry),
        .testTarget(name: "HTTPCoreTests", dependencies: ["HTTPCore", "Primitives", "TestSupport"]),
        .testTarget(name: "DomainTests", dependencies: ["Domain", "TestSupport"]),
        .testTarget(
            name: "StorageTests", dependencies: ["Storage", "PostgresStorage", "Store", "Primitives", "TestSupport"]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App", "Domain", "Store", "Storage", "PostgresStorage", "HTTPCore", "Primitives", "TestSupport",
            ]),
        .testTarget(name: "FuzzChecksTests", dependencies: ["FuzzChecks", "Domain"]),
    ],
    swiftLanguageModes: [.v6]
)
