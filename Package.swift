// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "GacetaChat",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gacetachat", targets: ["gacetachat"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // System libraries: each is imported by exactly one Swift target.
        .systemLibrary(name: "CFastCGI", path: "Sources/CFastCGI"),
        .systemLibrary(name: "CLinux", path: "Sources/CLinux"),
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "CPostgres", path: "Sources/CPostgres", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(
            name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),

        .target(name: "GacetaConfig"),
        .target(name: "GacetaScoreboard"),
        .target(name: "GacetaCrypto", dependencies: ["COpenSSL"]),
        .target(name: "GacetaQuery"),
        .target(
            name: "GacetaCore",
            dependencies: [
                "GacetaQuery", .product(name: "Logging", package: "swift-log"),
            ]),
        .target(name: "GacetaText", dependencies: ["CStemmer"]),
        .target(
            name: "GacetaStore", dependencies: ["GacetaCore", "GacetaQuery", "GacetaText", "CSQLite", "CPostgres"]),
        .target(name: "GacetaIngest", dependencies: ["GacetaCore", "GacetaText"]),
        .systemLibrary(
            name: "CCurl", path: "Sources/CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "GacetaChat", dependencies: ["GacetaCore", "GacetaQuery", "GacetaText", "CCurl"]),
        .target(name: "GacetaSearch", dependencies: ["GacetaCore", "GacetaQuery", "GacetaText"]),
        .target(
            name: "GacetaAPI", dependencies: ["GacetaCore", "GacetaQuery", "GacetaSearch", "GacetaChat", "GacetaIngest"]),
        .target(
            name: "GacetaFastCGI",
            dependencies: [
                "GacetaCore", "CFastCGI", "CLinux", "GacetaScoreboard",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "GacetaSupervisor",
            dependencies: [
                "GacetaConfig", "GacetaScoreboard",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "gacetachat",
            dependencies: [
                "GacetaConfig", "GacetaCore", "GacetaAPI", "GacetaFastCGI", "GacetaSupervisor", "GacetaCrypto",
                "GacetaStore", "GacetaSearch", "GacetaIngest", "GacetaChat", "GacetaScoreboard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GacetaConfigTests", dependencies: ["GacetaConfig"]),
        .testTarget(name: "GacetaQueryTests", dependencies: ["GacetaQuery"]),
        .testTarget(name: "GacetaChatTests", dependencies: ["GacetaChat", "GacetaCore", "GacetaQuery", "TestSupport"]),
        .testTarget(name: "GacetaTextTests", dependencies: ["GacetaText"]),
        .testTarget(name: "GacetaIngestTests", dependencies: ["GacetaIngest"]),
        .testTarget(
            name: "GacetaCoreTests",
            dependencies: ["GacetaCore", "GacetaAPI", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "GacetaCryptoTests", dependencies: ["GacetaCrypto"]),
        .testTarget(name: "GacetaFastCGITests", dependencies: ["GacetaFastCGI", "GacetaCore"]),
        .testTarget(name: "GacetaSupervisorTests", dependencies: ["GacetaSupervisor", "GacetaScoreboard"]),
        .testTarget(
            name: "GacetaStoreTests", dependencies: ["GacetaStore", "GacetaCore", "GacetaQuery", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "gacetachat"]),
    ],
    swiftLanguageModes: [.v6]
)
