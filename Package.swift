// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "TwoFutures",
    products: [
        .executable(name: "twofutures", targets: ["twofutures"]),
        .library(name: "FuturesModel", targets: ["FuturesModel"]),
        .library(name: "Dashboard", targets: ["Dashboard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // ncursesw, wrapped for Swift. Only the Terminal layer may import it.
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Async-signal-safe terminal restoration (signal handlers must be C).
        .target(name: "CTerminalSupport"),
        // The only code that calls ncurses: set-up, restore, drawing frames, input.
        .target(name: "Terminal", dependencies: ["CNcurses", "CTerminalSupport"]),
        // The model of MODEL.md: pure, Foundation only.
        .target(name: "FuturesModel"),
        // State, reduce, layout and widgets: pure, no terminal, no clock, no globals.
        .target(name: "Dashboard", dependencies: ["FuturesModel"]),
        // The main loop on any terminal backend: events in, reduce, effects, frames out.
        .target(name: "Shell", dependencies: ["FuturesModel", "Dashboard", "Terminal"]),
        .executableTarget(
            name: "twofutures",
            dependencies: [
                "FuturesModel",
                "Dashboard",
                "Shell",
                "CNcurses",
                "CTerminalSupport",
                "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Shared helpers of the test targets: the seeded generator, random scenarios.
        .target(name: "TestSupport", dependencies: ["FuturesModel"], path: "Tests/TestSupport"),
        .testTarget(
            name: "FuturesModelTests",
            dependencies: ["FuturesModel", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TerminalTests",
            dependencies: ["Terminal", "TestSupport"]
        ),
        .testTarget(
            name: "DashboardTests",
            dependencies: ["Dashboard", "FuturesModel", "TestSupport"],
            exclude: ["Snapshots", "Fixtures"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["twofutures"]
        ),
        .testTarget(
            name: "ShellTests",
            dependencies: ["Shell", "Dashboard", "FuturesModel", "Terminal"]
        ),
    ]
)
