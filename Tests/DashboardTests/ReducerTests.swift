import Dashboard
import FuturesModel
import Testing

/// `reduce` driven directly with key presses.
@Suite("Reducer")
struct ReducerTests {
    /// Presses `keys` in order; returns the effects of all of them.
    @discardableResult
    func press(_ state: inout State, _ keys: Key...) -> [Effect] {
        keys.flatMap { reduce(&state, .keyPressed($0)) }
    }

    /// The goal-seek result waiting for Enter, if any.
    func pendingSeek(_ state: State) -> SeekResult? {
        if case .seekResult(let seek) = state.view.mode { seek } else { nil }
    }

    /// The open `o` list, if any.
    func openList(_ state: State) -> OpenList? {
        if case .openList(let list) = state.view.mode { list } else { nil }
    }

    @Test("g finds the least of a lever for Future 1; Enter applies it, Esc discards it")
    func goalSeek() throws {
        var s = State()
        press(&s, .char("1"))  // Future 1 preset; export controls selected.
        press(&s, .char("g"))
        let seek = try #require(pendingSeek(s))
        let value = try #require(seek.value)
        #expect(value < 0.9)
        #expect(s.view.explanation.hasPrefix("Export controls ≥ "))
        #expect(s.view.explanation.hasSuffix("Enter applies, Esc discards."))
        press(&s, .enter)
        #expect(pendingSeek(s) == nil)
        #expect(s.scenario.levers.exportControls == value)
        #expect(Simulation.outcome(s.scenario).leadMonths >= 12)
        press(&s, .char("u"))
        #expect(s.scenario.levers.exportControls == 0.9)
        // Esc discards.
        press(&s, .char("g"), .escape)
        #expect(pendingSeek(s) == nil)
        #expect(s.scenario.levers.exportControls == 0.9)
        // Out of reach: a message, nothing waits.
        press(&s, .char("3"), .char("g"))
        #expect(pendingSeek(s) == nil)
        #expect(s.view.explanation.hasPrefix("Future 1 is out of reach with this lever alone (max lead "))
        // An assumption cannot be sought.
        press(&s, .tab, .char("g"))
        #expect(s.view.explanation.hasPrefix("Goal-seek works on the five levers"))
    }

    @Test("s prompts for a name: typing, Backspace, Esc cancels, Enter asks the shell to save")
    func savePrompt() {
        var s = State()
        press(&s, .char("s"))
        #expect(s.view.mode == .savePrompt(""))
        let typed = press(&s, .char("q"), .char("x"), .backspace, .char("1"))
        #expect(s.view.mode == .savePrompt("q1"))
        #expect(typed.isEmpty, "q is typed, not a quit")
        #expect(press(&s, .escape).isEmpty)
        #expect(s.view.mode == .normal)
        #expect(s.view.explanation == "Save cancelled.")
        #expect(press(&s, .char("s"), .char(" "), .enter).isEmpty)
        #expect(s.view.mode == .savePrompt(" "), "an empty name is not saved")
        #expect(press(&s, .char("A"), .enter) == [.save(SaveRequest(name: "A"), s.document)])
        #expect(s.view.mode == .normal)
        reduce(&s, .saveFinished(.saved(path: "/x/a.toml", replaced: false)))
        #expect(s.view.explanation == "Saved /x/a.toml")
        reduce(&s, .saveFinished(.failed("cannot create /x")))
        #expect(s.view.warning == "not saved: cannot create /x")
    }

