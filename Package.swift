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

        // The one layer of system calls: libc only.
        .target(name: "GacetaSystem"),
        .target(name: "GacetaConfig", dependencies: ["GacetaSystem"]),
        .target(name: "GacetaScoreboard", dependencies: ["GacetaSystem"]),
        .target(name: "GacetaCrypto", dependencies: ["COpenSSL", "GacetaSystem"]),
        .target(name: "GacetaQuery"),
        .target(
            name: "GacetaCore",
            dependencies: [
                "GacetaQuery", .product(name: "Logging", package: "swift-log"),
            ]),
        .target(name: "GacetaText", dependencies: ["CStemmer"]),
        // The store: SQL both drivers share, one target per driver (each imports its own C library), and the
        // factory that opens the one a database URL names.
        .target(name: "GacetaStoreSQL", dependencies: ["GacetaCore"]),
        .target(
            name: "GacetaSQLite",
            dependencies: [
                "GacetaCore", "GacetaQuery", "GacetaSearch", "GacetaStoreSQL", "GacetaSystem", "GacetaText", "CSQLite",
            ]),
        .target(
            name: "GacetaPostgres",
            dependencies: [
                "GacetaCore", "GacetaQuery", "GacetaSearch", "GacetaStoreSQL", "GacetaSystem", "GacetaText",
                "CPostgres",
            ]),
        .target(name: "GacetaStore", dependencies: ["GacetaCore", "GacetaSQLite", "GacetaPostgres"]),
        .target(name: "GacetaIngest", dependencies: ["GacetaCore", "GacetaSystem", "GacetaText"]),
        // No pkgConfig: shim.h loads libcurl with dlopen on first use (see the other C libraries above).
        .systemLibrary(name: "CCurl", path: "Sources/CCurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        // The one libcurl client: chat (the model) and fetch (the publisher).
        .target(name: "GacetaHTTP", dependencies: ["CCurl"]),
        .target(
            name: "GacetaChat",
            dependencies: [
                "GacetaCore", "GacetaQuery", "GacetaSearch", "GacetaSystem", "GacetaText", "GacetaHTTP",
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The daily edition: download with checks, per-date states, the metrics file.
        .target(
            name: "GacetaFetch",
            dependencies: [
                "GacetaCore", "GacetaHTTP", "GacetaIngest", "GacetaSystem",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(name: "GacetaSearch", dependencies: ["GacetaQuery", "GacetaText"]),
        .target(
            name: "GacetaAPI",
            dependencies: ["GacetaCore", "GacetaQuery", "GacetaChat", "GacetaIngest", "GacetaSystem", "GacetaText"]),
        .target(
            name: "GacetaFastCGI",
            dependencies: [
                "GacetaCore", "CFastCGI", "CLinux", "GacetaScoreboard", "GacetaSystem",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "GacetaSupervisor",
            dependencies: [
                "GacetaConfig", "GacetaScoreboard", "GacetaSystem",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "gacetachat",
            dependencies: [
                "GacetaConfig", "GacetaCore", "GacetaAPI", "GacetaFastCGI", "GacetaSupervisor", "GacetaCrypto",
                "GacetaStore", "GacetaPostgres", "GacetaIngest", "GacetaChat", "GacetaScoreboard",
                "GacetaSystem", "GacetaFetch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GacetaConfigTests", dependencies: ["GacetaConfig", "TestSupport"]),
        .testTarget(name: "GacetaQueryTests", dependencies: ["GacetaQuery"]),
        .testTarget(
            name: "GacetaChatTests",
            dependencies: ["GacetaChat", "GacetaCore", "GacetaQuery", "GacetaSearch", "GacetaText", "TestSupport"]),
        .testTarget(name: "GacetaTextTests", dependencies: ["GacetaText"]),
        .testTarget(name: "GacetaIngestTests", dependencies: ["GacetaIngest", "GacetaSystem", "TestSupport"]),
        .testTarget(
            name: "GacetaCoreTests",
            dependencies: ["GacetaCore", "GacetaAPI", "TestSupport", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "GacetaCryptoTests", dependencies: ["GacetaCrypto"]),
        .testTarget(name: "GacetaFastCGITests", dependencies: ["GacetaFastCGI", "GacetaCore", "TestSupport"]),
        .testTarget(
            name: "GacetaSupervisorTests",
            dependencies: ["GacetaSupervisor", "GacetaScoreboard", "GacetaSystem", "TestSupport"]),
        .testTarget(name: "GacetaSystemTests", dependencies: ["GacetaSystem"]),
        .testTarget(name: "GacetaFetchTests", dependencies: ["GacetaFetch", "GacetaCore"]),
        .testTarget(
            name: "GacetaStoreTests",
            dependencies: [
                "GacetaStore", "GacetaSQLite", "GacetaPostgres", "GacetaCore", "GacetaQuery", "GacetaSearch",
                "GacetaChat", "GacetaAPI", "GacetaIngest", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "gacetachat"]),
    ],
    swiftLanguageModes: [.v6]
)
