import Dashboard
import Formats
import Foundation
import FuturesModel
import Shell
import Testing

/// Demos in play: playback, headless screens, sessions (their files: FormatsTests).
@Suite("Demos")
struct DemoTests {
    static let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
    static let shipped = root.appendingPathComponent("../../Demos").standardized.path

    @Test("set animates over about half a second and ends as one undoable change")
    func setAnimates() throws {
        let script = try DemoParser.parse("caption \"a\"\nset export_controls 90%\n", file: "d.demo")
        let steps = DemoPlayer.steps(script, from: State())
        #expect(steps.count == 1 + DemoPlayer.setFrames)
        #expect(steps.first?.isCaption == true)
        #expect(steps.last?.at == DemoPlayer.setMilliseconds)
        let values = steps.dropFirst().map { $0.document.scenario.levers[.exportControls] }
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 < $1 })
        let last = try #require(steps.last)
        #expect(last.document.scenario.levers[.exportControls] == 0.9)
        #expect(last.document.undoStack.count == 1)
        #expect(last.view.selected == .lever(.exportControls))
        #expect(last.caption == "a")
        #expect(last.view.explanation.hasPrefix("Export controls 50→90 %"))
    }

    @Test("keys go through reduce, with their delays on the clock")
    func keysAndClock() throws {
        let script = try DemoParser.parse("key Down\nkey Right 3 @100ms\nsleep 1s\npause\nkey 1\n", file: "d.demo")
        let steps = DemoPlayer.steps(script, from: State())
        #expect(steps.map(\.at) == [150, 250, 350, 450, 1450, 1450, 1600])
        #expect(steps.map(\.isPause) == [false, false, false, false, false, true, false])
        var state = State()
        for key: Key in [.down, .right, .right, .right, .char("1")] { reduce(&state, .keyPressed(key)) }
        #expect(steps.last?.document == state.document && steps.last?.view == state.view)
    }

    @Test("the tour tells this release's story in chapters with notes, in under four minutes")
    func tourLength() throws {
        let text = try String(contentsOfFile: "\(Self.shipped)/tour.demo", encoding: .utf8)
        let script = try DemoParser.parse(text, file: "tour.demo")
        let steps = DemoPlayer.steps(script, from: State(width: 120, height: 36))
        let end = try #require(steps.last).at
        #expect(end > 90_000 && end < 240_000, "\(end) ms")
        #expect(script.chapters.count >= 5 && script.duration != nil)
        // Every chapter has notes for the presenter.
        let notes = script.notesByCommand
        let chapterLines = script.lines.indices.filter {
            if case .chapter = script.lines[$0].command { true } else { false }
        }
        for start in chapterLines {
            let end = chapterLines.first { $0 > start } ?? script.lines.count
            #expect((start..<end).contains { notes[$0] != nil }, "chapter at line \(script.lines[start].line)")
        }
        // Across worlds against the central run, one predict step, the answer view for two
        // futures, developing markets under the price lens, the spotlight.
        #expect(steps.contains { $0.view.language == .asSet })
        #expect(steps.filter { $0.cue.prediction != nil }.count >= 1)
        #expect(steps.contains { $0.view.mode == .answer(AnswerView(verdict: .future2)) })
        #expect(steps.contains { $0.document.activeLens?.id == "price" })
        #expect(steps.contains { $0.cue.focus == .answer } && steps.contains { $0.cue.focus == .outcome })
        #expect(steps.contains { $0.document.scenario.policyStart == 12 })
        #expect(script.lines.filter { if case .expect = $0.command { true } else { false } }.count >= 10)
        #expect(steps.last?.view.mode == .normal && steps.last?.document.scenario == Scenario())
    }

    @Test("--frames: each caption's frame shows the state at its last wait, not the next caption's set-up")
    func framesMatchCaptions() throws {
        let script = try DemoParser.parse(
            """
            size 120x36
            caption "Future 1: 14.9 months."
            preset future1
            sleep 1s
            key r
            set control_leakage 0.9
            caption "Back to the status quo, leaky."
            sleep 1s
            caption "No wait at all."
            key 1
            """, file: "f.demo")
        var initial = State(width: 120, height: 36)
        initial.results.ensembleMembers = 0
        let result = DemoHeadless.play(script, from: initial, runtime: Runtime(settings: .init(members: 0), threads: 1))
        #expect(result.frames.count == 3)
        #expect(result.frames[0].text.contains("lead 14.9 mo"), "the state at the end of the sleep")
        #expect(result.frames[0].text.contains("Future 1: 14.9 months."))
        #expect(result.frames[1].text.contains("Control leakage 0.70→0.90"))
        #expect(result.frames[2].text.contains("Preset Future 1"), "no wait: the state before the next caption")
    }

    @Test("quick.demo played headless ends on the expected screen")
    func quickDemoHeadless() throws {
        let text = try String(contentsOfFile: "\(Self.shipped)/quick.demo", encoding: .utf8)
        let script = try DemoParser.parse(text, file: "quick.demo")
        let size = try #require(script.size)
        // As `twofutures demo --headless` plays it: the screen's 2,000 members, seed 1.
        let result = DemoHeadless.play(
            script, from: State(width: size.width, height: size.height),
            runtime: Runtime(settings: EnsembleSettings(members: Job.screenMembers), threads: 2))
        #expect(result.frames.count == 5)
        #expect(result.final.text.contains("split by lever"))
        assertSnapshot(result.final.text, named: "demo-quick-final-120x36")
    }

    @Test("no caption leaves the screen as it was; a caption draws a band above the outcome bar")
    func captionBox() {
        var state = State(width: 80, height: 24)
        let plain = render(state, Analysis(state.scenario))
        state.demo.caption = ""
        #expect(render(state, Analysis(state.scenario)) == plain)
        state.demo.caption = "Future 1: strict, enforced controls."
        let shown = render(state, Analysis(state.scenario))
        let at = shown.find("Future 1: strict, enforced controls.")
        #expect(at?.y == state.layout.outcome.y - 2)
    }

    @Test("through reduce: a loaded demo moves with tick, Space, n, b and q are its keys, the end quits")
    func demoThroughReduce() throws {
        let script = try DemoParser.parse(
            "caption \"one\"\nsleep 1s\ncaption \"two\"\nkey Right\nsleep 1s\n", file: "r.demo")
        var state = State()
        reduce(&state, .tick(now: 100))
        #expect(reduce(&state, .demoLoaded(script, exitAtEnd: true)).isEmpty)
        #expect(state.demo.caption == "one" && state.demo.progress == "step 1/2")
        // While it plays, other keys do nothing.
        #expect(reduce(&state, .keyPressed(.char("1"))).isEmpty)
        #expect(state.scenario == Scenario())
        reduce(&state, .tick(now: 1100))
        #expect(state.demo.caption == "two")
        reduce(&state, .keyPressed(.char("b")))
        #expect(state.demo.caption == "one")
        reduce(&state, .keyPressed(.char(" ")))
        #expect(state.demo.progress == "step 1/2 paused")
        // Paused, the presenter's keys act.
        reduce(&state, .keyPressed(.char("2")))
        #expect(state.scenario.levers == Preset.future2.levers)
        reduce(&state, .keyPressed(.char(" ")))
        reduce(&state, .keyPressed(.char("n")))
        #expect(state.demo.caption == "two")
        #expect(reduce(&state, .keyPressed(.ctrl("l"))) == [.redraw])
        #expect(reduce(&state, .tick(now: 60_000)) == [.quit], "the end of a demo --exit")
        // Without --exit the demo holds at its end until Space leaves it; then the dashboard
        // stays, and the first key clears what the demo left.
        var kept = State()
        reduce(&kept, .demoLoaded(script, exitAtEnd: false))
        #expect(reduce(&kept, .tick(now: 60_000)).isEmpty)
        #expect(kept.demo.session?.paused == true && kept.demo.progress.hasSuffix("the end: Space leaves the demo"))
        reduce(&kept, .keyPressed(.char(" ")))
        #expect(kept.demo.session == nil && kept.demo.progress == "demo ended")
        reduce(&kept, .keyPressed(.down))
        #expect(kept.demo.progress.isEmpty && kept.demo.caption == nil)
        #expect(reduce(&kept, .keyPressed(.char("q"))) == [.quit])
    }

    @Test("live session: timed steps on an injected clock, pause, n, b, and the presenter taking over")
    func session() throws {
        let text = """
            caption "one"
            sleep 1s
            caption "two"
            pause
            key Right 2 @100ms
            caption "three"
            sleep 1s
            """
        let script = try DemoParser.parse(text, file: "s.demo.session")
        var state = State()
        var session = DemoSession(script: script, state: state, now: 0)
        session.advance(&state, now: 0)
        #expect(state.demo.caption == "one")
        #expect(state.demo.progress == "step 1/3")
        #expect(session.millisecondsUntilNext(now: 400) == 600)
        session.advance(&state, now: 1000)
        #expect(state.demo.caption == "two")
        #expect(session.paused)
        #expect(session.millisecondsUntilNext(now: 5000) == nil)
        // The presenter takes over at the pause, then resumes: the demo goes on from there.
        reduce(&state, .keyPressed(.char("2")))
        session.presenterActed = true
        session.togglePause(&state, now: 9000)
        session.advance(&state, now: 9200)
        var expected = State()
        for key: Key in [.char("2"), .right, .right] { reduce(&expected, .keyPressed(key)) }
        #expect(state.scenario == expected.scenario)
        #expect(state.demo.caption == "three")
        session.previousCaption(&state, now: 9300)
        #expect(state.demo.caption == "two")
        #expect(state.scenario == Scenario())
        session.nextCaption(&state, now: 9400)
        #expect(state.demo.caption == "three")
        session.advance(&state, now: 10_400)
        #expect(session.finished)
    }
}
