import Foundation
import Testing

/// The binary people install (`make build`: `--static-swift-stdlib`) needs nothing of the
/// toolchain that built it. `make test` builds it and names it in TWOFUTURES_STATIC_BINARY.
@Suite("The static binary", .serialized)
struct StaticBinaryTests {
    static let binary = ProcessInfo.processInfo.environment["TWOFUTURES_STATIC_BINARY"]

    /// The toolchain's library folder: `<toolchain>/usr/lib` of the `swift` on PATH.
    static func toolchainLibraries() throws -> String {
        let found = try CLI.run("/bin/sh", ["-c", "readlink -f \"$(command -v swift)\""])
        let swift = found.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(found.status == 0 && !swift.isEmpty, "no swift on PATH")
        return URL(fileURLWithPath: swift).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lib").path
    }

    @Test(
        "ldd names only libc, libm, libstdc++, libgcc and ncursesw: no libswift, nothing of the toolchain",
        .enabled(if: binary != nil, "make test builds the static binary and sets TWOFUTURES_STATIC_BINARY"))
    func sharedLibraries() throws {
        let ldd = try CLI.run("/usr/bin/ldd", [try #require(Self.binary)])
        #expect(ldd.status == 0)
        #expect(!ldd.stdout.contains("libswift") && !ldd.stdout.contains("libFoundation"), "\(ldd.stdout)")
        #expect(!ldd.stdout.contains(try Self.toolchainLibraries()), "\(ldd.stdout)")
        let names = ldd.stdout.split(separator: "\n").compactMap { line -> String? in
            let name = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init)
            return name.flatMap { $0.hasPrefix("linux-vdso") || $0.hasPrefix("/lib64/ld-linux") ? nil : $0 }
        }
        let allowed = ["libc.so", "libm.so", "libstdc++.so", "libgcc_s.so", "libncursesw.so", "libtinfo.so"]
        for name in names {
            #expect(allowed.contains { name.hasPrefix($0) }, "\(name) is not one of \(allowed)")
        }
    }

    @Test(
        "with the toolchain's libraries hidden (a mount namespace) and a bare environment: it starts, run prints its table, a headless demo plays",
        .enabled(if: binary != nil, "make test builds the static binary and sets TWOFUTURES_STATIC_BINARY"),
        .enabled(if: getuid() == 0, "hiding a folder takes root (CI runs as root)"))
    func withoutToolchain() throws {
        let binary = try #require(Self.binary)
        let libraries = try Self.toolchainLibraries()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("static-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // In a mount namespace of its own, an empty folder over the toolchain's libraries,
        // then the binary from a folder with nothing of the source tree around it (the
        // demo comes by path, as a user's file).
        let demo = folder.appendingPathComponent("talk.demo").path
        try "size 80x24\ncaption \"From a bare system.\"\npreset future1\nsleep 1s\nexpect \"MOST LIKELY F1\"\n"
            .write(toFile: demo, atomically: true, encoding: .utf8)
        func hidden(_ arguments: String) throws -> CLI.Result {
            try CLI.run(
                "/usr/bin/unshare",
                [
                    "-m", "/bin/sh", "-c",
                    "mount -t tmpfs none '\(libraries)' && cd '\(folder.path)' && exec '\(binary)' \(arguments)",
                ], environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path])
        }
        let version = try hidden("--version")
        #expect(version.status == 0 && version.stdout.hasPrefix("twofutures "), "\(version.stderr)")
        let table = try hidden("run --format table")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(
            table.stdout.contains("TwoFutures (twofutures/3)") && table.stdout.contains("Frontier lead"),
            "\(table.stdout)")
        let played = try hidden("demo '\(demo)' --headless")
        #expect(played.status == 0, "\(played.stderr)")
        #expect(played.stdout.contains("From a bare system.") && played.stdout.contains("MOST LIKELY F1"))
        let checked = try hidden("demo '\(demo)' --check")
        #expect(checked.status == 0 && checked.stdout.contains("all 1 expect lines hold"), "\(checked.stderr)")
        // The same folder hidden stops a binary that links the runtime: the test can fail.
        let dynamic = try CLI.run(
            "/usr/bin/unshare",
            ["-m", "/bin/sh", "-c", "mount -t tmpfs none '\(libraries)' && exec '\(CLI.binary.path)' --version"],
            environment: ["PATH": "/usr/bin:/bin"])
        let linksRuntime = try CLI.run("/usr/bin/ldd", [CLI.binary.path]).stdout.contains("libswift")
        if linksRuntime { #expect(dynamic.status != 0, "a binary linking libswift ran with the libraries hidden") }
    }
}
