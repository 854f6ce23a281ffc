import Dashboard
import FuturesModel
import Testing

/// `reduce` driven directly with key presses.
@Suite("Reducer")
struct ReducerTests {
    func press(_ state: inout State, _ keys: Key...) {
        for key in keys { reduce(&state, .keyPressed(key)) }
    }

    @Test("g finds the least of a lever for Future 1; Enter applies it, Esc discards it")
    func goalSeek() throws {
        var s = State()
        press(&s, .char("1"))  // Future 1 preset; export controls selected.
        press(&s, .char("g"))
        let seek = try #require(s.pendingSeek)
        let value = try #require(seek.value)
        #expect(value < 0.9)
        #expect(s.explanation.hasPrefix("Export controls ≥ "))
        #expect(s.explanation.hasSuffix("Enter applies, Esc discards."))
        press(&s, .enter)
        #expect(s.pendingSeek == nil)
        #expect(s.scenario.levers.exportControls == value)
        #expect(Simulation.outcome(s.scenario).leadMonths >= 12)
        press(&s, .char("u"))
        #expect(s.scenario.levers.exportControls == 0.9)
        // Esc discards.
        press(&s, .char("g"), .escape)
        #expect(s.pendingSeek == nil)
        #expect(s.scenario.levers.exportControls == 0.9)
        // Out of reach: a message, nothing waits.
        press(&s, .char("3"), .char("g"))
        #expect(s.pendingSeek == nil)
        #expect(s.explanation.hasPrefix("Future 1 is out of reach with this lever alone (max lead "))
        // An assumption cannot be sought.
        press(&s, .tab, .char("g"))
        #expect(s.explanation.hasPrefix("Goal-seek works on the five levers"))
    }

    @Test("s prompts for a name: typing, Backspace, Esc cancels, Enter asks the shell to save")
    func savePrompt() {
        var s = State()
        press(&s, .char("s"))
        #expect(s.savePrompt == "")
        press(&s, .char("q"), .char("x"), .backspace, .char("1"))
        #expect(s.savePrompt == "q1")
        #expect(!s.shouldQuit, "q is typed, not a quit")
        press(&s, .escape)
        #expect(s.savePrompt == nil && s.saveRequest == nil)
        #expect(s.explanation == "Save cancelled.")
        press(&s, .char("s"), .char(" "), .enter)
        #expect(s.savePrompt == " ", "an empty name is not saved")
        press(&s, .char("A"), .enter)
        #expect(s.savePrompt == nil)
        #expect(s.saveRequest == SaveRequest(name: "A"))
    }

    @Test("a save that would replace a file asks: y replaces, n edits the name, Esc keeps the file")
    func overwriteQuestion() {
        var s = State()
        let asked = SaveRequest(name: "Enforcement first!")
        #expect(asked.fileName == "enforcement-first.toml")
        #expect(SaveRequest(name: "  ").fileName == "scenario.toml")
        s.overwriteQuestion = asked
        #expect(s.promptLine == "enforcement-first.toml exists: y replaces it, n picks another name, Esc keeps it")
        press(&s, .char("y"))
        #expect(s.overwriteQuestion == nil)
        #expect(s.saveRequest == SaveRequest(name: "Enforcement first!", overwrite: true))
        s.saveRequest = nil
        s.overwriteQuestion = asked
        press(&s, .char("n"))
        #expect(s.saveRequest == nil && s.savePrompt == "Enforcement first!")
        press(&s, .backspace, .enter)
        #expect(s.saveRequest == SaveRequest(name: "Enforcement first"))
        s.saveRequest = nil
        for key in [Key.escape, .enter, .char("q"), .char("1")] {
            s.overwriteQuestion = asked
            let before = s.scenario
            press(&s, key)
            #expect(s.overwriteQuestion == nil && s.saveRequest == nil, "\(key)")
            #expect(s.explanation == "Not saved: enforcement-first.toml is unchanged.", "\(key)")
            #expect(s.scenario == before && !s.shouldQuit, "\(key) only answers the question")
        }
        s.overwriteQuestion = asked
        press(&s, .ctrl("c"))
        #expect(s.shouldQuit)
    }

