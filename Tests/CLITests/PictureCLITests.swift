import Foundation
import Testing

/// The README's picture, docs/images/dashboard.svg, is what the binary draws today: the
/// last screen of the shipped quick demo (seed 1), as `make picture` writes it.
@Suite("the README's picture")
struct PictureCLITests {
    @Test("docs/images/dashboard.svg is `demo quick --svg`, byte for byte (make picture rewrites it)")
    func picture() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tf-picture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("dashboard.svg")
        // As `make picture` runs it: no user themes or lenses.
        let environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "XDG_CONFIG_HOME": "/nonexistent",
        ]
        let result = try CLI.run(
            CLI.binary.path, ["demo", "quick", "--svg", output.path], environment: environment, directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let drawn = try Data(contentsOf: output)
        let committed = try Data(contentsOf: URL(fileURLWithPath: CLI.path("docs/images/dashboard.svg")))
        #expect(drawn == committed, "docs/images/dashboard.svg is out of date: run make picture")
        #expect(CLI.readme.contains("](docs/images/dashboard.svg)"), "the README does not show the picture")
    }
}
