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
        // libpq, libcurl and libcrypto are loaded with dlopen by their shims, only by a process that uses them:
        // no pkgConfig (its --libs would link them into every worker).
        .systemLibrary(name: "CPostgres", path: "Sources/CPostgres", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL", providers: [.apt(["libssl-dev"])]),

        .target(name: "GacetaConfig"),
        .target(name: "GacetaScoreboard"),
        .target(name: "GacetaCrypto", dependencies: ["COpenSSL"]),
        .target(name: "GacetaQuery"),
        .target(
            name: "GacetaCore",
            dependencies: [
                "GacetaQuery", "GacetaConfig", .product(name: "Logging", package: "swift-log"),
            ]),
        .target(name: "GacetaText", dependencies: ["CStemmer"]),
        .target(name: "GacetaStore", dependencies: ["GacetaCore", "GacetaText", "CSQLite", "CPostgres"]),
        .target(name: "GacetaIngest", dependencies: ["GacetaCore", "GacetaText"]),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "GacetaChat", dependencies: ["GacetaCore", "GacetaText", "CCurl"]),
        .target(name: "GacetaSearch", dependencies: ["GacetaCore", "GacetaText"]),
        .target(name: "GacetaAPI", dependencies: ["GacetaCore", "GacetaSearch", "GacetaChat", "GacetaIngest"]),
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
                "GacetaStore", "GacetaSearch", "GacetaIngest", "GacetaChat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GacetaConfigTests", dependencies: ["GacetaConfig"]),
        .testTarget(name: "GacetaQueryTests", dependencies: ["GacetaQuery"]),
        .testTarget(name: "GacetaChatTests", dependencies: ["GacetaChat", "TestSupport"]),
        .testTarget(name: "GacetaTextTests", dependencies: ["GacetaText"]),
        .testTarget(name: "GacetaIngestTests", dependencies: ["GacetaIngest", "GacetaStore", "TestSupport"]),
        .testTarget(name: "GacetaCoreTests", dependencies: ["GacetaCore", "GacetaAPI"]),
        .testTarget(name: "GacetaCryptoTests", dependencies: ["GacetaCrypto"]),
        .testTarget(name: "GacetaFastCGITests", dependencies: ["GacetaFastCGI"]),
        .testTarget(name: "GacetaSupervisorTests", dependencies: ["GacetaSupervisor"]),
        .testTarget(name: "GacetaStoreTests", dependencies: ["GacetaStore", "GacetaQuery", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "gacetachat"]),
    ],
    swiftLanguageModes: [.v6]
)
