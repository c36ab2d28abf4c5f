// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DuPing",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "duping", targets: ["duping"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // C declarations Glibc lacks: epoll, accept4, eventfd, TCP_NODELAY.
        .target(name: "CSystem"),
        .systemLibrary(name: "CZlib"),
        .systemLibrary(name: "CSQLite"),
        .target(name: "HTTPCore", dependencies: ["CSystem", "CZlib"]),
        .target(name: "Domain", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Storage", dependencies: ["CSQLite", "Domain"]),
        .target(name: "App", dependencies: ["HTTPCore", "Domain", "Storage"]),
        .executableTarget(
            name: "duping",
            dependencies: ["App", "HTTPCore", "Storage", "Domain", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "storage-bench", dependencies: ["Storage"]),
        // Results micro-benchmark run by Scripts/bench (issue 7).
        .executableTarget(name: "results-bench", dependencies: ["Domain"], path: "bench/results-bench"),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "HTTPCoreTests", dependencies: ["HTTPCore", "TestSupport"]),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage"]),
        .testTarget(name: "AppTests", dependencies: ["App", "Domain", "Storage", "HTTPCore", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
