import Foundation
import Testing

/// The Debian package (`make deb`), installed with dpkg as a user would, then removed.
/// `make test` builds it and names it in TWOFUTURES_DEB; installing takes root (CI runs as
/// root), so elsewhere the test is reported as skipped.
@Suite("The Debian package", .serialized)
struct DebPackageTests {
    static let deb = ProcessInfo.processInfo.environment["TWOFUTURES_DEB"]

    static func sh(_ command: String, in directory: URL? = nil) throws -> CLI.Result {
        try CLI.run(
            "/bin/sh", ["-c", command], environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"], directory: directory)
    }

    /// Whether a package named twofutures is installed already (then the test leaves it be).
    static var alreadyInstalled: Bool {
        (try? sh("dpkg-query -W -f='${Status}' twofutures 2>/dev/null"))?.stdout.contains("install ok installed")
            ?? false
    }

    @Test(
        "lintian reports no error and no warning",
        .enabled(if: deb != nil, "make test builds the .deb and sets TWOFUTURES_DEB"))
    func lintian() throws {
        let deb = try #require(Self.deb)
        let found = try Self.sh("command -v lintian")
        try #require(found.status == 0, "lintian is missing: make deps installs it")
        let report = try Self.sh("lintian --tag-display-limit 0 '\(deb)' 2>/dev/null")
        let lines = report.stdout.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("E:") || $0.hasPrefix("W:") }, "\(report.stdout)")
        #expect(report.status == 0, "\(report.stdout)\(report.stderr)")
    }

    @Test(
        "dpkg installs it: --version, man -w and a headless demo from another folder work; dpkg -r leaves nothing",
        .enabled(if: deb != nil, "make test builds the .deb and sets TWOFUTURES_DEB"),
        .enabled(if: getuid() == 0, "installing a package takes root (CI runs as root)"),
        .enabled(if: !alreadyInstalled, "a twofutures package is installed here already; the test leaves it be"))
    func installAndRemove() throws {
        let deb = try #require(Self.deb)
        // What the package holds, from the archive itself.
        let listed = try Self.sh("dpkg-deb -c '\(deb)'")
        #expect(listed.status == 0)
        let files = listed.stdout.split(separator: "\n").compactMap { line -> String? in
            guard let path = line.split(separator: " ").last, !path.hasSuffix("/") else { return nil }
            return String(path.dropFirst())  // "./usr/bin/twofutures" → "/usr/bin/twofutures"
        }
        #expect(files.contains("/usr/bin/twofutures") && files.contains("/usr/share/man/man1/twofutures.1.gz"))
        #expect(files.contains("/usr/share/doc/twofutures/copyright"))
        let installed = try Self.sh("dpkg -i '\(deb)'")
        #expect(installed.status == 0, "\(installed.stdout)\(installed.stderr)")
        defer { _ = try? Self.sh("dpkg -r twofutures") }
        for file in files { #expect(FileManager.default.fileExists(atPath: file), "\(file) is not installed") }

        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("deb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let version = try Self.sh("twofutures --version", in: elsewhere)
        #expect(version.status == 0 && version.stdout.hasPrefix("twofutures 0."), "\(version.stderr)")
        let manual = try Self.sh("man -w twofutures", in: elsewhere)
        #expect(manual.status == 0 && manual.stdout.contains("/usr/share/man/man1/twofutures.1.gz"), "\(manual)")
        // The shipped demo by name, found in /usr/share/twofutures from any folder.
        let demo = try Self.sh(
            "HOME='\(elsewhere.path)' twofutures demo quick --headless --members 2000", in: elsewhere)
        #expect(demo.status == 0 && demo.stdout.contains("Press a: the lead over Future 2"), "\(demo.stderr)")
        let help = try Self.sh("twofutures --help", in: elsewhere)
        #expect(help.stdout.contains("/usr/share/doc/twofutures"), "--help names the installed guides")

        let removed = try Self.sh("dpkg -r twofutures")
        #expect(removed.status == 0, "\(removed.stderr)")
        for file in files { #expect(!FileManager.default.fileExists(atPath: file), "\(file) is left") }
        for folder in ["/usr/share/twofutures", "/usr/share/doc/twofutures"] {
            #expect(!FileManager.default.fileExists(atPath: folder), "\(folder) is left")
        }
        let which = try Self.sh("command -v twofutures")
        #expect(which.status != 0, "twofutures is still on PATH: \(which.stdout)")
    }
}
