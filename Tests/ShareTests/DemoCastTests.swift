import Dashboard
import Formats
import Foundation
import FuturesModel
import Share
import Shell
import Terminal
import TestSupport
import Testing

/// A demo as a timeline of screens and as an asciicast: timing, validity, determinism, and
/// a replay through a real terminal emulator (pyte) that ends on the headless final screen.
@Suite("Demo casts")
struct DemoCastTests {
    /// The ensemble's settings: a small ensemble, for speed, refined as the worker refines
    /// it (its first `Job.firstMembers` members, then all).
    static let settings = EnsembleSettings(members: 2000)

    /// A runtime that answers the screen's jobs at once, each computed once.
    static func runtime() -> Runtime { Runtime(settings: settings, threads: 1) }

    static let quick = try! DemoParser.parse(
        String(contentsOf: ExternalTool.repository.appendingPathComponent("Demos/quick.demo"), encoding: .utf8),
        file: "Demos/quick.demo")

    static func state(_ width: Int = 120, _ height: Int = 36) -> State {
        var state = State(width: width, height: height)
        state.view.themes = [.dark, .light]
        state.results.ensembleMembers = Self.settings.members
        return state
    }

    static func cast(
        _ script: DemoScript, width: Int = 120, height: Int = 36, runtime: Runtime = DemoCastTests.runtime()
    ) -> Asciicast {
        let frames = DemoTimeline.frames(script, from: state(width, height), runtime: runtime)
        return DemoCast.make(frames, width: width, height: height, title: DemoCast.title(of: script))
    }

    @Test("time follows the script: the start, the ensemble's two answers, the set's steps, a pause's hold")
    func timing() throws {
        let script = try DemoParser.parse(
            """
            caption "one"
            sleep 1s
            set export_controls 60%
            sleep 500ms
            pause
            caption "two"
            sleep 1s
            """, file: "t.demo")
        let frames = DemoTimeline.frames(script, from: Self.state(80, 24), runtime: Self.runtime())
        let job = DemoTimeline.jobMilliseconds, pause = DemoTimeline.pauseMilliseconds
        let step = DemoPlayer.setMilliseconds / DemoPlayer.setFrames
        let animation = (1...DemoPlayer.setFrames).map { 1000 + step * $0 }
        let end = animation.last! + 500
        // Each change: its screen at once, the first band one job later, the full one after another.
        let changes = [0] + animation
        let allowed = Set(changes.flatMap { [$0, $0 + job, $0 + 2 * job] } + [end + pause, end + pause + 1000])
        let times = frames.map(\.at)
        #expect(times == times.sorted())
        #expect(Set(times).isSubset(of: allowed), "\(times)")
        func status(at time: Int) -> String? { frames.last { $0.at == time }?.screen.line(23) }
        #expect(status(at: 0)?.contains("across worlds…") == true)
        for t in changes {
            #expect(status(at: t + 2 * job)?.contains("across 2,000 worlds") == true, "at \(t + 2 * job)")
        }
        for t in animation {
            #expect(status(at: t)?.contains("across 500 worlds…") == true, "at \(t)")
        }
        #expect(frames.first { $0.at == end + pause }?.screen.text.contains("two") == true, "the pause holds")
        #expect(frames.last?.at == end + pause + 1000)
        #expect(frames.last?.screen == frames[frames.count - 2].screen, "the last frame only holds")
    }

    @Test("the answers the screen waits for arrive as they do live; the last screen is the headless one")
    func lastScreen() throws {
        let script = try DemoParser.parse(
            """
            caption "across worlds"
            key a 2
            sleep 1s
            caption "a step keeps the answers in"
            sleep 1s
            """, file: "t.demo")
        let runtime = Self.runtime()
        let frames = DemoTimeline.frames(script, from: Self.state(), runtime: runtime)
        let headless = DemoHeadless.frames(script, from: Self.state(), runtime: runtime)
        let last = try #require(frames.last)
        #expect(last.screen == headless.final.screen)
        #expect(last.screen.text.contains("Each lever across 2000 worlds"), "\(last.screen.text)")
        #expect(frames.contains { $0.screen.text.contains("computing across worlds") }, "before its answer")
    }

