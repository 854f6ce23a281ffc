import Dashboard
import FuturesModel
import Testing

/// What a first-time viewer reads: the futures defined at every size, the presets' hint,
/// every chart within reach (all five where they fit), and a playing demo's keys.
@Suite("First look")
struct FirstLookTests {
    static let sizes = [(80, 24), (100, 30), (120, 36), (160, 45), (200, 60)]

    @Test("the futures' key names Future 1, Future 2 and contested with their thresholds at every size")
    func futuresKey() throws {
        for (width, height) in Self.sizes {
            let state = Fixture.state(width: width, height: height)
            let screen = Fixture.frame(state)
            let row = try #require(
                (0..<height).map { screen.line($0) }.first { $0.contains("Future 1") && $0.contains("contested") })
            #expect(row.contains("Future 1") && row.contains("Future 2") && row.contains("contested"), "\(row)")
            #expect(row.contains("≥ 12 mo") && row.contains("≤ 3 mo") && row.contains("(3–12 mo"), "\(row)")
            // The key's row is its own: nothing else is drawn on it, and it is inside the screen.
            let key = state.layout.futures
            #expect(key.height == 1 && key.width >= 37 && key.maxX <= width && key.maxY <= height - 3)
            for other in [state.layout.legend, state.layout.about, state.layout.panel, state.layout.moves] {
                #expect(other.intersection(key).isEmpty, "\(width)×\(height)")
            }
            for chart in state.layout.charts { #expect(chart.rect.intersection(key).isEmpty) }
            // The names in the futures' colours.
            let at = try #require(screen.find("Future 1"))
            #expect(screen[at.x, at.y].role == .future1)
        }
        // The widget alone, from the narrowest right column to the widest.
        for width in [45, 64, 80, 144] {
            var screen = Screen(width: width, height: 1)
            FuturesKey(horizon: "2029-01").render(in: screen.area, into: &screen)
            let line = screen.line(0)
            for words in ["Future 1", "Future 2", "contested", "12", "3–12", "3"] {
                #expect(line.contains(words), "\(width): \(line)")
            }
            #expect(line.trimmingCharacters(in: .whitespaces).count <= width - 1)
        }
    }

    @Test("the hints: 1 Future 1 · 2 Future 2 · 3 status quo (narrow: 1 2 3 presets), A answer, ? help, q quit")
    func presetHints() {
        for (width, height) in Self.sizes {
            let state = State(width: width, height: height)
            let bar = render(state, Analysis(state.scenario)).line(height - 1)
            let presets = width < StatusBar.wideFrom ? "1 2 3 presets" : "1 Future 1 · 2 Future 2 · 3 status quo"
            #expect(bar.hasPrefix(" \(presets)  A answer  "), "\(width)×\(height): \(bar)")
            #expect(bar.contains("? help") && bar.contains("q quit"), "\(bar)")
            #expect(!bar.contains("F1 F2"))
        }
    }

    @Test("from 180×48 all five charts show, two above and three below; below that four or one")
    func fiveCharts() throws {
        let big = Layout(width: 200, height: 60, chart: .lead)
        #expect(big.tier == .grid && big.charts.map(\.kind) == ChartKind.allCases)
        #expect(big.panel.width == Layout.widePanelWidth)
        let rects = big.charts.map(\.rect)
        for (i, a) in rects.enumerated() {
            #expect(a.width >= 40 && a.height >= 12, "\(a)")
            #expect(a.x >= big.panel.maxX && a.maxX <= 200 && a.maxY <= big.futures.y)
            for b in rects[(i + 1)...] { #expect(a.intersection(b).isEmpty, "\(a) \(b)") }
        }
        #expect(rects[0].y == rects[1].y && rects[2].y == rects[3].y && rects[3].y == rects[4].y)
        #expect(rects[2].y == rects[0].maxY)
        #expect(Layout(width: 180, height: 48, chart: .lead).charts.count == 5)
        #expect(Layout(width: 179, height: 60, chart: .lead).charts.count == 4)
        #expect(Layout(width: 200, height: 47, chart: .lead).charts.count == 4)
        #expect(Layout(width: 200, height: 60, chart: .adoption, enlarged: true).charts.map(\.kind) == [.adoption])
        // Drawn: every chart's title, whole or short, and the norms chart among them.
        let state = Fixture.state(width: 200, height: 60)
        let text = Fixture.frame(state).text
        for kind in ChartKind.allCases {
            #expect(text.contains(kind.title) || text.contains(kind.shortTitle), "\(kind)")
        }
        #expect(text.contains(ChartKind.lead.title) && text.contains(ChartKind.normShare.title))
    }

    @Test("c reaches every chart at every size, and highlights it where several show")
    func chartsInReach() throws {
        for (width, height) in Self.sizes {
            var state = State(width: width, height: height)
            var seen: [ChartKind] = []
            for _ in ChartKind.allCases {
                let kind = state.view.chart
                let shown = try #require(state.layout.charts.first { $0.kind == kind }, "\(width)×\(height) \(kind)")
                let screen = render(state, Analysis(state.scenario))
                let title = screen.line(shown.rect.y)
                #expect(
                    title.contains(kind.title) || title.contains(kind.shortTitle),
                    "\(width)×\(height) \(kind): \(title)")
                if state.layout.charts.count > 1 {
                    for chart in state.layout.charts {
                        let corner = screen[chart.rect.x, chart.rect.y].role
                        #expect(corner == (chart.kind == kind ? .accent : .grid), "\(width)×\(height) \(chart.kind)")
                    }
                }
                seen.append(kind)
                reduce(&state, .keyPressed(.char("c")))
            }
            #expect(Set(seen) == Set(ChartKind.allCases) && state.view.chart == .lead)
        }
    }

    @Test("while a demo plays its keys show in the status bar and at the head of ?")
    func demoKeys() throws {
        let script = DemoScript(file: "empty.demo", lines: [])
        for (width, height) in [(80, 24), (120, 36), (200, 60)] {
            var state = State(width: width, height: height)
            state.demo.session = DemoSession(script: script, state: state, now: 0)
            state.demo.progress = "step 1/3"
            let bar = render(state, Analysis(state.scenario)).line(height - 1)
            #expect(bar.contains("Space pause · n next · b back") && bar.contains("q quit"), "\(bar)")
            #expect(!bar.contains("↑↓ select"), "the dashboard's keys do not act while it plays")
            // At a pause the presenter's ? shows the demo's keys first.
            state.view.mode = .help
            let help = render(state, Analysis(state.scenario)).text
            #expect(help.contains("demo: pause, next, back") || help.contains("demo: Space / n / b"), "\(help)")
            // Without a demo, neither.
            var plain = State(width: width, height: height)
            plain.view.mode = .help
            let plainHelp = render(plain, Analysis(plain.scenario)).text
            #expect(!plainHelp.contains("demo: pause") && !plainHelp.contains("demo: Space"))
            #expect(!render(State(width: width, height: height), Analysis(Scenario())).text.contains("Space pause"))
        }
    }
}
