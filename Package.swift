// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "readout",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ReadoutKit", targets: ["ReadoutKit"]),
        .executable(name: "readout", targets: ["readout"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // The review web app's server. Its optional swift-configuration support is left out.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0", traits: []),
    ],
    targets: [
        // The few ICU calls readout needs, behind a plain-C API: ICU's headers and its
        // versioned symbol names never reach Swift (Foundation carries its own ICU).
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .executableTarget(name: "EmbedLexicons", path: "Plugins/EmbedLexiconsTool"),
        .plugin(
            name: "EmbedLexiconsPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedLexicons"],
            path: "Plugins/EmbedLexiconsPlugin"
        ),
        .target(
            name: "ReadoutKit",
            dependencies: ["CICU", .product(name: "Mustache", package: "swift-mustache")],
            plugins: ["EmbedLexiconsPlugin"]
        ),
        // `readout review`: the review model, its JSON API and the Hummingbird server.
        .target(
            name: "ReadoutReview",
            dependencies: ["ReadoutKit", .product(name: "Hummingbird", package: "hummingbird")],
            plugins: ["EmbedLexiconsPlugin"]
        ),
        .executableTarget(
            name: "readout",
            dependencies: [
                "ReadoutKit",
                "ReadoutReview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ReadoutKitTests", dependencies: ["ReadoutKit"]),
        .testTarget(name: "ReviewTests", dependencies: ["ReadoutReview", "ReadoutKit"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ReadoutKit", "readout"],
            exclude: ["Fixtures"]
        ),
    ]
)
