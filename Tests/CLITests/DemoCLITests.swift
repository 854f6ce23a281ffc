import Foundation
import Testing

/// `twofutures demo` through the built binary.
@Suite("twofutures demo")
struct DemoCLITests {
    @Test("quick.demo headless prints the checked-in final screen")
    func quickHeadless() throws {
        let result = try CLI.run(["demo", CLI.path("Demos/quick.demo"), "--headless"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let want = try String(
            contentsOfFile: CLI.path("Tests/DashboardTests/Snapshots/demo-quick-final-120x36.txt"), encoding: .utf8)
        #expect(result.stdout == want)
    }

    @Test("--frames writes one text frame per caption")
    func frames() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("demo-frames-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run(["demo", CLI.path("Demos/quick.demo"), "--headless", "--frames", dir.path])
        #expect(result.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == (1...5).map { String(format: "frame-%03d.txt", $0) })
        let first = try String(contentsOf: dir.appendingPathComponent("frame-001.txt"), encoding: .utf8)
        #expect(first.contains("the status quo."))
    }

    @Test("a bad script exits 65 with FILE:LINE before anything is shown")
    func badScript() throws {
        let file = CLI.path("Tests/FormatsTests/Fixtures/demos/bad-duration.demo")
        let result = try CLI.run(["demo", file, "--headless"])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "\(file):3: expected a duration like 150ms or 1.5s, got '1.5m'\n")
    }

    @Test("--size overrides the script's size; a bad size is a usage error")
    func size() throws {
        let result = try CLI.run(["demo", CLI.path("Demos/quick.demo"), "--headless", "--size", "80x24"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 24)
        let bad = try CLI.run(["demo", CLI.path("Demos/quick.demo"), "--headless", "--size", "10x10"])
        #expect(bad.status == 64)
    }
}
