import Dashboard
import Formats
import FuturesModel
import Testing

/// The map view (`m`) and the levers-across-worlds panel (`a`): what they ask the shell
/// to compute, what they keep, how they draw.
@Suite("Map of futures and levers across worlds in the dashboard")
struct MapAndWorldsTests {
    /// `state` with the map it asks for computed in place (what the worker would send).
    static func withMap(_ state: State) -> State {
        var state = state
        if let r = state.mapRequest {
            reduce(
                &state,
                .jobFinished(JobResult(.map(r), .map(FuturesMap(r.scenario, x: r.x, y: r.y, nx: r.nx, ny: r.ny)))))
        }
        return state
    }

    /// `state` with its levers across worlds computed in place.
    static func withWorlds(_ state: State, members: Int = 400) -> State {
        var state = state
        let result = Robustness.run(state.scenario, settings: EnsembleSettings(members: members), threads: 1)!
        reduce(&state, .jobFinished(JobResult(.robustness(result.scenario), .robustness(result))))
        return state
    }

    @Test(
        "m opens the map over the selected slider and the next lever; ↑↓ and Tab change Y, never to X; m and Esc close")
    func mapKeys() throws {
        var state = State(width: 120, height: 36)
        reduce(&state, .keyPressed(.char("m")))
        let view = try #require(state.view.mapView)
        #expect(view.y == .lever(.smugglingEnforcement) && state.keyContext == .map)
        #expect(state.selected == .lever(.exportControls))
        // ↑ from the second slider skips the first (X) and wraps to the last.
        reduce(&state, .keyPressed(.up))
        #expect(state.view.mapView?.y == ParameterID.all.last, "\(String(describing: state.view.mapView))")
        reduce(&state, .keyPressed(.tab))
        #expect(state.view.mapView?.y == .lever(.smugglingEnforcement), "Tab goes on, past X")
        for _ in 0..<40 {
            reduce(&state, .keyPressed(.down))
            #expect(state.view.mapView?.y != state.selected)
        }
        // ←→ still move X, and other keys act as usual.
        let before = state.scenario.levers[.exportControls]
        reduce(&state, .keyPressed(.right))
        #expect(state.scenario.levers[.exportControls] > before && state.selected == .lever(.exportControls))
        reduce(&state, .keyPressed(.char("1")))
        #expect(state.scenario.levers == Preset.future1.levers && state.view.mapView != nil)
        reduce(&state, .keyPressed(.escape))
        #expect(state.view.mapView == nil && state.keyContext == .normal)
        reduce(&state, .keyPressed(.char("m")))
        reduce(&state, .keyPressed(.char("m")))
        #expect(state.view.mapView == nil)
    }

    @Test("the map asks for one point per column and two per row, keeps only the answer to its request")
    func mapJobs() throws {
        var state = State(width: 120, height: 36)
        #expect(state.jobs.map(\.kind) == [.ensemble])
        reduce(&state, .keyPressed(.char("m")))
        let request = try #require(state.mapRequest)
        let rect = try #require(state.layout.charts.first?.rect)
        let plot = MapGeometry(in: rect, y: request.y).plot
        #expect(request.nx == plot.width && request.ny == plot.height * 2)
        #expect(state.jobs.map(\.kind) == [.ensemble, .map])
        // A map for another scenario is dropped; the answer is kept, and not asked for again.
        var other = request
        other.scenario.levers[.exportControls] = 0.9
        reduce(
            &state,
            .jobFinished(
                JobResult(
                    .map(other), .map(FuturesMap(other.scenario, x: other.x, y: other.y, nx: other.nx, ny: other.ny)))))
        #expect(state.results.map == nil)
        state = Self.withMap(state)
        #expect(state.results.map != nil && state.jobs.map(\.kind) == [.ensemble])
        // Moving a slider asks for a new map; the old one stays on screen meanwhile.
        reduce(&state, .keyPressed(.right))
        #expect(state.jobs.map(\.kind) == [.ensemble, .map])
        #expect(Fixture.frame(state).text.contains("computing…"))
        // Without colour, one map row per cell.
        state.view.noColor = true
        #expect(state.mapRequest?.ny == plot.height)
    }

