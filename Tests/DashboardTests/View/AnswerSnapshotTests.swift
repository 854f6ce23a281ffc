import Dashboard
import FuturesModel
import Testing

/// The answer view as text at the three sizes, with a fixed answer (the Future 1 preset,
/// 200 worlds): the finding, the cells, the probabilities, the columns scrolled at 80×24.
@Suite("Answer snapshots")
struct AnswerSnapshotTests: Pressing {
    static func state(width: Int, height: Int) -> State {
        var state = State(width: width, height: height)
        state.results.ensembleMembers = 400
        reduce(&state, .keyPressed(.char("1")))
        return Fixture.withAnswer(state)
    }

    @Test("the answer view at 80×24 (and scrolled), 120×36 (each future) and 200×60")
    func sizes() {
        var small = Self.state(width: 80, height: 24)
        assertSnapshot(Fixture.frame(small).text, named: "answer-future1-80x24")
        press(&small, .char(">"), .char(">"))
        let scrolled = Fixture.frame(small).text
        #expect(scrolled.contains("◂ views 3–8 of 8") && scrolled.contains("Optimist"))
        assertSnapshot(scrolled, named: "answer-future1-scrolled-80x24")
        var medium = Self.state(width: 120, height: 36)
        assertSnapshot(Fixture.frame(medium).text, named: "answer-future1-120x36")
        press(&medium, .right)
        assertSnapshot(Fixture.frame(medium).text, named: "answer-future2-120x36")
        press(&medium, .right)
        assertSnapshot(Fixture.frame(medium).text, named: "answer-markets-120x36")
        assertSnapshot(Fixture.frame(Self.state(width: 200, height: 60)).text, named: "answer-future1-200x60")
    }

    @Test("before any answer it says it is computing, with no numbers; a partial one is marked")
    func waiting() {
        var state = State(width: 80, height: 24)
        press(&state, .char("1"), .char("A"))
        let text = Fixture.frame(state).text
        #expect(text.contains("Computing the answer"))
        #expect(!text.contains("Export controls") && !text.contains(" %"), "no numbers before the answer")
        assertSnapshot(text, named: "answer-computing-80x24")
        let partial = Fixture.frame(Fixture.withAnswer(state, complete: false)).text
        #expect(partial.contains("200 worlds…"))
    }

    @Test("cells are shaded by size, so that they read without colour: 10 points or more reversed, 0.0 muted")
    func shading() throws {
        var state = Self.state(width: 120, height: 36)
        state.view.noColor = true
        let screen = Fixture.frame(state)
        let answer = Fixture.future1Answer
        let text = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(text.firstIndex { $0.hasPrefix("│ Export controls   ") })
        let share = answer.columns[0][.exportControls].pFuture1
        let shown = Format.points(share)
        let line = text[row]
        let x = line.distance(from: line.startIndex, to: try #require(line.range(of: shown)).lowerBound)
        let cell = screen[x, row]
        if abs(share) >= 0.1 {
            #expect(cell.flags.contains(.reverse))
        } else if shown == "0.0" {
            #expect(cell.role == .muted)
        }
    }

    @Test("the status bar's hints: 1 Future 1 · 2 Future 2 · 3 status quo, and A answer; in the view its own keys")
    func hints() {
        let text = Fixture.frame(Fixture.state(width: 200, height: 60)).text
        #expect(text.contains("1 Future 1 · 2 Future 2 · 3 status quo"))
        #expect(text.contains("A answer"))
        #expect(!text.contains("F1 F2 status quo"))
        let open = Fixture.frame(Self.state(width: 120, height: 36)).text
        #expect(open.contains("←→ future  A close  < > columns  q quit"))
    }
}
