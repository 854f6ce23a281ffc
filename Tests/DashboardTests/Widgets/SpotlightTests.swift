import Dashboard
import Formats
import FuturesModel
import Testing

/// A demo's cue on screen: the spotlight, the question with its numbers hidden, the
/// revealed change, and the chapter list.
@Suite("Spotlight and predict")
struct SpotlightTests {
    static let sizes = [(120, 36), (80, 24), (200, 60)]

    /// `state` playing a demo of five chapters (the first step applied), paused.
    static func playing(_ state: State, chapters: Int = 5) throws -> State {
        var state = state
        let titles = ["The two futures", "What moves it", "Waiting a year", "The critics", "Across worlds"]
        var text = ""
        for i in 0..<chapters {
            let title = i < titles.count ? titles[i] : "Chapter number \(i + 1)"
            text += "chapter \"\(title)\"\ncaption \"Step \(i + 1).\"\nsleep 1s\n"
        }
        let script = try DemoParser.parse(text, file: "s.demo")
        reduce(&state, .demoLoaded(script, exitAtEnd: false))
        reduce(&state, .keyPressed(.char(" ")))
        return state
    }

    /// Whether two cells differ only in their style.
    static func sameCharacters(_ a: Screen, _ b: Screen) -> Bool {
        a.width == b.width && a.height == b.height && (0..<a.height).allSatisfy { a.line($0) == b.line($0) }
    }

