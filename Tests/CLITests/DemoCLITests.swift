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

    @Test("every shipped demo passes --check: its captions' claims hold on the model as it is")
    func shippedDemosCheck() throws {
        let folder = CLI.path("Demos")
        let demos = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".demo") }
            .sorted()
        #expect(demos.count >= 2)
        for demo in demos {
            let result = try CLI.run(["demo", "\(folder)/\(demo)", "--check"])
            #expect(result.status == 0, "\(demo): \(result.stderr)")
            #expect(result.stdout.contains("expect lines hold") && !result.stdout.contains("all 0"), "\(demo)")
        }
    }

    @Test("--check: a caption the model no longer supports fails with FILE:LINE and exit 1")
    func checkFails() throws {
        let file = try CLI.temporaryFile(
            """
            size 80x24
            caption "Future 1 is certain."
            preset future1
            expect "MOST LIKELY F1 51%"
            expect "MOST LIKELY FUTURE 1 · 99 %"
            expect "never reached"
            """)
        let result = try CLI.run(["demo", file, "--check"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first.map(String.init) == "\(file):5: expected \"MOST LIKELY FUTURE 1 · 99 %\" on screen")
        #expect(result.stderr.contains("The screen there (80x24):") && result.stderr.contains("MOST LIKELY F1 51%"))
        #expect(result.stdout.isEmpty)
        // --check plays headless on its own.
        let mixed = try CLI.run(["demo", file, "--check", "--svg", "x.svg"])
        #expect(mixed.status == 64 && mixed.stderr.contains("--check plays headless on its own"))
    }

    @Test("bad presenter commands exit 65 with FILE:LINE; a bad --duration is a usage error")
    func presenterErrors() throws {
        for (name, line, message) in [
            ("unknown-focus", 3, "unknown focus target 'chart'"),
            ("empty-predict", 3, "expected 'predict \"QUESTION\"'"),
        ] {
            let file = CLI.path("Tests/FormatsTests/Fixtures/demos/\(name).demo")
            let result = try CLI.run(["demo", file, "--check"])
            #expect(result.status == 65, "\(name)")
            #expect(result.stderr.hasPrefix("\(file):\(line): \(message)"), "\(result.stderr)")
        }
        let bad = try CLI.run(["demo", CLI.path("Demos/quick.demo"), "--check", "--duration", "soon"])
        #expect(bad.status == 64 && bad.stderr.contains("expected a length like 20m"))
    }
}