    @Test("the o list: arrows choose, Enter opens as one undoable change, Esc cancels")
    func openList() {
        var s = State()
        var first = Scenario(levers: Preset.future1.levers)
        first.horizon = 48
        let list = [
            SavedScenario(name: "F1", path: "/x/f1.toml", scenario: first),
            SavedScenario(name: "F2", path: "/x/f2.toml", scenario: Scenario(levers: Preset.future2.levers)),
        ]
        s.openList = list
        press(&s, .down)
        #expect(s.openIndex == 1)
        press(&s, .escape)
        #expect(s.openList == nil && s.scenario == Scenario())
        s.openList = list
        s.openIndex = 0
        press(&s, .enter)
        #expect(s.scenario == first)
        #expect(s.explanation.hasPrefix("Opened F1 (Future 1"))
        press(&s, .char("u"))
        #expect(s.scenario == Scenario())
        press(&s, .char("o"))
        #expect(s.openRequested)
    }

    @Test("the o list: Home End PgUp PgDn move by pages and stop at the ends; opening the current one says so")
    func openListPaging() {
        var s = State(width: 80, height: 24)
        let list = (0..<40).map { i in
            SavedScenario(
                name: "S\(i)", path: "/x/s\(i).toml", scenario: Scenario().withLever(.exportControls, Double(i) / 40))
        }
        s.openList = list
        let page = ScenarioList.visibleRows(height: 24)
        #expect(page == 17)
        press(&s, .pageDown)
        #expect(s.openIndex == page)
        press(&s, .end, .pageDown)
        #expect(s.openIndex == 39)
        press(&s, .down)
        #expect(s.openIndex == 0, "↓ wraps")
        press(&s, .pageUp)
        #expect(s.openIndex == 0)
        press(&s, .up, .home)
        #expect(s.openIndex == 0)
        press(&s, .pageDown, .down, .down, .down)
        #expect(s.openIndex == 20)
        press(&s, .enter)
        #expect(s.openList == nil)
        #expect(s.explanation == "S20 is the current scenario already.", "export controls 20/40 = 0.5, as now")
        #expect(s.undoStack.isEmpty)
        s.openList = []
        press(&s, .down, .pageDown, .end, .enter)
        #expect(s.openList == nil && s.openIndex == 0 && s.scenario == Scenario())
    }

    @Test("y shows the share token and asks the shell to copy it; the token round-trips")
    func shareToken() throws {
        var s = State()
        press(&s, .char("2"), .char("y"))
        #expect(s.explanation.hasPrefix("Share token: tf2:30-10-10-10-10 "))
        let token = try #require(s.clipboard)
        #expect(try ShareToken.decode(token) == s.scenario)
    }

    @Test("selection wraps at both ends and Tab switches groups")
    func selectionWraps() {
        var s = State()
        press(&s, .up)
        #expect(s.selection == ParameterID.all.count - 1)
        #expect(s.focus == .assumptions)
        press(&s, .down)
        #expect(s.selection == 0)
        press(&s, .char("j"), .char("j"))
        #expect(s.selected == .lever(.offshoreControls))
        press(&s, .tab)
        #expect(s.selected == .assumption(.usComputeGrowth))
        press(&s, .tab)
        #expect(s.selected == .lever(.exportControls))
    }

    @Test("arrows move levers by 5 points, Shift by 1, Home/End to the ends")
    func leverSteps() {
        var s = State()
        press(&s, .down)  // anti-smuggling, 30 %
        press(&s, .right)
        #expect(abs(s.scenario.levers.smugglingEnforcement - 0.35) < 1e-12)
        press(&s, .shiftLeft, .char("H"))
        #expect(abs(s.scenario.levers.smugglingEnforcement - 0.33) < 1e-12)
        press(&s, .end)
        #expect(s.scenario.levers.smugglingEnforcement == 1)
        press(&s, .home)
        #expect(s.scenario.levers.smugglingEnforcement == 0)
    }

    @Test("assumptions move by their step, and by a fifth of it with Shift")
    func assumptionSteps() {
        var s = State()
        press(&s, .tab)  // US compute growth 3.3, step 0.1
        press(&s, .char("l"))
        #expect(abs(s.scenario.assumptions.usComputeGrowth - 3.4) < 1e-9)
        press(&s, .shiftRight)
        #expect(abs(s.scenario.assumptions.usComputeGrowth - 3.42) < 1e-9)
    }