    @Test("a save that would replace a file asks: y replaces, n edits the name, Esc keeps the file")
    func overwriteQuestion() {
        var s = State()
        let asked = SaveRequest(name: "Enforcement first!")
        #expect(asked.fileName == "enforcement-first.toml")
        #expect(SaveRequest(name: "  ").fileName == "scenario.toml")
        // The shell found the file: its result opens the question.
        reduce(&s, .saveFinished(.exists(asked)))
        #expect(s.view.mode == .overwrite(asked))
        #expect(s.promptLine == "enforcement-first.toml exists: y replaces it, n picks another name, Esc keeps it")
        #expect(press(&s, .char("y")) == [.save(SaveRequest(name: "Enforcement first!", overwrite: true), s.document)])
        #expect(s.view.mode == .normal)
        reduce(&s, .saveFinished(.saved(path: "/x/enforcement-first.toml", replaced: true)))
        #expect(s.view.explanation == "Replaced /x/enforcement-first.toml")
        reduce(&s, .saveFinished(.exists(asked)))
        #expect(press(&s, .char("n")).isEmpty)
        #expect(s.view.mode == .savePrompt("Enforcement first!"))
        #expect(press(&s, .backspace, .enter) == [.save(SaveRequest(name: "Enforcement first"), s.document)])
        for key in [Key.escape, .enter, .char("q"), .char("1")] {
            reduce(&s, .saveFinished(.exists(asked)))
            let before = s.scenario
            let effects = press(&s, key)
            #expect(s.view.mode == .normal && effects.isEmpty, "\(key)")
            #expect(s.view.explanation == "Not saved: enforcement-first.toml is unchanged.", "\(key)")
            #expect(s.scenario == before, "\(key) only answers the question")
        }
        reduce(&s, .saveFinished(.exists(asked)))
        #expect(press(&s, .ctrl("c")) == [.quit])
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
        reduce(&s, .savedListed(OpenList(entries: list)))
        press(&s, .down)
        #expect(openList(s)?.index == 1)
        press(&s, .escape)
        #expect(s.view.mode == .normal && s.scenario == Scenario())
        reduce(&s, .savedListed(OpenList(entries: list)))
        press(&s, .enter)
        #expect(s.scenario == first)
        #expect(s.view.explanation.hasPrefix("Opened F1 (Future 1"))
        press(&s, .char("u"))
        #expect(s.scenario == Scenario())
        #expect(press(&s, .char("o")) == [.listSaved])
        #expect(s.view.mode == .normal, "the list opens when the shell has read it")
    }

    @Test("the o list: Home End PgUp PgDn move by pages and stop at the ends; opening the current one says so")
    func openListPaging() {
        var s = State(width: 80, height: 24)
        let list = (0..<40).map { i in
            SavedScenario(
                name: "S\(i)", path: "/x/s\(i).toml", scenario: Scenario().withLever(.exportControls, Double(i) / 40))
        }
        reduce(&s, .savedListed(OpenList(entries: list)))
        let page = Layout.openListRows(height: 24)
        #expect(page == 17)
        press(&s, .pageDown)
        #expect(openList(s)?.index == page)
        press(&s, .end, .pageDown)
        #expect(openList(s)?.index == 39)
        press(&s, .down)
        #expect(openList(s)?.index == 0, "↓ wraps")
        press(&s, .pageUp)
        #expect(openList(s)?.index == 0)
        press(&s, .up, .home)
        #expect(openList(s)?.index == 0)
        press(&s, .pageDown, .down, .down, .down)
        #expect(openList(s)?.index == 20)
        press(&s, .enter)
        #expect(s.view.mode == .normal)
        #expect(s.view.explanation == "S20 is the current scenario already.", "export controls 20/40 = 0.5, as now")
        #expect(s.document.undoStack.isEmpty)
        reduce(&s, .savedListed(OpenList(entries: [])))
        press(&s, .down, .pageDown, .end)
        #expect(openList(s)?.index == 0)
        press(&s, .enter)
        #expect(s.view.mode == .normal && s.scenario == Scenario())
    }