    @Test("each map cell shows the future of its point; the current point and the 12-month edge are marked")
    func mapDrawing() throws {
        var state = State(scenario: Scenario(levers: Preset.future1.levers), width: 120, height: 36)
        reduce(&state, .keyPressed(.char("m")))
        state = Self.withMap(state)
        let map = try #require(state.results.map)
        let screen = Fixture.frame(state)
        let rect = try #require(state.layout.charts.first?.rect)
        let plot = MapGeometry(in: rect, y: map.y.parameter).plot
        #expect(plot.width == map.x.values.count && plot.height * 2 == map.y.values.count)
        // Where the grid is the plot's size, a cell's upper half is row 2·cy from the top.
        let futureRole: (Double) -> Set<Role> = { lead in
            switch Future(lead: lead) {
            case .future1: [.future1, .future1Faint, .foreground]
            case .future2: [.future2, .future2Faint]
            case .contested: [.muted, .grid]
            }
        }
        let ny = map.y.values.count
        for (cx, cy) in [(0, 0), (plot.width - 1, 0), (plot.width / 2, plot.height / 2), (plot.width - 3, 3)] {
            let cell = screen[plot.x + cx, plot.y + cy]
            guard cell.character == "▀" else { continue }
            let upper = map.leadMonths[ny - 1 - 2 * cy][cx], lower = map.leadMonths[ny - 2 - 2 * cy][cx]
            #expect(futureRole(upper).contains(cell.role), "\(cx),\(cy): \(upper) \(cell.role)")
            #expect(futureRole(lower).contains(cell.style.background!), "\(cx),\(cy): \(lower)")
        }
        // The point: Future 1's export controls (90 %) and anti-smuggling (85 %).
        let cells = (plot.y..<plot.maxY).flatMap { y in (plot.x..<plot.maxX).map { (x: $0, y: y) } }
        let point = try #require(cells.first { screen[$0.x, $0.y].character == "●" })
        #expect(point.x == plot.x + Int((0.9 * Double(plot.width - 1)).rounded()))
        #expect(point.y == plot.y + Int((0.15 * Double(plot.height - 1)).rounded()))
        #expect(screen[point.x, point.y].role == .policy)
        // Future 1 lives top right here, so its edge is drawn.
        #expect(screen.cells.contains { $0.role == .foreground && $0.character == "▀" })
        // The axes in the parameters' units, and their names.
        let text = screen.text
        for label in ["0 %", "50 %", "100 %", "Export controls →", "↑ Anti-smuggling", "Where Future 1 lives"] {
            #expect(text.contains(label), "\(label)")
        }
        assertSnapshot(text, named: "map-future1-120x36")
    }