    @Test("values stay within their ranges after many presses", arguments: ParameterID.all.indices)
    func staysInRange(index: Int) {
        var s = State()
        for _ in 0..<index { press(&s, .down) }
        let spec = s.selected.spec
        for _ in 0..<200 { press(&s, .right, .shiftRight) }
        #expect(s.scenario[s.selected] == spec.max)
        for _ in 0..<200 { press(&s, .left, .shiftLeft) }
        #expect(s.scenario[s.selected] == spec.min)
        for key in [Key.right, .shiftRight, .left, .right, .right, .shiftLeft] {
            press(&s, key)
            #expect(spec.contains(s.scenario[s.selected]))
        }
    }

    @Test("undo and redo walk the history; a new change clears redo")
    func undoRedo() {
        var s = State()
        let start = s.scenario
        press(&s, .right, .right)
        let twice = s.scenario
        press(&s, .char("u"))
        press(&s, .char("u"))
        #expect(s.scenario == start)
        press(&s, .char("u"))  // nothing left
        #expect(s.scenario == start)
        press(&s, .ctrl("r"), .ctrl("r"))
        #expect(s.scenario == twice)
        press(&s, .char("u"), .left)
        #expect(s.redoStack.isEmpty)
    }

    @Test("the undo stack is bounded")
    func undoBounded() {
        var s = State()
        press(&s, .home)
        for _ in 0..<150 { press(&s, .shiftRight, .shiftLeft) }
        #expect(s.undoStack.count == State.undoLimit)
    }

    @Test("a press at a bound records no undo step")
    func noOpNotRecorded() {
        var s = State()
        press(&s, .end)
        let depth = s.undoStack.count
        press(&s, .right, .end)
        #expect(s.undoStack.count == depth)
    }

    @Test("presets set the levers and keep the assumptions; r resets everything")
    func presets() {
        var s = State()
        press(&s, .tab, .right)
        let assumptions = s.scenario.assumptions
        press(&s, .char("1"))
        #expect(s.scenario.levers == Preset.future1.levers)
        #expect(s.scenario.assumptions == assumptions)
        press(&s, .char("2"))
        #expect(s.scenario.levers == Preset.future2.levers)
        press(&s, .char("3"))
        #expect(s.scenario.levers == Preset.statusQuo.levers)
        press(&s, .char("r"))
        #expect(s.scenario == Scenario())
        #expect(s.explanation.hasPrefix("Reset"))
    }

    @Test("at most three pins are kept, the oldest dropping out; P clears them")
    func pinLimit() {
        var s = State()
        for _ in 0..<5 {
            press(&s, .char("p"), .right)
        }
        #expect(s.pins.count == 3)
        #expect(s.pins.map(\.number) == [3, 4, 5])
        press(&s, .char("P"))
        #expect(s.pins.isEmpty)
    }

    @Test("a change explains itself in one line")
    func explanation() {
        var s = State()
        press(&s, .down, .right)
        #expect(s.explanation.hasPrefix("Anti-smuggling 30→35 %: lead +"))
        #expect(s.explanation.contains("adoption"))
    }

    @Test("charts cycle, a toggles the moves view, help opens and closes, q quits")
    func toggles() {
        var s = State()
        for _ in ChartKind.allCases { press(&s, .char("c")) }
        #expect(s.chart == .lead)
        press(&s, .char("c"))
        #expect(s.chart == .computeShare)
        press(&s, .char("a"))
        #expect(s.moves == .attribution)
        press(&s, .char("?"))
        #expect(s.helpOpen)
        press(&s, .right)  // closes help, does not move a slider
        #expect(!s.helpOpen)
        #expect(s.scenario == Scenario())
        press(&s, .char("?"), .escape)
        #expect(!s.helpOpen)
        press(&s, .char("q"))
        #expect(s.shouldQuit)
    }

