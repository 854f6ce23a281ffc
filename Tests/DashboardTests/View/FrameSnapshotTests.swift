import Dashboard
import FuturesModel
import Testing

/// Whole frames compared with golden text files (Snapshots/*.txt).
@Suite("Snapshots")
struct FrameSnapshotTests {
    @Test("compact layout at 80×24")
    func compact() {
        assertSnapshot(Fixture.frame(Fixture.state(width: 80, height: 24)).text, named: "compact-80x24")
    }

    @Test("2×2 grid at 120×36")
    func grid() {
        assertSnapshot(Fixture.frame(Fixture.state(width: 120, height: 36)).text, named: "grid-120x36")
    }

    @Test("large grid at 200×60: charts grow, the side panel keeps its width")
    func large() {
        assertSnapshot(Fixture.frame(Fixture.state(width: 200, height: 60)).text, named: "large-200x60")
    }

    @Test("a delayed start: the date on its slider, the tick on the lead chart, the cost explained")
    func delayedStart() {
        var state = Fixture.state(width: 120, height: 36)
        reduce(&state, .keyPressed(.char("1")))
        state.view.selection = ParameterID.all.firstIndex(of: .policyStart)!
        for _ in 0..<4 { reduce(&state, .keyPressed(.right)) }
        #expect(state.scenario.policyStart == 12)
        state = Fixture.withWorldsResults(state)
        let text = Fixture.frame(state).text
        #expect(text.contains("2027-01"))
        // The cost of the last 3 months' wait, across worlds.
        #expect(text.contains("Policy starts 2026-10→2027-01: P(F1) −") && text.contains("median lead −"), "\(text)")
        assertSnapshot(text, named: "delayed-start-120x36")
    }

    @Test("the new readings at 80×24 and 120×36: without colour, in ASCII, with a caption, zoomed, before the ensemble")
    func readings() {
        for (width, height) in [(80, 24), (120, 36)] {
            let size = "\(width)x\(height)"
            var plain = Fixture.state(width: width, height: height)
            plain.view.noColor = true
            assertSnapshot(Fixture.frame(plain).text, named: "no-color-\(size)")
            var ascii = Fixture.state(width: width, height: height)
            ascii.view.themes = [Theme(name: "mono", colors: Theme.dark.colors, glyphs: .ascii)]
            ascii.view.noColor = true
            assertSnapshot(Fixture.frame(ascii).text, named: "ascii-\(size)")
            var captioned = Fixture.state(width: width, height: height)
            captioned.demo.caption = "Export controls at 100 %: legal imports stop, smuggled and offshore compute grow."
            assertSnapshot(Fixture.frame(captioned).text, named: "caption-\(size)")
            var zoomed = Fixture.state(width: width, height: height)
            reduce(&zoomed, .keyPressed(.char("z")))
            assertSnapshot(Fixture.frame(zoomed).text, named: "zoom-\(size)")
            let waiting = State(width: width, height: height)
            assertSnapshot(render(waiting, Analysis(waiting.scenario)).text, named: "waiting-\(size)")
        }
    }

    @Test("below 80×24 only the enlarge message shows")
    func tooSmall() {
        let screen = Fixture.frame(Fixture.state(width: 60, height: 16))
        assertSnapshot(screen.text, named: "too-small-60x16")
    }

    @Test("an enlarged chart fills the chart area of the grid")
    func enlarged() {
        var state = Fixture.state(width: 120, height: 36)
        let rect = state.layout.charts[0].rect
        reduce(&state, .mouse(.click(x: rect.x + 2, y: rect.y + 2)))
        assertSnapshot(Fixture.frame(state).text, named: "enlarged-lead-120x36")
    }
}