    @Test("each spotlight falls on its panel at 120×36, 80×24 and 200×60; off screen it falls on nothing")
    func rects() throws {
        for (width, height) in Self.sizes {
            var state = State(width: width, height: height)
            state.demo.caption = "A caption"
            let layout = state.layout
            let chart = { (kind: ChartKind) in layout.charts.first { $0.kind == kind }?.rect }
            #expect(layout.rect(for: .lead, state: state) == chart(.lead))
            #expect(layout.rect(for: .lead, state: state) != nil)
            for focus in [Spotlight.compute, .adoption, .sources] {
                let kind = try #require(focus.chart)
                #expect(layout.rect(for: focus, state: state) == chart(kind), "\(width)×\(height) \(focus)")
                // Where the layout does not show that chart, the spotlight makes it the one shown.
                var focused = state
                focused.demo.cue.focus = focus
                let shown = focused.spotlit
                #expect(shown.layout.rect(for: focus, state: shown) != nil, "\(width)×\(height) \(focus)")
                #expect(
                    shown.layout.rect(for: focus, state: shown) == shown.layout.charts.first { $0.kind == kind }?.rect)
            }
            #expect(layout.rect(for: .moves, state: state) == layout.moves)
            #expect(layout.rect(for: .sliders, state: state) == layout.panel)
            #expect(layout.rect(for: .outcome, state: state) == layout.outcome)
            #expect(layout.rect(for: .map, state: state) == nil, "the map is closed")
            #expect(layout.rect(for: .answer, state: state) == nil, "the answer view is closed")
            // The map: its chart area and the legend under it.
            var map = state
            reduce(&map, .keyPressed(.char("m")))
            let mapRect = try #require(map.layout.rect(for: .map, state: map))
            let area = try #require(map.layout.charts.first?.rect)
            #expect(mapRect.x == area.x && mapRect.y == area.y && mapRect.width == area.width)
            #expect(mapRect.maxY == map.layout.legend.maxY || mapRect.maxY == area.maxY)
            #expect(map.layout.rect(for: .lead, state: map) == nil, "the map covers the charts")
            // The answer view: above the caption band; everything else is under it.
            var answer = state
            reduce(&answer, .keyPressed(.char("A")))
            let answerRect = try #require(answer.layout.rect(for: .answer, state: answer))
            #expect(answerRect == Rect(x: 0, y: 0, width: width, height: height - 1 - Layout.captionRows))
            for focus in Spotlight.allCases where focus != .answer {
                #expect(answer.layout.rect(for: focus, state: answer) == nil, "\(focus) is under the answer view")
            }
        }
    }

    @Test("the spotlight dims every cell outside its panel, keeps the characters, and never the bars")
    func dims() throws {
        for (width, height) in Self.sizes {
            for noColor in [false, true] {
                var state = try Self.playing(Fixture.state(width: width, height: height))
                state.view.noColor = noColor
                let plain = Fixture.frame(state)
                state.demo.cue.focus = .moves
                let lit = Fixture.frame(state)
                #expect(Self.sameCharacters(plain, lit))
                let layout = state.layout
                let keep = [layout.moves, layout.title, layout.caption, layout.status]
                for y in 0..<height {
                    for x in 0..<width {
                        if keep.contains(where: { $0.contains(x: x, y: y) }) {
                            #expect(lit[x, y] == plain[x, y], "(\(x), \(y)) at \(width)×\(height)")
                        } else {
                            #expect(lit[x, y].role == .muted && !lit[x, y].flags.contains(.bold))
                            #expect(lit[x, y].flags.contains(.dim) == noColor, "without colours, the dim attribute")
                        }
                    }
                }
                // Off screen: nothing dims.
                state.demo.cue.focus = .map
                #expect(Fixture.frame(state) == plain)
            }
        }
    }

    @Test("at 80×24 a chart in the spotlight is the one shown")
    func compactShowsTheChart() throws {
        var state = try Self.playing(Fixture.state(width: 80, height: 24))
        state.demo.cue.focus = .compute
        let screen = Fixture.frame(state)
        #expect(screen.find("US share of AI compute") != nil || screen.find("US compute share") != nil)
        #expect(state.view.chart == .lead, "the state keeps its chart")
    }

    @Test("with the answer view open the caption stays visible below it, and the answer still fits")
    func answerKeepsTheCaption() throws {
        for (width, height) in Self.sizes {
            var state = try Self.playing(
                Fixture.withAnswer(
                    State(scenario: Scenario(levers: Preset.future1.levers), width: width, height: height)))
            reduce(
                &state, .jobFinished(JobResult(.answer(Fixture.future1Answer.scenario), .answer(Fixture.future1Answer)))
            )
            let screen = Fixture.frame(state)
            let at = try #require(screen.find("Step 1."), "\(width)×\(height)")
            #expect(at.y == height - 2 || at.y == height - 3, "the caption band above the status bar")
            // The answer view's box closes above the caption band.
            let bottom = state.layout.answerRect.maxY - 1
            #expect(screen.line(bottom).hasPrefix("└"), "\(screen.line(bottom))")
            if width == 80 { assertSnapshot(screen.text, named: "answer-caption-80x24") }
            if width == 120 { assertSnapshot(screen.text, named: "answer-caption-120x36") }
            state.demo.cue.focus = .answer
            let lit = Fixture.frame(state)
            #expect(lit.line(at.y) == screen.line(at.y) && lit[at.x, at.y] == screen[at.x, at.y])
            #expect(lit[0, 1] == screen[0, 1], "the answer view in focus is not dimmed")
        }
    }
}