    @Test("a stale ensemble is ignored, a current one kept")
    func ensembleLatestWins() throws {
        var s = State()
        let old = s.scenario
        let result = try #require(Ensemble.run(old, settings: EnsembleSettings(members: 20), threads: 1))
        press(&s, .right)
        reduce(&s, .ensembleFinished(result, for: old))
        #expect(s.ensemble == nil)
        reduce(&s, .ensembleFinished(result, for: s.scenario))
        #expect(s.currentEnsemble != nil)
        press(&s, .right)
        #expect(s.currentEnsemble == nil)
    }

    @Test("a click on a track sets the value; the wheel nudges")
    func mouse() {
        var s = State(width: 80, height: 24)
        let layout = Layout(width: 80, height: 24, chart: s.chart)
        let columns = SliderRow.Columns(width: layout.panel.width - 2)
        let trackEnd = layout.panel.x + 1 + columns.trackOffset + columns.track - 1
        let row = SliderPanel.Geometry(rect: layout.panel).row(of: 2, scroll: 0)!
        reduce(&s, .mouse(.click(x: trackEnd, y: row)))
        #expect(s.selected == .lever(.offshoreControls))
        #expect(s.scenario.levers.offshoreControls == 1)
        reduce(&s, .mouse(.wheelDown(x: 0, y: 0)))
        #expect(abs(s.scenario.levers.offshoreControls - 0.95) < 1e-12)
    }

    @Test("at 80×24 the slider list scrolls to keep the selection in view, and clicks follow the scroll")
    func sliderScroll() throws {
        var s = State(width: 80, height: 24)
        let geometry = SliderPanel.Geometry(rect: s.layout.panel)
        #expect(geometry.scrolls)
        press(&s, .up)  // wraps to the last assumption
        #expect(s.selected == .assumption(.chinaPriceAdvantage))
        #expect(s.sliderScroll > 0)
        let last = ParameterID.all.count - 1
        let y = try #require(geometry.row(of: last, scroll: s.sliderScroll))
        #expect(y == geometry.listY + geometry.listRows - 1)
        #expect(geometry.row(of: 0, scroll: s.sliderScroll) == nil)
        // A click on the row now shown second from the bottom selects what is drawn there.
        reduce(&s, .mouse(.click(x: s.layout.panel.x + 3, y: y - 1)))
        #expect(s.selection == last - 1)
        let screen = render(s, Analysis(s.scenario), ensemble: nil)
        #expect(screen.line(y - 1).contains(Labels.fitting(ParameterID.all[last - 1], width: 14).prefix(8)))
        press(&s, .down, .down)  // wraps to the first lever: scrolled back to the top
        #expect(s.sliderScroll == 0)
    }

    @Test("the policy's start moves by 3 months, by 1 with Shift, and presets start now")
    func policyStartSlider() {
        var s = State(width: 120, height: 36)
        s.selection = ParameterID.all.firstIndex(of: .policyStart)!
        press(&s, .right)
        #expect(s.scenario.policyStart == 3)
        press(&s, .shiftRight)
        #expect(s.scenario.policyStart == 4)
        press(&s, .end)
        #expect(s.scenario.policyStart == 24)
        #expect(s.explanation.hasPrefix("Policy starts 2026-05→2028-01: lead"))
        press(&s, .char("1"))
        #expect(s.scenario.policyStart == 0 && s.scenario.levers == Preset.future1.levers)
        s.selection = ParameterID.all.firstIndex(of: .policyStart)!
        press(&s, .char("u"))
        #expect(s.scenario.policyStart == 24)
    }

    @Test("in the grid a click on a chart enlarges it, a second click or Esc shrinks it")
    func enlarge() throws {
        var s = State(width: 120, height: 36)
        let adoption = try #require(s.layout.charts.first { $0.kind == .adoption })
        reduce(&s, .mouse(.click(x: adoption.rect.x + 3, y: adoption.rect.y + 3)))
        #expect(s.chart == .adoption && s.chartEnlarged)
        #expect(s.layout.charts.map(\.kind) == [.adoption])
        let big = s.layout.charts[0].rect
        reduce(&s, .mouse(.click(x: big.x + 3, y: big.y + 3)))
        #expect(!s.chartEnlarged)
        reduce(&s, .mouse(.click(x: adoption.rect.x + 3, y: adoption.rect.y + 3)))
        reduce(&s, .keyPressed(.escape))
        #expect(!s.chartEnlarged && s.layout.charts.count == 4)
    }
}