    @Test("y shows the share token and asks the shell to copy it; the token round-trips")
    func shareToken() throws {
        var s = State()
        let effects = press(&s, .char("2"), .char("y"))
        #expect(s.view.explanation.hasPrefix("Share token: tf2:30-10-10-10-10 "))
        guard case .copyToClipboard(let token) = try #require(effects.first) else {
            Issue.record("no copy: \(effects)")
            return
        }
        #expect(try ShareToken.decode(token) == s.scenario)
    }

    @Test("e asks the shell to export, with the ensemble when it is current; the result is shown")
    func export() throws {
        var s = State()
        #expect(press(&s, .char("e")) == [.export(Document())])
        let result = try #require(Ensemble.run(s.scenario, settings: EnsembleSettings(members: 16), threads: 1))
        reduce(&s, .jobFinished(JobResult(.ensemble(s.scenario), .ensemble(result))))
        #expect(press(&s, .char("e")) == [.export(Document())], "the shell takes the ensemble from the state")
        reduce(&s, .exported(.exported(stem: "/x/run-2")))
        #expect(s.view.explanation == "Exported /x/run-2.json, .csv and .svg")
        reduce(&s, .exported(.failed("disk full")))
        #expect(s.view.warning == "export failed: disk full")
        #expect(press(&s, .ctrl("l")) == [.redraw])
    }

    @Test("selection wraps at both ends and Tab switches groups")
    func selectionWraps() {
        var s = State()
        press(&s, .up)
        #expect(s.view.selection == ParameterID.all.count - 1)
        #expect(s.view.focus == .assumptions)
        press(&s, .down)
        #expect(s.view.selection == 0)
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
        #expect(s.document.redoStack.isEmpty)
    }

    @Test("the undo stack is bounded")
    func undoBounded() {
        var s = State()
        press(&s, .home)
        for _ in 0..<150 { press(&s, .shiftRight, .shiftLeft) }
        #expect(s.document.undoStack.count == Document.undoLimit)
    }

    @Test("a press at a bound records no undo step")
    func noOpNotRecorded() {
        var s = State()
        press(&s, .end)
        let depth = s.document.undoStack.count
        press(&s, .right, .end)
        #expect(s.document.undoStack.count == depth)
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
        #expect(s.view.explanation.hasPrefix("Reset"))
    }

    @Test("at most three pins are kept, the oldest dropping out; P clears them")
    func pinLimit() {
        var s = State()
        for _ in 0..<5 {
            press(&s, .char("p"), .right)
        }
        #expect(s.view.pins.count == 3)
        #expect(s.view.pins.map(\.number) == [3, 4, 5])
        press(&s, .char("P"))
        #expect(s.view.pins.isEmpty)
    }

    @Test("a change explains itself in one line")
    func explanation() {
        var s = State()
        press(&s, .down, .right)
        #expect(s.view.explanation.hasPrefix("Anti-smuggling 30→35 %: lead +"))
        #expect(s.view.explanation.contains("adoption"))
    }

    @Test("charts cycle, a toggles the moves view, help opens and closes, q quits")
    func toggles() {
        var s = State()
        for _ in ChartKind.allCases { press(&s, .char("c")) }
        #expect(s.view.chart == .lead)
        press(&s, .char("c"))
        #expect(s.view.chart == .computeShare)
        press(&s, .char("a"))
        #expect(s.view.moves == .attribution)
        press(&s, .char("?"))
        #expect(s.view.mode == .help)
        press(&s, .right)  // closes help, does not move a slider
        #expect(s.view.mode == .normal)
        #expect(s.scenario == Scenario())
        press(&s, .char("?"), .escape)
        #expect(s.view.mode == .normal)
        #expect(press(&s, .char("?"), .char("q")) == [.quit], "q quits from the help too")
        #expect(press(&s, .char("q")) == [.quit])
    }

    @Test("a stale ensemble is ignored, a current one kept")
    func ensembleLatestWins() throws {
        var s = State()
        let old = s.scenario
        let result = try #require(Ensemble.run(old, settings: EnsembleSettings(members: 20), threads: 1))
        press(&s, .right)
        reduce(&s, .jobFinished(JobResult(.ensemble(old), .ensemble(result))))
        #expect(s.results.ensemble == nil)
        reduce(&s, .jobFinished(JobResult(.ensemble(s.scenario), .ensemble(result))))
        #expect(s.currentEnsemble != nil)
        press(&s, .right)
        #expect(s.currentEnsemble == nil)
    }

    @Test("a click on a track sets the value; the wheel nudges")
    func mouse() {
        var s = State(width: 80, height: 24)
        let layout = Layout(width: 80, height: 24, chart: s.view.chart)
        let columns = SliderColumns(width: layout.panel.width - 2)
        let trackEnd = layout.panel.x + 1 + columns.trackOffset + columns.track - 1
        let row = SliderGeometry(rect: layout.panel).row(of: 2, scroll: 0)!
        reduce(&s, .mouse(.click(x: trackEnd, y: row)))
        #expect(s.selected == .lever(.offshoreControls))
        #expect(s.scenario.levers.offshoreControls == 1)
        reduce(&s, .mouse(.wheelDown(x: 0, y: 0)))
        #expect(abs(s.scenario.levers.offshoreControls - 0.95) < 1e-12)
    }

    @Test("at 80×24 the slider list scrolls to keep the selection in view, and clicks follow the scroll")
    func sliderScroll() throws {
        // With a demo's caption band the panel is two rows short of the whole list.
        var s = State(width: 80, height: 24)
        s.demo.caption = "A caption"
        let geometry = SliderGeometry(rect: s.layout.panel)
        #expect(geometry.scrolls)
        press(&s, .up)  // wraps to the last assumption
        #expect(s.selected == .assumption(.chinaPriceAdvantage))
        #expect(s.view.sliderScroll > 0)
        let last = ParameterID.all.count - 1
        let y = try #require(geometry.row(of: last, scroll: s.view.sliderScroll))
        #expect(y == geometry.listY + geometry.listRows - 1)
        #expect(geometry.row(of: 0, scroll: s.view.sliderScroll) == nil)
        // A click on the row now shown second from the bottom selects what is drawn there.
        reduce(&s, .mouse(.click(x: s.layout.panel.x + 3, y: y - 1)))
        #expect(s.view.selection == last - 1)
        let screen = render(s, Analysis(s.scenario))
        #expect(screen.line(y - 1).contains(Labels.fitting(ParameterID.all[last - 1], width: 14).prefix(8)))
        press(&s, .down, .down)  // wraps to the first lever: scrolled back to the top
        #expect(s.view.sliderScroll == 0)
    }

    @Test("the policy's start moves by 3 months, by 1 with Shift, and presets start now")
    func policyStartSlider() {
        var s = State(width: 120, height: 36)
        s.view.selection = ParameterID.all.firstIndex(of: .policyStart)!
        press(&s, .right)
        #expect(s.scenario.policyStart == 3)
        press(&s, .shiftRight)
        #expect(s.scenario.policyStart == 4)
        press(&s, .end)
        #expect(s.scenario.policyStart == 24)
        #expect(s.view.explanation.hasPrefix("Policy starts 2026-05→2028-01: lead"))
        press(&s, .char("1"))
        #expect(s.scenario.policyStart == 0 && s.scenario.levers == Preset.future1.levers)
        s.view.selection = ParameterID.all.firstIndex(of: .policyStart)!
        press(&s, .char("u"))
        #expect(s.scenario.policyStart == 24)
    }

    @Test("in the grid a click on a chart enlarges it, a second click or Esc shrinks it")
    func enlarge() throws {
        var s = State(width: 120, height: 36)
        let adoption = try #require(s.layout.charts.first { $0.kind == .adoption })
        reduce(&s, .mouse(.click(x: adoption.rect.x + 3, y: adoption.rect.y + 3)))
        #expect(s.view.chart == .adoption && s.view.chartEnlarged)
        #expect(s.layout.charts.map(\.kind) == [.adoption])
        let big = s.layout.charts[0].rect
        reduce(&s, .mouse(.click(x: big.x + 3, y: big.y + 3)))
        #expect(!s.view.chartEnlarged)
        reduce(&s, .mouse(.click(x: adoption.rect.x + 3, y: adoption.rect.y + 3)))
        reduce(&s, .keyPressed(.escape))
        #expect(!s.view.chartEnlarged && s.layout.charts.count == 4)
    }
}