    @Test("the map at 80×24, without colour (# . - and @), and with the start as Y (dates)")
    func mapSnapshots() throws {
        var state = State(scenario: Scenario(levers: Preset.future1.levers), width: 80, height: 24)
        reduce(&state, .keyPressed(.char("m")))
        state = Self.withMap(state)
        assertSnapshot(Fixture.frame(state).text, named: "map-future1-80x24")
        state.view.noColor = true
        state = Self.withMap(state)
        let mono = Fixture.frame(state)
        #expect(!mono.cells.contains { $0.style.background != nil && $0.character == "▀" })
        for c in ["#", ".", "@", "="] { #expect(mono.text.contains(c), "\(c)") }
        assertSnapshot(mono.text, named: "map-future1-no-color-80x24")
        // Y = the start: dates on the axis, rounded to whole months.
        state.view.noColor = false
        while state.view.mapView?.y != .policyStart { reduce(&state, .keyPressed(.down)) }
        state = Self.withMap(state)
        let text = Fixture.frame(state).text
        #expect(text.contains("2026-01") && text.contains("2028-01") && text.contains("2027-01"), "\(text)")
    }

    @Test("a click in the map moves the point there, as one undoable change")
    func mapClick() throws {
        var state = State(width: 120, height: 36)
        reduce(&state, .keyPressed(.char("m")))
        let rect = try #require(state.layout.charts.first?.rect)
        let plot = MapGeometry(in: rect, y: .lever(.smugglingEnforcement)).plot
        reduce(&state, .mouse(.click(x: plot.maxX - 1, y: plot.y)))
        #expect(state.scenario.levers[.exportControls] == 1 && state.scenario.levers[.smugglingEnforcement] == 1)
        #expect(state.document.undoStack.count == 1 && state.view.explanation.hasPrefix("Map: Export controls 100 %"))
        reduce(&state, .keyPressed(.char("u")))
        #expect(state.scenario == Scenario())
    }

    @Test("a cycles tornado → attribution → across worlds; that view asks for the rows once, shows computing…")
    func acrossWorldsJobs() {
        var state = State(width: 120, height: 36)
        reduce(&state, .keyPressed(.char("a")))
        #expect(state.view.moves == .attribution)
        reduce(&state, .keyPressed(.char("a")))
        #expect(state.view.moves == .acrossWorlds && state.jobs.map(\.kind) == [.ensemble, .robustness])
        var none = state
        none.results.ensembleMembers = 0
        #expect(none.jobs.isEmpty, "no ensemble (--members 0), no rows either")
        #expect(Fixture.frame(state).text.contains("computing across worlds…"))
        state = Self.withWorlds(state)
        #expect(state.jobs.map(\.kind) == [.ensemble])
        // A result for an older scenario is not taken; the old one shows, marked computing.
        let old = state.results.robustness
        reduce(&state, .keyPressed(.right))
        reduce(&state, .jobFinished(JobResult(.robustness(old!.scenario), .robustness(old!))))
        #expect(state.results.robustness == old)
        #expect(Fixture.frame(state).text.contains("computing…"))
        reduce(&state, .keyPressed(.char("a")))
        #expect(state.view.moves == .tornado && state.jobs.map(\.kind) == [.ensemble])
    }

    @Test("the across-worlds panel: per lever ΔP(F1) and ΔP(F2) in their futures' colours, the median gain")
    func acrossWorldsPanel() throws {
        var state = State(scenario: Scenario(levers: Preset.future1.levers), width: 120, height: 36)
        state.view.moves = .acrossWorlds
        state = Self.withWorlds(state, members: 2000)
        let result = try #require(state.results.robustness)
        let screen = Fixture.frame(state)
        let text = screen.text
        #expect(text.contains("ΔP(F1)") && text.contains("ΔP(F2)") && text.contains("median"))
        // Export controls first, +51 points of P(Future 1) (MODEL.md's reference finding).
        let first = try #require(result.rows.first)
        #expect(first.parameter == .lever(.exportControls))
        let row = try #require(
            (0..<36).map(screen.line).first { $0.contains("│Export controls") && $0.contains("+51") })
        #expect(row.contains("+7.5"), "\(row)")
        #expect(screen.cells.contains { $0.role == .future1 && $0.character == "█" })
        #expect(screen.cells.contains { $0.role == .future2 && "▏▎▍▌▋▊▉█".contains($0.character) })
        assertSnapshot(text, named: "across-worlds-future1-120x36")
        // At 80×24 the panel keeps the two probability columns.
        var small = state
        small.view.width = 80
        small.view.height = 24
        let compact = Fixture.frame(small).text
        #expect(compact.contains("ΔP(F1)") && compact.contains("+51"), "\(compact)")
        assertSnapshot(compact, named: "across-worlds-future1-80x24")
    }

    @Test("the map's faint colours are the futures' halfway to the background, in every shipped theme")
    func faintColours() throws {
        for theme in Theme.builtIn {
            let bg = try #require(theme.colors[.background])
            #expect(theme.colors[.future1Faint] == mix(theme.colors[.future1]!, bg, 0.5), "\(theme.name)")
            #expect(theme.colors[.future2Faint] == mix(theme.colors[.future2]!, bg, 0.5), "\(theme.name)")
        }
        let lines = Role.allCases.filter { !Role.optional.contains($0) }.map {
            "\($0.rawValue) = \"#\($0 == .background ? "000000" : "ffffff")\""
        }
        let parsed = try ThemeParser.parse(
            "name = \"t\"\n[colors]\n" + lines.joined(separator: "\n") + "\n", path: "t.toml"
        ).get()
        #expect(parsed.colors[.future1Faint] == "#808080")
    }
}

