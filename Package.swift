// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "healthgate",
    products: [
        .executable(name: "healthgate", targets: ["healthgate"]),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw", path: "Sources/CNcursesw", pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]),
        .systemLibrary(
            name: "CCrypto", path: "Sources/CCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CQRencode", path: "Sources/CQRencode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]),
        .target(name: "HealthCode", dependencies: ["CCrypto"]),
        .target(name: "Assets", path: "Assets", resources: [.copy("strings"), .copy("sql")]),
        .target(name: "LocalStore", dependencies: ["HealthCode", "CSQLite"]),
        .target(name: "Central", dependencies: ["HealthCode", "LocalStore", "Assets", "CLibPQ"]),
        .target(name: "Sync", dependencies: ["HealthCode", "LocalStore", "Central"]),
        .target(name: "Console", dependencies: ["HealthCode", "LocalStore", "Sync", "Assets", "CNcursesw"]),
        .target(name: "Spawn"),
        .target(name: "QRCode", dependencies: ["CQRencode"]),
        .target(name: "Bench", dependencies: ["HealthCode", "LocalStore", "Central", "Sync", "Spawn", "CSQLite"]),
        .executableTarget(
            name: "healthgate",
            dependencies: ["HealthCode", "LocalStore", "Central", "Sync", "Console", "Assets", "Bench", "QRCode"]),
        .target(name: "TestSupport", dependencies: ["LocalStore", "HealthCode", "Spawn"], path: "Tests/TestSupport"),
        .testTarget(name: "HealthCodeTests", dependencies: ["HealthCode"]),
        .testTarget(name: "LocalStoreTests", dependencies: ["LocalStore", "HealthCode", "TestSupport"]),
        .testTarget(name: "CentralTests", dependencies: ["Central", "LocalStore", "HealthCode", "TestSupport"]),
        .testTarget(name: "SyncTests", dependencies: ["Sync", "Central", "LocalStore", "HealthCode", "TestSupport"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "Sync", "HealthCode", "Assets"]),
        .testTarget(name: "EndToEndTests", dependencies: ["healthgate", "Central", "LocalStore", "HealthCode", "TestSupport", "Spawn"]),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"]),
        .testTarget(name: "BenchTests", dependencies: ["Bench", "healthgate", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
