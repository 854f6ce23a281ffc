import Dashboard
import FuturesModel
import Testing

/// `reduce` driven directly with key presses: sliders, presets, undo, pins, goal-seek,
/// the share token, export, the views the keys toggle.
@Suite("Reducer")
struct ReducerTests: Pressing {
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
        // Across worlds the numbers follow when its Summaries are in (WorldsExplanationTests).
        #expect(s.view.explanation == "Anti-smuggling 30→35 %: … (across worlds)")
        press(&s, .char("w"), .right)
        #expect(s.view.explanation.hasPrefix("Anti-smuggling 35→40 %, as set: lead +"))
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
        #expect(s.view.explanation.hasPrefix("Policy starts 2026-05→2028-01: "))
        press(&s, .char("1"))
        #expect(s.scenario.policyStart == 0 && s.scenario.levers == Preset.future1.levers)
        s.view.selection = ParameterID.all.firstIndex(of: .policyStart)!
        press(&s, .char("u"))
        #expect(s.scenario.policyStart == 24)
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
}