@Suite("Lenses in the dashboard")
struct LensKeyTests {
    @Test("v cycles the lenses in order, each one undo step; the assumptions' title names the lens or custom")
    func cycle() {
        var state = State(width: 120, height: 36)
        #expect(state.document.activeLens?.id == "essay")
        #expect(Fixture.frame(state).text.contains("ASSUMPTIONS · lens: The essay's view"))
        for lens in Lens.builtIn.dropFirst() {
            reduce(&state, .keyPressed(.char("v")))
            #expect(state.document.activeLens?.id == lens.id && state.scenario.assumptions == lens.assumptions)
            #expect(state.view.explanation.hasPrefix("Lens \(lens.name): "), "\(state.view.explanation)")
        }
        #expect(state.document.undoStack.count == Lens.builtIn.count - 1)
        reduce(&state, .keyPressed(.char("v")))
        #expect(state.document.activeLens?.id == "essay", "wraps to the first")
        reduce(&state, .keyPressed(.char("V")))
        #expect(state.document.activeLens?.id == "optimist", "V goes back")
        reduce(&state, .keyPressed(.char("u")))
        #expect(state.document.activeLens?.id == "essay", "one undo step")
        // A slider leaves the lens: custom; v then starts from the first lens.
        state.view.selection = SliderGeometry.policyCount + 3
        reduce(&state, .keyPressed(.right))
        #expect(state.document.activeLens == nil && Fixture.frame(state).text.contains("ASSUMPTIONS · lens: custom"))
        reduce(&state, .keyPressed(.char("v")))
        #expect(state.document.activeLens?.id == "essay")
    }

    @Test("the backfire lens explains itself as the issue says, and its argument shows under the charts")
    func backfire() {
        var state = State(width: 120, height: 36)
        reduce(&state, .keyPressed(.char("v")))
        #expect(
            state.view.explanation
                == "Lens Controls backfire: China chip growth 1.30→1.80, Controls backfire 0.30→0.90: lead −0.7 mo")
        let argument = "Lens Controls backfire: " + Lens.backfire.argument.prefix(20)
        let text = Fixture.frame(state).text
        #expect(text.contains(argument) && text.contains("Source: "), "\(text)")
        reduce(&state, .keyPressed(.down))
        #expect(!Fixture.frame(state).text.contains(argument), "the next key gives the slider back")
    }

    @Test("the all-critics lens, then across worlds: no lever moves P(Future 2) by more than 2 points")
    func allCritics() {
        var state = State(width: 120, height: 36)
        while state.document.activeLens?.id != "all-critics" { reduce(&state, .keyPressed(.char("v"))) }
        for _ in 0..<2 { reduce(&state, .keyPressed(.char("a"))) }
        state = MapAndWorldsTests.withWorlds(state, members: 2000)
        let rows = state.results.robustness!.rows
        #expect(rows.allSatisfy { abs($0.pFuture2.delta) <= 0.02 }, "\(rows.map(\.pFuture2.delta))")
        assertSnapshot(Fixture.frame(state).text, named: "across-worlds-all-critics-120x36")
    }
}

@Suite("Ensemble refinement in the status bar")
struct RefinementTests {
    @Test("the status bar says ensemble 1,000 → 10,000 while the band refines, then ensemble 10,000 runs")
    func statusText() {
        var state = State(width: 120, height: 36)
        #expect(Fixture.frame(state).line(35).contains("ensemble running…"))
        let quick = Ensemble.run(state.scenario, settings: EnsembleSettings(members: 1000), threads: 1)!
        reduce(&state, .jobFinished(JobResult(.ensemble(state.scenario), .ensemble(quick))))
        #expect(Fixture.frame(state).line(35).contains("ensemble 1,000 → 10,000"), "\(Fixture.frame(state).line(35))")
        let full = Ensemble.run(state.scenario, settings: EnsembleSettings(members: 10_000), threads: 2)!
        reduce(&state, .jobFinished(JobResult(.ensemble(state.scenario), .ensemble(full))))
        #expect(Fixture.frame(state).line(35).contains("ensemble 10,000 runs"))
        // A change: the old band shows while the new one computes.
        reduce(&state, .keyPressed(.right))
        let stale = render(state, Analysis(state.scenario))
        #expect(stale.line(35).contains("ensemble 1,000 → 10,000"), "\(stale.line(35))")
        #expect(Job.ensembleSteps(EnsembleSettings(members: 10_000)).map(\.members) == [1000, 10_000])
        #expect(Job.ensembleSteps(EnsembleSettings(members: 800)).map(\.members) == [800])
    }
}
