// swift-tools-version:6.2
import PackageDescription

/// The peer servers DuPing is measured against. A separate package so the product never
/// depends on Hummingbird; built only by `Scripts/bench` (release, scratch path `.build`).
let package = Package(
    name: "DuPingPeers",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1")
    ],
    targets: [
        .executableTarget(
            name: "hb-peer",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")]
        )
    ],
    swiftLanguageModes: [.v6]
)