/// Predict, then reveal: the numbers the next step changes show `?`.
@Suite("Predict and reveal")
struct PredictTests {
    @Test("while the room predicts, the outcome bar and the last change show ? in the same widths")
    func hidden() throws {
        for (width, height) in [(120, 36), (80, 24), (200, 60)] {
            var state = try SpotlightTests.playing(Fixture.state(width: width, height: height))
            let plain = Fixture.frame(state)
            state.demo.cue.prediction = "What will a one-year delay cost?"
            state.demo.caption = "What will a one-year delay cost?"
            let asked = Fixture.frame(state)
            let y = state.layout.outcome.y
            let bar = asked.line(y), explain = asked.line(y + 1)
            #expect(bar.contains("?"))
            // No digit but the futures' names, the percentiles' names and the worlds' count.
            let names = bar.replacingOccurrences(of: "F1", with: "").replacingOccurrences(of: "F2", with: "")
                .replacingOccurrences(of: "p10–p90", with: "").replacingOccurrences(of: "Future 1", with: "")
                .replacingOccurrences(of: "Future 2", with: "").replacingOccurrences(of: "of 400 worlds", with: "")
            #expect(!names.contains { $0.isNumber }, "\(bar)")
            #expect(!bar.contains("CONTESTED"), "the most likely future is hidden too")
            #expect(bar.count == plain.line(y).count)
            // The same layout: every piece starts where it did.
            let a = Array(bar), b = Array(plain.line(y))
            for i in a.indices where a[i] == " " && b[i] != " " {
                #expect(Bool(false), "nothing turns blank (\(i))")
            }
            #expect(explain.contains("Last change:") && !explain.dropFirst(14).contains { $0.isNumber && $0 != "2" })
            #expect(explain.count == plain.line(y + 1).count)
            // The question reads as one.
            #expect(asked.find("Predict: What will a one-year delay cost?") != nil)
            if width == 120 { assertSnapshot(asked.text, named: "predict-120x36") }
            if width == 80 { assertSnapshot(asked.text, named: "predict-80x24") }
        }
    }

    @Test("while the room predicts, the panel in the spotlight hides its numbers; the sliders keep theirs")
    func hiddenInFocus() throws {
        var state = try SpotlightTests.playing(Fixture.state(width: 120, height: 36))
        state.demo.cue.prediction = "Which lever matters most?"
        state.demo.cue.focus = .moves
        let screen = Fixture.frame(state)
        let moves = state.layout.moves
        for y in (moves.y + 1)..<moves.maxY {
            let row = String(screen.line(y).dropFirst(moves.x).prefix(moves.width))
            #expect(!NumberMask.mask(row).contains { $0.isNumber && !"12".contains($0) }, "\(row)")
            #expect(NumberMask.mask(row) == row, "nothing left to hide: \(row)")
        }
        #expect(screen.line(state.layout.panel.y + 1).contains("50 %"), "the sliders' values show")
        state.demo.cue.focus = .sliders
        #expect(Fixture.frame(state).line(state.layout.panel.y + 1).contains("50 %"))
    }

    @Test("NumberMask hides numbers character for character and keeps names")
    func mask() {
        #expect(NumberMask.mask("median 3.2 mo (2.1–4.3)") == "median ??? mo (???–???)")
        #expect(NumberMask.mask("P(F1) 54 % · p10–p90 −1.5") == "P(F1) ?? % · p10–p90 ????")
        #expect(NumberMask.mask("Anti-smuggling 55→60 %: P(F2) −3 pts") == "Anti-smuggling ??→?? %: P(F2) ?? pts")
        #expect(NumberMask.mask("P(Future 1) of 10,000 worlds") == "P(Future 1) of ?????? worlds")
    }

    @Test("a revealed change is highlighted in the outcome bar until revealUntil")
    func reveal() throws {
        for noColor in [false, true] {
            var state = try SpotlightTests.playing(Fixture.state(width: 120, height: 36))
            state.view.noColor = noColor
            state.demo.cue.focus = .moves
            let plain = Fixture.frame(state)
            state.demo.now = 10_000
            state.demo.revealUntil = 12_500
            #expect(state.demo.highlightsReveal)
            let lit = Fixture.frame(state)
            let outcome = state.layout.outcome
            #expect(SpotlightTests.sameCharacters(plain, lit))
            for y in outcome.y..<outcome.maxY {
                for x in 0..<120 {
                    if noColor {
                        #expect(lit[x, y].flags.contains(.reverse) != plain[x, y].flags.contains(.reverse))
                    } else {
                        #expect(lit[x, y].flags.contains(.bold))
                        #expect(lit[x, y].style.background == .selection || lit[x, y].flags.contains(.reverse))
                    }
                }
            }
            #expect(lit.line(outcome.y).contains("MOST LIKELY"), "the numbers show again")
            state.demo.now = 12_500
            #expect(!state.demo.highlightsReveal)
            #expect(Fixture.frame(state) == plain, "after revealUntil the highlight is off")
        }
    }
}

