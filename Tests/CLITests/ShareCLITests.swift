import Foundation
import TestSupport
import Testing

/// `twofutures demo --cast` and `--svg` through the built binary: files that asciinema,
/// a terminal emulator (pyte) and an SVG renderer read, the same bytes each run, and bad
/// paths refused with one line and exit 73, leaving no file behind.
@Suite("twofutures demo --cast and --svg")
struct ShareCLITests {
    static let quick = CLI.path("Demos/quick.demo")

    @Test("the cast plays in asciinema, replays through pyte to the headless final screen, and is the same each run")
    func cast() throws {
        let dir = try InstallTests.temporaryFolder("share-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let one = dir.appendingPathComponent("one.cast").path, two = dir.appendingPathComponent("two.cast").path
        let made = try CLI.run(["demo", Self.quick, "--cast", one, "--size", "100x30"])
        #expect(made.status == 0 && made.stderr.isEmpty && made.stdout.isEmpty, "\(made.stderr)")
        #expect(try CLI.run(["demo", Self.quick, "--cast", two, "--size", "100x30"]).status == 0)
        #expect(FileManager.default.contents(atPath: one) == FileManager.default.contents(atPath: two))

        let asciinema = try ExternalTool.run(
            try ExternalTool.path("asciinema", package: "asciinema from PyPI"), ["cat", one])
        #expect(asciinema.status == 0, "\(asciinema.stderr.prefix(300))")

        let replayed = try ExternalTool.replay(one)
        #expect(replayed.status == 0, "\(replayed.stderr.prefix(300))")
        let headless = try CLI.run(["demo", Self.quick, "--headless", "--size", "100x30"])
        let trimmed = { (text: String) in
            text.split(separator: "\n", omittingEmptySubsequences: false).map {
                String($0.reversed().drop { $0 == " " }.reversed())
            }
        }
        let want = trimmed(headless.stdout), got = trimmed(replayed.stdout)
        #expect(want.count == got.count && want.count == 31, "30 rows and the final newline")
        let differ = zip(want, got).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(differ.isEmpty, "rows \(differ) differ, first: \(differ.first.map { got[$0].prefix(120) } ?? "")")
    }

    @Test("--colors 256 writes xterm's 256 colours only; a bad value is a usage error")
    func colors() throws {
        let dir = try InstallTests.temporaryFolder("share-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("q.cast").path
        #expect(try CLI.run(["demo", Self.quick, "--cast", file, "--colors", "256"]).status == 0)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains(";38;5;") && !text.contains(";38;2;"))
        let bad = try CLI.run([
            "demo", Self.quick, "--cast", dir.appendingPathComponent("b.cast").path, "--colors", "16",
        ])
        #expect(bad.status == 64 && bad.stderr.contains("--colors"))
    }

    @Test("--svg writes the final screen, --frames DIR --svg one picture per caption; rsvg-convert renders them")
    func svg() throws {
        let dir = try InstallTests.temporaryFolder("share-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("quick.svg").path
        let result = try CLI.run(["demo", Self.quick, "--svg", file, "--size", "80x24"])
        #expect(result.status == 0 && result.stdout.isEmpty, "\(result.stderr)")
        let root = try ExternalTool.parseXML(file)
        #expect(root.attributes["data-columns"] == "80" && root.attributes["data-rows"] == "24")
        let png = dir.appendingPathComponent("quick.png").path
        let converted = try ExternalTool.rsvgConvert(file, to: png)
        #expect(converted.status == 0 && converted.stderr.isEmpty, "\(converted.stderr)")
        #expect(ExternalTool.pngSize(png) != nil)

        let frames = dir.appendingPathComponent("frames")
        #expect(try CLI.run(["demo", Self.quick, "--frames", frames.path, "--svg"]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: frames.path).sorted()
        #expect(files == (1...5).map { String(format: "frame-%03d.svg", $0) })
        #expect(
            try ExternalTool.parseXML(frames.appendingPathComponent("frame-001.svg").path).texts.contains {
                $0.contains("status quo")
            })

        // A folder with frames already: refused without --force, the frames kept; with
        // --force replaced, and a stale frame of a longer earlier run removed.
        let stale = frames.appendingPathComponent("frame-009.svg").path
        try "old".write(toFile: stale, atomically: true, encoding: .utf8)
        let first = frames.appendingPathComponent("frame-001.svg").path
        let before = try String(contentsOfFile: first, encoding: .utf8)
        let refused = try CLI.run(["demo", Self.quick, "--frames", frames.path, "--svg", "--size", "80x24"])
        #expect(refused.status == 73 && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: first, encoding: .utf8) == before)
        let forced = try CLI.run(["demo", Self.quick, "--frames", frames.path, "--svg", "--size", "80x24", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: first, encoding: .utf8) != before)
        #expect(!FileManager.default.fileExists(atPath: stale))

        // The cast and the picture cannot be the same file: refused before anything is written.
        let same = dir.appendingPathComponent("same.out").path
        let clash = try CLI.run(["demo", Self.quick, "--cast", same, "--svg", same])
        #expect(clash.status == 64 && clash.stderr.contains("same file"), "\(clash.stderr)")
        #expect(!FileManager.default.fileExists(atPath: same))
    }

    @Test(
        "an existing file without --force, or a folder that cannot take a file: one line, exit 73, nothing written",
        arguments: ["--cast", "--svg"])
    func badPaths(option: String) throws {
        let dir = try InstallTests.temporaryFolder("share-cli")
        defer { try? FileManager.default.removeItem(at: dir) }
        let existing = dir.appendingPathComponent("existing").path
        try "keep".write(toFile: existing, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["demo", Self.quick, option, existing])
        #expect(refused.status == 73 && refused.stdout.isEmpty)
        #expect(
            refused.stderr.split(separator: "\n").count == 1 && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep")
        let forced = try CLI.run(["demo", Self.quick, option, existing, "--force", "--size", "80x24"])
        let replaced = try String(contentsOfFile: existing, encoding: .utf8)
        #expect(forced.status == 0 && replaced != "keep")

        // A folder that is a file, one that does not exist, one that takes no new file (sysfs,
        // even for root), and, unless root (who may write anywhere), one without write permission.
        var targets = [existing + "/out", dir.appendingPathComponent("missing/out").path, "/sys/twofutures-test.out"]
        if geteuid() != 0 {
            let locked = dir.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
            targets.append(locked.appendingPathComponent("out").path)
        }
        for target in targets {
            let result = try CLI.run(["demo", Self.quick, option, target])
            #expect(result.status == 73 && result.stdout.isEmpty, "\(target): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("cannot write"))
        }
        #expect(!FileManager.default.fileExists(atPath: "/sys/twofutures-test.out"))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "locked" }
        #expect(left == ["existing"], "no partial file")
    }
}
