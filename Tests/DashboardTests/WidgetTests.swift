import Dashboard
import FuturesModel
import Testing

/// Widgets and the screen buffer, compared with text lines (ratatui style).
@Suite("Widgets")
struct WidgetTests {
    @Test("text is clipped to the screen and to a clip rectangle")
    func clipping() {
        var screen = Screen(width: 6, height: 2, fill: Cell("x"))
        screen.write("hello world", x: 2, y: 0)
        screen.write("abcdef", x: -2, y: 1, clip: Rect(x: 0, y: 1, width: 3, height: 1))
        #expect(screen == Screen(lines: ["xxhell", "cdexxx"]))
        #expect(screen.text == "xxhell\ncdexxx")
    }

    @Test("a box draws its border and title and nothing outside")
    func box() {
        var screen = Screen(width: 8, height: 4, fill: Cell("x"))
        screen.box(Rect(x: 1, y: 0, width: 6, height: 3), title: "T")
        #expect(screen.text == Screen(lines: ["x┌ T ─┐x", "x│xxxx│x", "x└────┘x", "xxxxxxxx"]).text)
        #expect(screen[1, 0].role == .grid && screen[3, 0].role == .accent)
    }

    @Test("braille dots combine in one cell and the higher priority sets its role")
    func braille() {
        var canvas = BrailleCanvas(width: 1, height: 1)
        canvas.set(x: 0, y: 0, role: .future1, priority: 3)
        canvas.set(x: 1, y: 3, role: .policy, priority: 4)
        canvas.set(x: 0, y: 3, role: .future2, priority: 2)
        let cell = canvas.cell(0, 0)
        #expect(cell?.character == "⣁")
        #expect(cell?.role == .policy)
    }

    @Test("a sparkline rises with its samples and marks the caret")
    func sparkline() {
        var screen = Screen(width: 4, height: 1)
        Sparkline(samples: [0, 1, 2, 3], caret: 1).render(in: screen.area, into: &screen)
        #expect(screen.text == "▁▃▆█")
        #expect(screen[3, 0].role == .accent && screen[3, 0].flags.contains(.bold))
        #expect(screen[0, 0].role == .policy && !screen[0, 0].flags.contains(.bold))
        // Not reversed, which would read as a selection; without colours it is.
        #expect(!screen[3, 0].flags.contains(.reverse))
        screen.mono = true
        Sparkline(samples: [0, 1, 2, 3], caret: 1).render(in: screen.area, into: &screen)
        #expect(screen[3, 0].flags.contains(.reverse))
        // A flat row stands at its height on the shared scale, muted.
        Sparkline(samples: [2, 2, 2, 2], caret: 0, scale: 0...3).render(in: screen.area, into: &screen)
        #expect(screen.text == "▆▆▆▆" && screen[1, 0].role == .muted, "\(screen.text)")
    }

    @Test("the slider row shows name, knob and value")
    func sliderRow() {
        var screen = Screen(width: 41, height: 1)
        let row = SliderRow(id: .lever(.exportControls), value: 1, selected: true, response: [1, 2])
        row.render(in: screen.area, into: &screen)
        #expect(screen.text.hasPrefix("▸Export controls ━━━━━━●     100 % "))
    }

    @Test("the layout tiers follow the size")
    func tiers() {
        #expect(Layout(width: 79, height: 40, chart: .lead).tier == .tooSmall)
        #expect(Layout(width: 80, height: 24, chart: .lead).tier == .compact)
        #expect(Layout(width: 119, height: 50, chart: .lead).tier == .compact)
        #expect(Layout(width: 120, height: 36, chart: .lead).tier == .grid)
        let big = Layout(width: 200, height: 60, chart: .lead)
        #expect(big.panel.width == Layout(width: 120, height: 36, chart: .lead).panel.width)
        #expect(big.charts.count == 4)
    }

    @Test("every part of a frame stays inside the screen and nothing overlaps the panel")
    func frameBounds() {
        for (w, h) in [(80, 24), (100, 30), (120, 36), (150, 45)] {
            let state = State(width: w, height: h)
            let screen = render(state, Analysis(state.scenario))
            #expect(screen.width == w && screen.height == h)
            #expect(screen.find("┌ POLICY ─") != nil)
            #expect(screen.find("ASSUMPTIONS") != nil)
            #expect(screen.find("not a forecast") != nil)
            #expect(screen.find("US frontier lead") != nil || screen.find("US lead, months") != nil)
        }
    }

    @Test("the verdict is drawn in its future's role")
    func verdictRole() throws {
        var state = State(width: 80, height: 24)
        reduce(&state, .keyPressed(.char("1")))
        let screen = render(state, Analysis(state.scenario))
        let at = try #require(screen.find("FUTURE 1"))
        #expect(screen[at.x, at.y].role == .future1)
    }
}
