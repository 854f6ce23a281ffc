// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "TwoFutures",
    products: [
        .executable(name: "twofutures", targets: ["twofutures"]),
        .library(name: "FuturesModel", targets: ["FuturesModel"]),
        .library(name: "Dashboard", targets: ["Dashboard"]),
        .library(name: "TOML", targets: ["TOML"]),
        .library(name: "Storage", targets: ["Storage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0")
    ],
    targets: [
        // ncursesw, wrapped for Swift. Only the Terminal layer may import it.
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Async-signal-safe terminal restoration (signal handlers must be C).
        .target(name: "CTerminalSupport"),
        // The only code that calls ncurses: set-up, restore, painting frame updates, input.
        // Lock and Condition on POSIX threads: Foundation's NSLock and NSCondition without
        // linking full Foundation.
        .target(name: "Locks"),
        .target(name: "Terminal", dependencies: ["CNcurses", "CTerminalSupport", "Locks"]),
        // The TOML-subset reader, the writer's quoting and sanitized(untrusted:): imports nothing.
        .target(name: "TOML"),
        // What the target CPU offers (AVX-512, FMA), for `#if canImport(CPUFeatures.…)`:
        // empty headers behind module-map `requires`; no code, nothing linked.
        .systemLibrary(name: "CPUFeatures"),
        // The model of MODEL.md: pure, Foundation only (its errors keep quoted input raw, and
        // whoever shows them makes it safe); CPUFeatures picks the Float32 kernel's vector
        // width at compile time.
        .target(name: "FuturesModel", dependencies: ["CPUFeatures", "Locks"]),
        // State, reduce, layout, widgets, themes and demos as values: pure, no terminal, no
        // file, no clock, no globals. TOML for FileError (the catalogs' errors) and
        // sanitized(untrusted:), which makes shown text safe.
        .target(name: "Dashboard", dependencies: ["FuturesModel", "TOML"]),
        // The text formats, parsed and written (FILE:LINE errors): scenario files, lenses,
        // themes, demos. Pure: the caller reads and writes the files.
        .target(name: "Formats", dependencies: ["FuturesModel", "TOML", "Dashboard"]),
        // Everything that touches files: atomic writes, the XDG and shipped-folder search,
        // theme and demo files, saved scenarios and exports.
        .target(name: "Storage", dependencies: ["TOML", "FuturesModel", "Dashboard", "Formats"]),
        // forkpty, for the process bench: the dashboard on a pseudo-terminal.
        .target(name: "CPty"),
        // `twofutures bench`'s measuring: the core in-process, the process bench, the pty session.
        .target(name: "BenchTools", dependencies: ["FuturesModel", "Dashboard", "Formats", "Shell", "CPty"]),
        // The main loop on any terminal backend: events in, reduce, effects, frames out.
        .target(name: "Shell", dependencies: ["FuturesModel", "Dashboard", "Terminal"]),
        // Screens that travel: asciicast recordings and SVG pictures (pure: no file, no clock).
        .target(name: "Share", dependencies: ["FuturesModel", "Dashboard", "Terminal", "Shell"]),
        .executableTarget(
            name: "twofutures",
            dependencies: [
                "FuturesModel",
                "Dashboard",
                "Formats",
                "Shell",
                "Share",
                "TOML",
                "Storage",
                "BenchTools",
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
            dependencies: ["FuturesModel", "TOML", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TerminalTests",
            dependencies: ["Terminal", "TestSupport"]
        ),
        .testTarget(
            name: "TOMLTests",
            dependencies: ["TOML"]
        ),
        .testTarget(
            name: "DashboardTests",
            dependencies: ["Dashboard", "Formats", "FuturesModel", "Shell", "TOML", "TestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "FormatsTests",
            dependencies: ["Formats", "Dashboard", "FuturesModel", "TOML", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", "Dashboard", "Formats", "FuturesModel", "TOML"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["twofutures", "TestSupport"]
        ),
        .testTarget(
            name: "ShareTests",
            dependencies: ["Share", "Dashboard", "Formats", "FuturesModel", "Terminal", "Shell", "TestSupport"],
            exclude: ["Snapshots"]
        ),
        // The documentation stays true: the architecture page names what exists.
        .testTarget(
            name: "DocsTests",
            dependencies: ["TestSupport"]
        ),
        .testTarget(
            name: "ShellTests",
            dependencies: ["Shell", "Dashboard", "Formats", "FuturesModel", "Terminal"]
        ),
    ]
)
