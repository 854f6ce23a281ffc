import Dashboard
import Formats
import FuturesModel
import Testing

/// Presenter mode in the pure core: chapters and their jumps, notes, the spotlight,
/// predict and reveal, replay, and what the notes terminal is sent.
@Suite("Presenter mode")
struct PresenterTests {
    static let script = """
        duration 20m
        chapter "The two futures"
        note "Start with the status quo."
        caption "Status quo."
        note "Point at the band."
        note "Then at the verdict."
        focus outcome
        sleep 1s
        preset future1
        caption "Future 1."
        sleep 1s
        chapter "What does waiting cost?"
        caption "Started at once."
        select policy_start
        sleep 1s
        predict "What will a one-year delay cost?"
        note "Let them guess."
        set policy_start 2027-01
        sleep 2s
        replay
        chapter "The critics"
        lens all-critics
        caption "All the critics."
        sleep 1s
        """

    static func played() throws -> (DemoScript, [DemoStep]) {
        let script = try DemoParser.parse(Self.script, file: "talk.demo")
        return (script, DemoPlayer.steps(script, from: State(width: 120, height: 36)))
    }

    @Test("chapters, notes and the spotlight ride on the steps: a chapter clears the spotlight")
    func cues() throws {
        let (script, steps) = try Self.played()
        #expect(script.chapters == ["The two futures", "What does waiting cost?", "The critics"])
        #expect(steps.filter(\.isChapter).map(\.cue.chapter) == script.chapters)
        let status = try #require(steps.first { $0.caption == "Status quo." })
        // The chapter's notes come with its first caption: playing on, the chapter's own
        // step is gone at once.
        #expect(status.cue.notes == ["Start with the status quo.", "Point at the band.", "Then at the verdict."])
        #expect(status.cue.chapterNumber == 1 && status.cue.chapter == "The two futures")
        let first = try #require(steps.first)
        #expect(
            first.isChapter && first.cue.caption == "The two futures"
                && first.cue.notes == ["Start with the status quo."])
        #expect(steps.contains { $0.cue.focus == .outcome && $0.caption == "Future 1." })
        #expect(steps.filter { $0.cue.chapterNumber >= 2 }.allSatisfy { $0.cue.focus == nil })
        #expect(script.duration == 1200)
    }

    @Test("predict waits with the question on screen; the next change reveals, replay plays it again")
    func predictAndReplay() throws {
        let (_, steps) = try Self.played()
        let question = try #require(steps.firstIndex { $0.cue.prediction != nil })
        #expect(steps[question].isPause && steps[question].isCaption)
        #expect(steps[question].caption == "What will a one-year delay cost?")
        #expect(steps[question].cue.notes == ["Let them guess."])
        #expect(steps[question].document.scenario.policyStart == 0, "the change has not played")
        // The set that follows reveals: no question any more, its frames flagged.
        let reveal = steps[(question + 1)...].prefix(DemoPlayer.setFrames)
        #expect(reveal.allSatisfy { $0.cue.reveals && $0.cue.prediction == nil })
        #expect(reveal.last?.document.scenario.policyStart == 12)
        #expect(steps[question + DemoPlayer.setFrames + 1].cue.reveals == false)
        // replay: back to before the change, held, then the change again.
        let replayLine = 20
        let replayed = steps.filter { $0.line == replayLine }
        #expect(replayed.first?.document.scenario.policyStart == 0)
        #expect(replayed.last?.document.scenario.policyStart == 12)
        #expect(replayed.count == 1 + DemoPlayer.setFrames)
        #expect(replayed[1].at - replayed[0].at == DemoPlayer.replayHoldMilliseconds + DemoPlayer.setMilliseconds / 10)
        #expect(
            replayed.last?.document.undoStack.count == steps[question + DemoPlayer.setFrames].document.undoStack.count)
    }

    @Test("] [ and 3G jump to a chapter's start with the state the script has there, even after the presenter acted")
    func chapterJumps() throws {
        let (script, steps) = try Self.played()
        var state = State(width: 120, height: 36)
        reduce(&state, .demoLoaded(script, exitAtEnd: false))
        #expect(state.demo.progress == "ch 1/3 · step 1/5")
        let waiting = try #require(steps.first { $0.cue.chapter == "What does waiting cost?" })
        reduce(&state, .keyPressed(.char("]")))
        #expect(state.demo.cue.chapter == "What does waiting cost?")
        #expect(state.document == waiting.document && state.scenario.levers == Preset.future1.levers)
        // The demo waits at the chapter's start, its title on screen, for Space.
        #expect(state.demo.progress.hasPrefix("ch 2/3") && state.demo.session?.paused == true)
        #expect(state.demo.caption == "What does waiting cost?")
        reduce(&state, .tick(now: 60_000))
        #expect(state.document == waiting.document, "nothing plays while it waits")
        // Paused, the presenter changes things; a chapter jump restores the script's state.
        reduce(&state, .keyPressed(.char("2")))
        reduce(&state, .keyPressed(.char("v")))
        #expect(state.scenario.levers == Preset.future2.levers)
        reduce(&state, .keyPressed(.pageDown))
        let critics = try #require(steps.first { $0.cue.chapter == "The critics" })
        #expect(state.document == critics.document && state.demo.cue.chapterNumber == 3)
        reduce(&state, .keyPressed(.char("[")))
        #expect(state.document == waiting.document)
        reduce(&state, .keyPressed(.pageUp))
        #expect(state.demo.cue.chapterNumber == 1 && state.scenario == Scenario())
        // From the first chapter, [ goes to the demo's start.
        reduce(&state, .keyPressed(.char("[")))
        #expect(state.demo.session?.applied == 1 && state.demo.session?.paused == true)
        // 3G, and 10G past the end: a message, nothing moves.
        reduce(&state, .keyPressed(.char("3")))
        #expect(state.demo.progress.hasPrefix("chapter 3… G jumps"))
        reduce(&state, .keyPressed(.char("G")))
        #expect(state.demo.cue.chapterNumber == 3 && state.document == critics.document)
        let before = state.document
        for key: Key in [.char("1"), .char("0"), .char("G")] { reduce(&state, .keyPressed(key)) }
        #expect(state.view.explanation == "No chapter 10: this demo has 3 (l lists them).")
        #expect(!state.demo.progress.contains("G jumps"))
        #expect(state.document != before, "paused, the digits acted as presets too")
        // A typed number without G is forgotten.
        reduce(&state, .keyPressed(.char("2")))
        reduce(&state, .keyPressed(.char("n")))
        #expect(!state.demo.progress.contains("G jumps"))
        // G alone says what it wants.
        reduce(&state, .keyPressed(.char("G")))
        #expect(state.view.explanation.hasPrefix("Type the chapter's number before G"))
    }

    @Test("l lists the chapters: ↑↓ choose, Enter jumps, Esc closes, q quits")
    func chapterList() throws {
        let (script, steps) = try Self.played()
        var state = State(width: 120, height: 36)
        reduce(&state, .demoLoaded(script, exitAtEnd: false))
        reduce(&state, .keyPressed(.char("l")))
        #expect(state.view.mode == .chapters(0))
        reduce(&state, .keyPressed(.down))
        reduce(&state, .keyPressed(.down))
        reduce(&state, .keyPressed(.down))
        #expect(state.view.mode == .chapters(0), "wraps")
        reduce(&state, .keyPressed(.up))
        #expect(state.view.mode == .chapters(2))
        reduce(&state, .keyPressed(.escape))
        #expect(state.view.mode == .normal && state.demo.cue.chapterNumber == 1)
        reduce(&state, .keyPressed(.char("l")))
        reduce(&state, .keyPressed(.end))
        reduce(&state, .keyPressed(.enter))
        let critics = try #require(steps.first { $0.cue.chapter == "The critics" })
        #expect(state.view.mode == .normal && state.document == critics.document)
        reduce(&state, .keyPressed(.char("l")))
        #expect(state.view.mode == .chapters(2), "opens on the current chapter")
        #expect(reduce(&state, .keyPressed(.char("q"))) == [.quit])
        // A demo without chapters says so.
        var plain = State()
        reduce(&plain, .demoLoaded(try DemoParser.parse("caption \"a\"\nsleep 1s\n", file: "p.demo"), exitAtEnd: false))
        reduce(&plain, .keyPressed(.char("l")))
        #expect(plain.view.mode == .normal && plain.view.explanation == "This demo has no chapters.")
        #expect(plain.demo.progress == "step 1/1")
    }

    @Test("played to its end, the demo holds there with its keys and clock; Space leaves it, --exit quits")
    func end() throws {
        let (script, steps) = try Self.played()
        var state = State(width: 120, height: 36)
        reduce(&state, .demoLoaded(script, exitAtEnd: false))
        let question = try #require(steps.first { $0.cue.prediction != nil })
        reduce(&state, .tick(now: question.at))
        reduce(&state, .keyPressed(.char(" ")))
        #expect(reduce(&state, .tick(now: 600_000)).isEmpty)
        let session = try #require(state.demo.session)
        #expect(session.finished && session.paused)
        #expect(state.demo.progress == "ch 3/3 · step 5/5 · the end: Space leaves the demo")
        #expect(state.demo.caption == "All the critics.")
        #expect(state.demo.presenterSnapshot?.finished == true && state.demo.presenterSnapshot?.paused == true)
        // The chapter keys still work, and the presenter's keys act.
        reduce(&state, .keyPressed(.char("[")))
        #expect(state.demo.cue.chapterNumber == 2 && state.demo.session?.finished == false)
        reduce(&state, .keyPressed(.char("]")))
        #expect(state.demo.cue.chapterNumber == 3)
        reduce(&state, .keyPressed(.char(" ")))
        reduce(&state, .tick(now: 1_200_000))
        reduce(&state, .keyPressed(.right))
        #expect(state.demo.session?.presenterActed == true)
        // Space leaves the demo: the caption goes, the dashboard is the presenter's.
        reduce(&state, .keyPressed(.char(" ")))
        #expect(state.demo.session == nil && state.demo.caption == nil && state.demo.progress == "demo ended")
        #expect(state.demo.presenterSnapshot == nil)
        var exiting = State(width: 120, height: 36)
        reduce(&exiting, .demoLoaded(script, exitAtEnd: true))
        reduce(&exiting, .tick(now: question.at))
        reduce(&exiting, .keyPressed(.char(" ")))
        #expect(reduce(&exiting, .tick(now: 600_000)) == [.quit])
        // At a pause on the last step, Space quits too.
        var last = State(width: 120, height: 36)
        reduce(&last, .demoLoaded(try DemoParser.parse("caption \"a\"\npause\n", file: "p.demo"), exitAtEnd: true))
        #expect(last.demo.session?.paused == true)
        #expect(reduce(&last, .keyPressed(.char(" "))) == [.quit])
    }

    @Test("a reveal is highlighted for a moment: the shell is woken when it ends")
    func revealTimer() throws {
        let (script, steps) = try Self.played()
        var state = State(width: 120, height: 36)
        reduce(&state, .tick(now: 0))
        reduce(&state, .demoLoaded(script, exitAtEnd: false))
        let question = try #require(steps.first { $0.cue.prediction != nil })
        reduce(&state, .tick(now: question.at))
        #expect(state.demo.cue.prediction == "What will a one-year delay cost?")
        #expect(state.demo.session?.paused == true && state.demo.millisecondsUntilNext(now: question.at) == nil)
        #expect(state.demo.progress == "ch 2/3 · step 4/5 · Space reveals")
        reduce(&state, .keyPressed(.char(" ")))
        reduce(&state, .tick(now: question.at + 600))
        #expect(state.demo.cue.prediction == nil && state.scenario.policyStart == 12)
        #expect(state.demo.highlightsReveal)
        let until = try #require(state.demo.revealUntil)
        #expect(until > question.at + 600 && until <= question.at + 600 + DemoSession.revealMilliseconds)
        reduce(&state, .tick(now: until))
        #expect(!state.demo.highlightsReveal && state.demo.revealUntil == nil)
    }

    @Test("the notes terminal's snapshot: chapter, step, caption, notes, next, time")
    func snapshot() throws {
        let (script, _) = try Self.played()
        var state = State(width: 120, height: 36)
        reduce(&state, .tick(now: 5000))
        reduce(&state, .demoLoaded(script, exitAtEnd: false))
        reduce(&state, .tick(now: 5100))
        let first = try #require(state.demo.presenterSnapshot)
        #expect(first.demo == "talk.demo" && first.chapter == "The two futures" && first.chapterNumber == 1)
        #expect(first.chapterCount == 3 && first.step == 1 && first.steps == 5)
        #expect(
            first.caption == "Status quo."
                && first.notes == ["Start with the status quo.", "Point at the band.", "Then at the verdict."])
        #expect(first.next == "Future 1." && first.nextChapter == nil)
        #expect(first.elapsedMilliseconds == 100 && first.durationSeconds == 1200 && !first.paused)
        reduce(&state, .keyPressed(.char("n")))
        let second = try #require(state.demo.presenterSnapshot)
        #expect(second.caption == "Future 1." && second.next == "Started at once.")
        #expect(second.nextChapter == "What does waiting cost?")
        #expect(!second.sameMoment(as: first))
        var later = second
        later.elapsedMilliseconds += 1000
        #expect(later.sameMoment(as: second))
        #expect(State().demo.presenterSnapshot == nil)
    }
}
