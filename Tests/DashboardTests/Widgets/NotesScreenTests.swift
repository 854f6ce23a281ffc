import Dashboard
import Testing

/// The notes terminal's screen (`twofutures notes`) as a pure function: what the presenter
/// reads at 80×24 and at a narrow 60×20.
@Suite("Notes screen")
struct NotesScreenTests {
    static let snapshot = PresenterSnapshot(
        demo: "tour.demo", chapter: "What does waiting cost?", chapterNumber: 2, chapterCount: 5, step: 3,
        steps: 26, caption: "A year's delay on export controls: watch the lead shrink.",
        notes: [
            "Point at the lead chart first, then at the outcome bar.",
            "Mention that the band is p10 to p90 across worlds, not a confidence interval.",
        ], next: "Now the same delay under the hawks' assumptions.", nextChapter: nil, elapsedMilliseconds: 192_000,
        durationSeconds: 1200)

    static func render(
        _ snapshot: PresenterSnapshot? = snapshot, status: NotesStatus = .following, elapsed: Int = 192_000,
        duration: Int? = nil, width: Int = 80, height: Int = 24
    ) -> Screen {
        NotesScreen.render(
            snapshot, status: status, elapsedMilliseconds: elapsed, duration: duration, width: width, height: height)
    }

    /// Every row, trimmed, joined by spaces: text that wraps still reads whole.
    static func words(_ screen: Screen) -> String {
        (0..<screen.height).map { screen.line($0).trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ").split(separator: " ").filter { $0 != "┃" }.joined(separator: " ")
    }

    @Test("at 80×24 and 60×20: chapter, step, caption, notes, next and the countdown", arguments: [(80, 24), (60, 20)])
    func following(size: (Int, Int)) throws {
        let screen = Self.render(width: size.0, height: size.1)
        let text = Self.words(screen)
        #expect(screen.text.contains("ch 2/5 · What does waiting cost?"), "\(screen.text)")
        #expect(screen.text.contains("step 3/26"))
        #expect(text.contains("A year's delay on export controls: watch the lead shrink."), "\(text)")
        #expect(text.contains("Point at the lead chart first, then at the outcome bar."), "\(text)")
        #expect(text.contains("Mention that the band is p10 to p90 across worlds, not a confidence interval."))
        #expect(text.contains("next: Now the same delay under the hawks' assumptions."), "\(text)")
        #expect(screen.text.contains("elapsed 03:12 · 16:48 left"))
        #expect(screen.text.contains("▸ playing"))
        // The notes are bold; the clock is not a warning yet.
        let (x, y) = try #require(screen.find("Point at"))
        #expect(screen[x, y].style.flags.contains(.bold))
        let clock = try #require(screen.find("16:48 left"))
        #expect(screen[clock.x, clock.y].role != .warning)
        assertSnapshot(screen.text, named: "notes-\(size.0)x\(size.1)")
    }

    @Test("the clock: warning under 2 minutes left, 'over by' past the end, no countdown without a length")
    func clock() throws {
        #expect(
            NotesScreen.clock(elapsedMilliseconds: 192_000, duration: 1200) == ("elapsed 03:12 · 16:48 left", false))
        #expect(
            NotesScreen.clock(elapsedMilliseconds: 1_081_000, duration: 1200) == ("elapsed 18:01 · 01:59 left", true))
        #expect(
            NotesScreen.clock(elapsedMilliseconds: 1_235_500, duration: 1200) == ("elapsed 20:35 · over by 00:35", true)
        )
        #expect(NotesScreen.clock(elapsedMilliseconds: 5_000, duration: nil) == ("elapsed 00:05", false))
        #expect(
            NotesScreen.clock(elapsedMilliseconds: 3_723_000, duration: 3600) == (
                "elapsed 1:02:03 · over by 02:03", true
            ))
        let over = Self.render(elapsed: 1_235_500)
        let found = try #require(over.find("over by 00:35"), "\(over.text)")
        #expect(over[found.x, found.y].role == .warning)
        // --duration on notes wins over the demo's.
        #expect(Self.render(duration: 600).text.contains("elapsed 03:12 · 06:48 left"))
        var untimed = Self.snapshot
        untimed.durationSeconds = nil
        let plain = Self.render(untimed)
        #expect(plain.text.contains("elapsed 03:12") && !plain.text.contains("left"))
    }

    @Test("next chapter, paused, a prediction waiting, and the end", arguments: [(80, 24), (60, 20)])
    func states(size: (Int, Int)) {
        var snapshot = Self.snapshot
        snapshot.nextChapter = "Who sets the norms?"
        snapshot.paused = true
        #expect(Self.render(snapshot, width: size.0, height: size.1).text.contains("next chapter: Who sets the norms?"))
        #expect(Self.render(snapshot, width: size.0, height: size.1).text.contains("paused"))
        snapshot.prediction = "Will the lead pass 12 months?"
        let asking = Self.render(snapshot, width: size.0, height: size.1)
        #expect(asking.text.contains("waiting for a prediction"), "\(asking.text)")
        #expect(Self.words(asking).contains("Ask the room: Will the lead pass 12 months?"), "\(asking.text)")
        snapshot = Self.snapshot
        snapshot.next = nil
        snapshot.finished = true
        snapshot.paused = true
        let last = Self.render(snapshot, width: size.0, height: size.1)
        #expect(last.text.contains("the last step: Space in the demo ends it"), "\(last.text)")
        #expect(!last.text.contains("demo ended"))
        snapshot.paused = false
        snapshot.caption = nil
        snapshot.notes = []
        snapshot.next = nil
        let ended = Self.render(snapshot, width: size.0, height: size.1)
        #expect(ended.text.contains("demo ended"), "\(ended.text)")
        #expect(!ended.text.contains("next:"))
    }

    @Test("no demo, a demo closed, several demos, and a pid not running", arguments: [(80, 24), (60, 20)])
    func notFollowing(size: (Int, Int)) {
        let waiting = Self.words(Self.render(nil, status: .waiting(pid: nil), width: size.0, height: size.1))
        #expect(waiting.contains("no demo running: start one with `twofutures demo tour`; waiting…"), "\(waiting)")
        if size.0 >= 80 {
            let screen = Self.render(nil, status: .waiting(pid: nil), width: size.0, height: size.1)
            #expect(screen.text.contains("no demo running: start one with `twofutures demo tour`; waiting…"))
        }
        let closed = Self.words(Self.render(nil, status: .closed, width: size.0, height: size.1))
        #expect(closed.contains("the demo has ended (or was closed); waiting for the next one"), "\(closed)")
        let two = Self.render(
            nil,
            status: .choosing([NotesChoice(pid: 101, demo: "tour.demo"), NotesChoice(pid: 202, demo: "quick.demo")]),
            width: size.0, height: size.1)
        #expect(two.text.contains("2 demos are running: press a number"), "\(two.text)")
        #expect(two.text.contains("1  tour.demo  (pid 101)") && two.text.contains("2  quick.demo  (pid 202)"))
        let pid = Self.words(Self.render(nil, status: .waiting(pid: 77), width: size.0, height: size.1))
        #expect(pid.contains("no demo with pid 77 running"))
        for status in [NotesStatus.waiting(pid: nil), .closed] {
            let screen = Self.render(nil, status: status, width: size.0, height: size.1)
            #expect(screen.text.contains("q quit"))
            #expect(!screen.text.contains("elapsed"))
        }
    }

    @Test("notes longer than the screen are cut with …; a tiny terminal asks for more room")
    func overflow() {
        var snapshot = Self.snapshot
        snapshot.notes = (1...30).map { "Note number \($0) with a few more words to wrap." }
        let screen = Self.render(snapshot, width: 60, height: 20)
        #expect(screen.text.contains("…"))
        #expect(screen.text.contains("next: Now the same delay"), "the next step still shows: \(screen.text)")
        #expect(screen.text.contains("step 3/26"))
        #expect(Self.render(width: 10, height: 4).text.contains("enlarge"))
    }

    @Test("every size from 20x6 up draws without a trap, at its own size, with its key hint")
    func sizes() {
        var long = Self.snapshot
        long.notes = (1...12).map { "A rather long note number \($0), with words enough to wrap on any screen." }
        long.nextChapter = "The next chapter has a long title as well"
        long.prediction = "Will it pass?"
        long.paused = true
        for width in stride(from: 20, through: 130, by: 5) {
            for height in stride(from: 6, through: 44, by: 3) {
                for (snapshot, status) in [
                    (long, NotesStatus.following), (Self.snapshot, .following), (nil, .waiting(pid: nil)),
                    (nil, .closed), (nil, .choosing([NotesChoice(pid: 1, demo: "a.demo")])),
                ] {
                    let screen = Self.render(snapshot, status: status, width: width, height: height)
                    #expect(screen.width == width && screen.height == height)
                    #expect(screen.text.contains("q quit"), "\(width)x\(height)")
                }
            }
        }
    }

    @Test("text from the socket is made safe before it is shown")
    func sanitizes() {
        var snapshot = Self.snapshot
        snapshot.notes = ["evil \u{1B}[31m red"]
        snapshot.demo = "x\u{07}.demo"
        let text = Self.render(snapshot).text
        #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
    }
}
