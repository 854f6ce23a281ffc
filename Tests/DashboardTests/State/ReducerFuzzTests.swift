import Dashboard
import Foundation
import FuturesModel
import TestSupport
import Testing

/// 100,000 random events through `reduce`: keys, typed text, mouse, resizes, ensembles
/// for stale and current scenarios. After every event the state keeps its invariants;
/// every ~1,000 events a frame is rendered, has exactly the state's size and each widget draws
/// inside its own rectangle. Failures name the seed and the event index, which reproduce them.
@Suite("Reducer fuzz")
struct ReducerFuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    /// TWOFUTURES_FUZZ_SEED and TWOFUTURES_FUZZ_EVENTS run other or longer sessions.
    static let seed = environment["TWOFUTURES_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x7F0_2026
    static let events = environment["TWOFUTURES_FUZZ_EVENTS"].flatMap { Int($0) } ?? 100_000

    /// Every key the dashboard binds (DESIGN.md "Keys"), the keys it ignores, and every
    /// key the terminal bridge can deliver.
    static let boundKeys: [Key] =
        [
            .up, .down, .left, .right, .shiftLeft, .shiftRight, .home, .end, .pageUp, .pageDown, .tab, .backTab,
            .enter, .escape, .backspace, .ctrl("r"), .ctrl("c"), .ctrl("a"), .ctrl("z"),
        ] + "hjklHLkj123urpPcCtTagesoy?qQ0 9".map { .char($0) }

    /// Text typed into prompts: ASCII, Unicode, control and combining characters.
    static let typed: [Character] = Array(
        "abcXYZ 09._-/\\\"'é日本👍🏽\u{0}\u{7}\u{1B}\u{7F}\u{200B}\u{202E}\u{FEFF}\n\r\te\u{301}")

    /// Scenarios with an ensemble each (small, one thread: reproducible): the presets the
    /// keys 1/2/3 reach from the defaults, and some random ones that are always stale.
    static let ensembles: [(Scenario, EnsembleResult)] = {
        var rng = SeededGenerator(seed: 5)
        var scenarios = [Scenario()]
        for preset in [Preset.future1, .future2] {
            var s = Scenario()
            s.levers = preset.levers
            scenarios.append(s)
        }
        for _ in 0..<3 { scenarios.append(Scenario.random(using: &rng)) }
        return scenarios.map { ($0, Ensemble.run($0, settings: EnsembleSettings(members: 24, seed: 3), threads: 1)!) }
    }()

    /// One random event. Sizes are mostly usable, sometimes tiny, negative or huge.
    static func event(_ rng: inout SeededGenerator, _ state: State) -> Action {
        let roll = rng.below(1000)
        switch roll {
        case 0..<620:
            return .keyPressed(rng.pick(boundKeys))
        case 620..<760:
            // Typing: mostly letters, so prompts fill up and overflow their limit.
            return .keyPressed(rng.chance(0.9) ? .char(rng.pick(typed)) : .ctrl(rng.pick(Array("abcdefrxyz"))))
        case 760..<900:
            let x = rng.below(state.view.width + 20) - 10
            let y = rng.below(state.view.height + 20) - 10
            switch rng.below(4) {
            case 0: return .mouse(.wheelUp(x: x, y: y))
            case 1: return .mouse(.wheelDown(x: x, y: y))
            default: return .mouse(.click(x: x, y: y))
            }
        case 900..<960:
            switch rng.below(10) {
            case 0: return .resized(width: rng.below(12) - 4, height: rng.below(8) - 4)
            case 1: return .resized(width: 300 + rng.below(700), height: 100 + rng.below(300))
            case 2: return .resized(width: 79 + rng.below(3), height: 23 + rng.below(3))
            case 3: return .resized(width: 119 + rng.below(3), height: 35 + rng.below(3))
            default: return .resized(width: 20 + rng.below(200), height: 5 + rng.below(70))
            }
        default:
            let (scenario, result) = rng.pick(ensembles)
            return .jobFinished(JobResult(.ensemble(scenario), .ensemble(result)))
        }
    }

    /// What the shell does with the effects: it answers `o` with a list, a save with a
    /// random outcome (saved, exists, failed) and an export likewise; a quit is ignored
    /// (the session goes on). Once in a while the harness shows a demo caption.
    static func shell(_ effects: [Effect], _ state: inout State, _ rng: inout SeededGenerator) {
        for effect in effects {
            switch effect {
            case .listSaved:
                let entries = (0..<rng.below(5)).map { i in
                    SavedScenario(name: "saved \(i)", path: "/tmp/\(i).toml", scenario: Scenario.random(using: &rng))
                }
                shell(reduce(&state, .savedListed(OpenList(entries: entries, folder: "/tmp"))), &state, &rng)
            case .save(let request, _):
                let result: SaveResult =
                    switch rng.below(3) {
                    case 0: .saved(path: "/tmp/" + request.fileName, replaced: request.overwrite)
                    case 1: .exists(request)
                    default: .failed("cannot write")
                    }
                shell(reduce(&state, .saveFinished(result)), &state, &rng)
            case .export:
                let result: ExportResult = rng.chance(0.5) ? .exported(stem: "/tmp/run-1") : .failed("disk full")
                shell(reduce(&state, .exported(result)), &state, &rng)
            case .copyToClipboard, .redraw, .quit:
                break
            }
        }
        if rng.below(500) == 0 {
            state.demo.caption = rng.chance(0.5) ? nil : String((0..<rng.below(300)).map { _ in rng.pick(typed) })
        }
    }

    /// The first broken invariant of `state`, or nil.
    static func violation(_ state: State) -> String? {
        if let v = state.scenario.violation { return "scenario: \(v)" }
        for (name, stack) in [("undo", state.document.undoStack), ("redo", state.document.redoStack)] {
            for s in stack { if let v = s.violation { return "\(name) stack: \(v)" } }
        }
        if state.document.undoStack.count + state.document.redoStack.count > Document.undoLimit {
            return
                "history \(state.document.undoStack.count) + \(state.document.redoStack.count) > \(Document.undoLimit)"
        }
        if state.view.pins.count > ViewState.pinLimit { return "\(state.view.pins.count) pins" }
        for pin in state.view.pins {
            if let v = pin.scenario.violation { return "pin: \(v)" }
            if pin.trajectory.series.contains(where: { $0.contains { !$0.isFinite } }) { return "pin: NaN in run" }
            if pin.number < 1 || pin.number > state.view.pinsMade { return "pin number \(pin.number)" }
        }
        if case .seekResult(let seek) = state.view.mode {
            if !seek.leadMonths.isFinite || !seek.targetLead.isFinite { return "seek: not finite" }
            if let v = seek.value, !v.isFinite || !LeverID.allCases[0].spec.contains(v) { return "seek value \(v)" }
        }
        if !ParameterID.all.indices.contains(state.view.selection) { return "selection \(state.view.selection)" }
        if !state.view.themes.indices.contains(state.view.themeIndex) { return "theme index \(state.view.themeIndex)" }
        if state.view.width < 0 || state.view.height < 0 { return "size \(state.view.width)x\(state.view.height)" }
        if case .openList(let list) = state.view.mode, !list.entries.isEmpty, !list.entries.indices.contains(list.index)
        {
            return "open index \(list.index) of \(list.entries.count)"
        }
        if case .savePrompt(let typed) = state.view.mode, typed.count > 60 || typed.contains(where: \.isNewline) {
            return "save prompt \(typed.debugDescription)"
        }
        if state.view.explanation.contains(where: \.isNewline) { return "explanation has a line break" }
        if state.currentEnsemble != nil, state.results.ensembleScenario != state.scenario {
            return "stale ensemble shown"
        }
        return nil
    }

    @Test("100,000 random events keep every invariant, and frames have the state's size")
    func randomEvents() {
        var rng = SeededGenerator(seed: Self.seed)
        var state = State(width: 120, height: 36)
        var recent: [Action] = []
        var renders = 0
        var dashboards = 0
        for i in 0..<Self.events {
            let action = Self.event(&rng, state)
            recent.append(action)
            if recent.count > 12 { recent.removeFirst() }
            let effects = reduce(&state, action)
            Self.shell(effects, &state, &rng)
            if let problem = Self.violation(state) {
                Issue.record("seed \(Self.seed), event \(i): \(problem); last events: \(recent)")
                return
            }
            if i % 997 == 0 {
                let frame = render(state, Analysis(state.scenario))
                renders += 1
                guard frame.width == state.view.width, frame.height == state.view.height,
                    frame.cells.count == state.view.width * state.view.height
                else {
                    Issue.record(
                        "seed \(Self.seed), event \(i): frame \(frame.width)x\(frame.height) for \(state.view.width)x\(state.view.height)"
                    )
                    return
                }
                // Frames of the dashboard itself (not the enlarge message): each widget in its rectangle.
                if state.layout.tier != .tooSmall {
                    dashboards += 1
                    let strays = WidgetBounds.strays(state, Analysis(state.scenario))
                    if !strays.isEmpty {
                        Issue.record("seed \(Self.seed), event \(i): \(strays); last events: \(recent)")
                        return
                    }
                }
            }
        }
        // About half the frames are at usable sizes (the rest show the enlarge message), so the
        // checks above bite.
        #expect(dashboards > renders / 3, "\(dashboards) of \(renders) frames were the whole dashboard")
    }
}
