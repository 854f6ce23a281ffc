import Dashboard
import FuturesModel
import Testing

/// What a first-time viewer reads (issue "Understood in ten seconds"): the verdict across
/// worlds, the band and the median, the thresholds, the legend, the tornado's sections,
/// the sources in eighths, the caption band, zoom. Widgets are drawn alone and checked
/// as text and as styles; whole frames are snapshots.
@Suite("Reading the screen")
struct ReadingTests {
    static let ensemble = Ensemble.run(Scenario(), settings: EnsembleSettings(members: 400, seed: 7), threads: 1)!

    static func bar(width: Int, ensemble: EnsembleResult?) -> Screen {
        var screen = Screen(width: width, height: 2)
        OutcomeBar(analysis: Analysis(Scenario()), ensemble: ensemble, explanation: "", isChange: false)
            .render(in: screen.area, into: &screen)
        return screen
    }

    @Test("the badge names the most likely future across worlds and agrees with the probabilities")
    func verdict() throws {
        let p = Self.ensemble.probability
        let (future, probability) = p.mostLikely
        #expect(Future.allCases.allSatisfy { p[$0] <= probability })
        for width in [80, 120, 200] {
            let line = Self.bar(width: width, ensemble: Self.ensemble).line(0)
            let name =
                width >= 100 ? future.title.uppercased() : (future == .future2 ? "F2" : future.title.uppercased())
            #expect(line.contains("MOST LIKELY \(name)"), "\(width): \(line)")
            #expect(
                line.contains(Format.percent(probability)) || line.contains("\(Int((probability * 100).rounded()))%"))
            // The central run is labelled as such, never as the verdict.
            #expect(line.contains("central"), "\(width): \(line)")
        }
        // Before the ensemble: the central run, said plainly.
        let waiting = Self.bar(width: 120, ensemble: nil).line(0)
        #expect(waiting.contains("CENTRAL RUN: CONTESTED") && waiting.contains("ensemble running"))
        #expect(!waiting.contains("MOST LIKELY"))
    }

    @Test("the band is a filled background, the median a thin line inside it, thresholds under the lines")
    func chart() {
        var screen = Screen(width: 70, height: 20)
        let run = Simulation.run(Scenario())
        var chart = LineChart(
            title: "Frontier lead, months",
            series: [
                ChartSeries(label: "You", shortLabel: "You", values: run[.leadMonths], role: .policy, priority: 4)
            ],
            band: (Self.ensemble.p10[0], Self.ensemble.p90[0]), median: Self.ensemble.p50[0],
            thresholds: [12, 3], horizon: 36, unit: .months)
        chart.render(in: screen.area, into: &screen)
        let cells = screen.cells
        #expect(cells.contains { $0.style.background == .band }, "the band fills cells")
        #expect(!cells.contains { $0.role == .band && $0.character != " " }, "no stipple dots")
        #expect(cells.contains { $0.role == .muted && $0.character != "╌" && $0.character != " " }, "the median")
        #expect(screen.text.contains("F1 ≥ 12 mo") && screen.text.contains("F2 ≤ 3 mo"), "\(screen.text)")
        // The F2 rule runs on across the plot wherever no line crosses it (after 2027 too).
        let row = (0..<20).first { screen.line($0).contains("F2 ≤ 3 mo") }!
        #expect(screen.line(row).filter { $0 == "╌" }.count > 30, "\(screen.line(row))")
        // Without colour the band is a light shade.
        chart.shadeBand = true
        var plain = Screen(width: 70, height: 20)
        chart.render(in: plain.area, into: &plain)
        #expect(plain.text.contains("░") && !plain.cells.contains { $0.style.background != nil })
    }

    @Test("the legend says what F1, F2, You and the band are, at every width")
    func legend() {
        for width in [37, 64, 90, 144] {
            var screen = Screen(width: width, height: 1)
            Legend(shadeBand: false, ensemble: true).render(in: screen.area, into: &screen)
            let line = screen.line(0)
            #expect(line.contains("F1") && line.contains("F2") && line.contains("You"), "\(width): \(line)")
            #expect(
                line.contains("80") && (line.contains("essay") || line.contains("policies")) && line.contains("┄")
                    && line.contains("median"),
                "\(width): \(line)")
            #expect(!line.hasSuffix("…"))
        }
    }

    @Test("the tornado: all six policy rows, then assumptions by swing, a centre line, neutral colours")
    func tornado() {
        let analysis = Analysis(Scenario(levers: Preset.future1.levers))
        for (width, height) in [(37, 8), (56, 13), (56, 40)] {
            var screen = Screen(width: width, height: height)
            TornadoPanel(analysis: analysis).render(in: screen.area, into: &screen)
            let text = screen.text
            for row in analysis.sensitivity where row.kind != .assumption {
                #expect(text.contains(Labels.fitting(row.parameter, width: width >= 52 ? 20 : 15)), "\(row.id)")
            }
            #expect(text.contains("┃") || text.contains("│"))
            #expect(!screen.cells.contains { $0.character == "█" && ($0.role == .future1 || $0.role == .future2) })
            if height >= 13 { #expect(text.contains("ASSUMPTIONS")) }
        }
        // The sections are sorted by |swing| each.
        let policy = analysis.sensitivity.filter { $0.kind != .assumption }.map { abs($0.swing.leadMonths) }
        #expect(policy == policy.sorted(by: >))
    }

    @Test("China's sources: shares in eighths on two colours, four colours of their own")
    func sources() {
        let analysis = Analysis(Scenario())
        var screen = Screen(width: 40, height: 16)
        let months = analysis.policy[.chinaImports].count
        let layers = [SeriesID.chinaDomestic, .chinaImports, .chinaSmuggled, .chinaOffshore].enumerated().map {
            StackLayer(
                label: ["domestic", "imports", "smuggled", "offshore"][$0.offset], values: analysis.policy[$0.element],
                role: [Role.domestic, .imports, .smuggled, .offshore][$0.offset], fill: "█")
        }
        #expect(months == 37)
        StackedChart(title: "China's compute by source (share)", layers: layers, horizon: 36)
            .render(in: screen.area, into: &screen)
        let partial = screen.cells.filter { "▁▂▃▄▅▆▇".contains($0.character) }
        #expect(!partial.isEmpty, "boundaries in eighths")
        #expect(partial.allSatisfy { $0.style.background != nil && $0.style.background != $0.role })
        let roles = Set(screen.cells.map(\.role))
        #expect(roles.isSuperset(of: [.domestic, .imports, .smuggled, .offshore]))
        #expect(!roles.contains(.future1) && !roles.contains(.future2))
        #expect(screen.text.contains("(share)") && screen.text.contains("offshore") && screen.text.contains("domestic"))
        for theme in Theme.builtIn {
            let colors = [Role.domestic, .imports, .smuggled, .offshore, .future1, .future2].map { theme.colors[$0]! }
            #expect(Set(colors).count == 6, "\(theme.name): the sources' colours are their own")
        }
    }

    @Test("a caption sits in its own band above the outcome bar, never over a chart or the tornado")
    func captionBand() {
        for (width, height) in [(80, 24), (120, 36)] {
            var state = State(width: width, height: height)
            state.demo.caption = "A caption that a presenter wants the room to read."
            let layout = state.layout
            let screen = render(state, Analysis(state.scenario))
            let at = screen.find("A caption that")
            #expect(at.map { layout.caption.contains(x: $0.x, y: $0.y) } == true, "\(width)")
            for chart in layout.charts { #expect(chart.rect.intersection(layout.caption).isEmpty) }
            #expect(layout.moves.intersection(layout.caption).isEmpty)
            #expect(layout.caption.maxY == layout.outcome.y)
        }
    }

    @Test("z zooms the selected chart to the whole chart area, z or Esc returns")
    func zoom() {
        for (width, height) in [(80, 24), (120, 36)] {
            var state = State(width: width, height: height)
            let area = state.layout.charts.map(\.rect).reduce(state.layout.charts[0].rect) { a, b in
                Rect(
                    x: min(a.x, b.x), y: min(a.y, b.y), width: max(a.maxX, b.maxX) - min(a.x, b.x),
                    height: max(a.maxY, b.maxY) - min(a.y, b.y))
            }
            reduce(&state, .keyPressed(.char("c")))
            reduce(&state, .keyPressed(.char("z")))
            #expect(state.layout.charts.count == 1 && state.layout.charts[0].kind == .computeShare)
            #expect(state.layout.charts[0].rect.height >= area.height, "\(width)")
            reduce(&state, .keyPressed(.char("c")))
            #expect(state.layout.charts[0].kind == .adoption, "c still selects charts")
            reduce(&state, .keyPressed(.char("z")))
            #expect(!state.view.chartEnlarged)
            reduce(&state, .keyPressed(.char("z")))
            reduce(&state, .keyPressed(.escape))
            #expect(!state.view.chartEnlarged)
        }
    }

    @Test("no sign on a change that rounds to nothing; goal-seek results are not a 'Last change'")
    func wording() {
        #expect(Format.delta(-0.01, .leadMonths) == "0.0 mo")
        #expect(Format.delta(0.0004, .adoption) == "0.0 pt")
        #expect(Format.delta(-0.2, .leadMonths) == "−0.2 mo")
        var state = State(width: 120, height: 36)
        reduce(&state, .keyPressed(.char("g")))
        let screen = render(state, Analysis(state.scenario))
        #expect(!screen.line(state.layout.outcome.y + 1).contains("Last change:"))
        reduce(&state, .keyPressed(.right))
        let moved = render(state, Analysis(state.scenario))
        #expect(moved.line(state.layout.outcome.y + 1).contains("Last change: Export controls 50→55 %"))
    }

    @Test("the key bar keeps ? help and q quit at 80×24, and plain ASCII hints in the mono theme")
    func keyBar() {
        var state = State(width: 80, height: 24)
        let bar = render(state, Analysis(state.scenario)).line(23)
        #expect(bar.contains("? help") && bar.contains("q quit"), "\(bar)")
        state.view.themes = [Theme(name: "plain", colors: Theme.dark.colors, glyphs: .ascii)]
        let ascii = render(state, Analysis(state.scenario)).line(23)
        #expect(ascii.contains("h l adjust") && !ascii.contains("<>"), "\(ascii)")
    }

    @Test("a preset or reset that changes nothing says so and records no undo step")
    func presetWithoutChange() {
        var state = State(width: 120, height: 36)
        reduce(&state, .keyPressed(.char("3")))
        #expect(
            state.view.explanation.contains("nothing changed") && !state.view.explanationIsChange,
            "\(state.view.explanation)")
        #expect(state.document.undoStack.isEmpty)
        reduce(&state, .keyPressed(.char("r")))
        #expect(state.view.explanation.contains("nothing changed") && state.document.undoStack.isEmpty)
        reduce(&state, .keyPressed(.char("1")))
        #expect(state.view.explanation.hasPrefix("Preset Future 1") && state.document.undoStack.count == 1)
    }

    @Test("the start's tornado row says it changes nothing while the levers are the status quo")
    func timingRowAtStatusQuo() {
        for (levers, blank) in [(Preset.statusQuo.levers, true), (Preset.future1.levers, false)] {
            let analysis = Analysis(Scenario(levers: levers))
            var screen = Screen(width: 56, height: 13)
            TornadoPanel(analysis: analysis).render(in: screen.area, into: &screen)
            let row = (0..<13).map(screen.line).first { $0.contains("Policy starts") } ?? ""
            #expect(row.contains("no effect (status quo)") == blank, "\(row)")
            #expect(row.hasSuffix(" mo│"), "the unit at wide widths: \(row)")
        }
    }

    @Test("without colour the legend says how the lines differ; in ASCII, which character draws which")
    func legendWithoutColour() {
        var screen = Screen(width: 100, height: 1)
        Legend(shadeBand: true, ensemble: true).render(in: screen.area, into: &screen)
        #expect(screen.line(0).contains("F2 (dashed)") && screen.line(0).contains("You (bold)"), "\(screen.line(0))")
        var ascii = Screen(width: 100, height: 1)
        ascii.glyphs = .ascii
        Legend(shadeBand: true, ensemble: true).render(in: ascii.area, into: &ascii)
        let line = ascii.line(0)
        #expect(line.contains("o F1") && line.contains("x F2") && line.contains("# You") && line.contains("+ median"))
    }

    @Test("at 80×24 the outcome bar keeps the verdict, the three probabilities and the central run")
    func narrowOutcomeBar() {
        var state = State(width: 80, height: 24)
        let analysis = Analysis(state.scenario)
        let ensemble = Ensemble.run(state.scenario, settings: EnsembleSettings(members: 200), threads: 1)!
        reduce(&state, .jobFinished(JobResult(.ensemble(state.scenario), .ensemble(ensemble))))
        let screen = render(state, analysis)
        let line = screen.line(21)
        for word in ["MOST LIKELY", "P(F1)", "contested", "P(F2)", "central 3.7 mo"] {
            #expect(line.contains(word), "\(word): \(line)")
        }
    }

    @Test("charts name what they plot, shortened where the whole title does not fit")
    func chartTitles() {
        let wide = render(State(width: 200, height: 60), Analysis(Scenario())).text
        for kind in [ChartKind.lead, .computeShare, .adoption, .chinaSources] { #expect(wide.contains(kind.title)) }
        let narrow = render(State(width: 120, height: 36), Analysis(Scenario())).text
        #expect(narrow.contains(ChartKind.adoption.shortTitle) && !narrow.contains(ChartKind.adoption.title))
    }
}