    @Test("the cast is asciicast v2: JSON lines, times that never go back, the size and title in the header")
    func validity() throws {
        let cast = Self.cast(Self.quick, width: 100, height: 30)
        let lines = cast.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "the file ends with a newline")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 100 && header["height"] as? Int == 30)
        #expect(header["title"] as? String == "Today's policy mix: the status quo.")
        #expect((header["env"] as? [String: String])?["TERM"] == "xterm-256color")
        var last = 0.0
        for line in lines.dropFirst().dropLast() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            #expect(event.count == 3 && event[1] as? String == "o" && event[2] is String, "\(line.prefix(80))")
            let time = try #require((event[0] as? NSNumber)?.doubleValue)
            #expect(time >= last)
            last = time
        }
        #expect(last >= 25, "the quick demo plays for about 30 s, not \(last)")
    }

    @Test("chapters are asciicast markers at the moment each starts, pauses held included")
    func markers() throws {
        let script = try DemoParser.parse(
            """
            size 80x24
            chapter "One"
            caption "a"
            sleep 1s
            pause
            chapter "Two"
            preset future1
            caption "b"
            sleep 1s
            chapter "Three"
            caption "c"
            sleep 1s
            """, file: "m.demo")
        let cast = Self.cast(script, width: 80, height: 24)
        let markers = cast.events.filter { $0.kind == .marker }
        #expect(markers.map(\.data) == ["One", "Two", "Three"])
        // One at the start; Two after the 1 s sleep and the pause's 2 s hold; Three 1 s later.
        #expect(markers.map(\.time) == [0, 3_000_000, 4_000_000])
        #expect(cast.text.contains("[3.000000, \"m\", \"Two\"]"))
    }

    @Test("the same demo gives the same bytes")
    func deterministic() {
        #expect(Self.cast(Self.quick).text == Self.cast(Self.quick).text)
    }

    @Test("replayed through pyte, the cast ends on the headless final screen, cell for cell and colour for colour")
    func replay() throws {
        let runtime = Self.runtime()
        let cast = Self.cast(Self.quick, runtime: runtime)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("quick-\(UUID().uuidString).cast")
        defer { try? FileManager.default.removeItem(at: file) }
        try cast.text.write(to: file, atomically: true, encoding: .utf8)
        let result = try ExternalTool.replay(file.path, cells: true)
        #expect(result.status == 0, "\(result.stderr)")
        let replayed = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let final = DemoHeadless.frames(Self.quick, from: Self.state(), runtime: runtime).final
        #expect(replayed["lines"] as? [String] == (0..<36).map { final.screen.line($0) })
        let frame = TerminalFrame(Bridge.update(final.screen, final.screen.diff(from: nil)), over: nil)
        let palette = DemoCast.palette(final.theme)
        func hex(_ c: RGB?) -> String {
            c.map { String(format: "%02x%02x%02x", $0.r, $0.g, $0.b) } ?? "default"
        }
        let cells = try #require(replayed["cells"] as? [[[Any]]])
        var differences = [String]()
        for y in 0..<frame.height {
            for x in 0..<frame.width {
                let cell = frame[x, y]
                let background = cell.background >= 0 ? palette.roles[cell.background] : nil
                let want = [hex(palette.roles[cell.role]), hex(background ?? palette.background)]
                let got = cells[y][x]
                if got[0] as? String != want[0] || got[1] as? String != want[1] || got[2] as? Bool != cell.bold
                    || got[3] as? Bool != cell.reverse
                {
                    differences.append("(\(x), \(y)) '\(cell.character)': want \(want), got \(got)")
                }
            }
        }
        #expect(differences.isEmpty, "\(differences.count) cells differ: \(differences.prefix(5))")
    }

    @Test("the title is the first caption, else the file's name")
    func title() throws {
        #expect(DemoCast.title(of: Self.quick) == "Today's policy mix: the status quo.")
        let bare = try DemoParser.parse("sleep 1s", file: "/tmp/some/talk.demo")
        #expect(DemoCast.title(of: bare) == "talk.demo")
    }
}