/// The chapter list (`l`), the help overlay and the status bar while a demo plays.
@Suite("Demo chrome")
struct DemoChromeTests {
    @Test("the chapter list: a centred box, the chapter playing marked, the chosen row highlighted")
    func chapterList() throws {
        for (width, height) in [(80, 24), (120, 36)] {
            var state = try SpotlightTests.playing(Fixture.state(width: width, height: height))
            reduce(&state, .keyPressed(.char("l")))
            reduce(&state, .keyPressed(.down))
            #expect(state.view.mode == .chapters(1))
            let screen = Fixture.frame(state)
            #expect(screen.find("Chapters") != nil && screen.find("↑↓ choose · Enter jumps · Esc closes") != nil)
            let current = try #require(screen.find("▸1  The two futures"))
            let chosen = try #require(screen.find("2  What moves it"))
            #expect(
                screen[chosen.x, chosen.y].flags.contains(.reverse)
                    && !screen[current.x, current.y].flags.contains(.reverse))
            #expect(screen.line(0).contains("TwoFutures") && screen.line(height - 1).contains("q quit"))
            #expect(!screen.line(height - 1).contains("Future 1"), "only ? help and q quit beside the list's own keys")
            assertSnapshot(screen.text, named: "chapters-\(width)x\(height)")
        }
    }

    @Test("a long chapter list scrolls to keep the chosen row in view at 80×24")
    func chapterListScrolls() throws {
        var state = try SpotlightTests.playing(State(width: 80, height: 24), chapters: 40)
        reduce(&state, .keyPressed(.char("l")))
        for _ in 0..<30 { reduce(&state, .keyPressed(.down)) }
        let screen = Fixture.frame(state)
        #expect(screen.find("31  Chapter number 31") != nil)
        #expect(screen.find(" 1  The two futures") == nil)
        #expect(screen.line(0).contains("TwoFutures") && screen.line(23).contains("q quit"))
    }

    @Test("the help overlay lists every demo key, and still every other, at 80×24 and 120×36")
    func help() throws {
        for (width, height) in [(80, 24), (120, 36)] {
            var state = try SpotlightTests.playing(State(width: width, height: height))
            reduce(&state, .keyPressed(.char("?")))
            #expect(state.view.mode == .help)
            let text = Fixture.frame(state).text
            if width == 80 { assertSnapshot(text, named: "help-demo-80x24") }
            for binding in KeyTable.demoOnly + KeyTable.documented {
                #expect(text.contains(width < 96 ? binding.short : binding.label), "\(binding.label) at \(width)")
            }
        }
    }

    @Test("the status bar's demo hints and progress at 80×24 and 120×36")
    func statusBar() throws {
        var wide = try SpotlightTests.playing(State(width: 120, height: 36))
        let bar = Fixture.frame(wide).line(35)
        // Paused, Space plays.
        for hint in ["Space play · n next · b back", "] [ chapter", "l chapters", "3G chapter 3", "q quit"] {
            #expect(bar.contains(hint), "\(hint): \(bar)")
        }
        #expect(bar.contains("ch 1/5 · step 1/5 paused"), "\(bar)")
        reduce(&wide, .keyPressed(.char("3")))
        #expect(Fixture.frame(wide).line(35).contains("chapter 3… G jumps"))
        let narrow = try SpotlightTests.playing(State(width: 80, height: 24))
        let small = Fixture.frame(narrow).line(23)
        #expect(small.contains("Space play · n next · b back") && small.contains("q quit"), "\(small)")
        #expect(small.contains("ch 1/5 · step 1/5 paused"), "\(small)")
    }
}
