import FoundationEssentials
import FuturesModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place where state changes: a pure function of the state and what happened. It
/// returns what the shell should do (`Effect`s); their results come back as actions.
@discardableResult
public func reduce(_ state: inout State, _ action: Action) -> [Effect] {
    let effects = act(&state, action)
    // The slider list scrolls so that the selection shows.
    let layout = state.layout
    if layout.tier != .tooSmall {
        state.view.sliderScroll = layout.sliders.scroll(keeping: state.view.selection, from: state.view.sliderScroll)
    }
    return effects
}

/// What `action` does, before `reduce` keeps the selection in view.
private func act(_ state: inout State, _ action: Action) -> [Effect] {
    switch action {
    case .keyPressed(let key):
        return reduceKey(&state, key)
    case .resized(let width, let height):
        state.view.width = max(0, width)
        state.view.height = max(0, height)
    case .mouse(let event):
        if state.demo.session != nil { reduceDemoMouse(&state, event) } else { reduceMouse(&state, event) }
    case .tick(let now):
        state.demo.now = now
        return advanceDemo(&state)
    case .timed(let inner, let now):
        state.demo.now = now
        return advanceDemo(&state) + act(&state, inner)
    case .jobFinished(let result):
        state.receive(result)
        completeExplanation(&state, result)
    case .saveFinished(let result):
        switch result {
        case .saved(let path, let replaced): say(&state, (replaced ? "Replaced " : "Saved ") + path)
        case .exists(let request): state.view.mode = .overwrite(request)
        case .failed(let why): state.view.warning = "not saved: \(why)"
        }
    case .savedListed(let list):
        state.view.mode = .openList(list)
    case .exported(let result):
        switch result {
        case .exported(let stem): say(&state, "Exported \(stem).json, .csv and .svg")
        case .failed(let why): state.view.warning = "export failed: \(why)"
        }
    case .demoLoaded(let script, let exitAtEnd):
        state.demo.session = DemoSession(script: script, state: state, now: state.demo.now, exitAtEnd: exitAtEnd)
        return advanceDemo(&state)
    }
    return []
}

/// Keys: a playing demo takes its own first, then the open overlay or prompt (`Mode`),
/// then the key table's normal bindings.
func reduceKey(_ state: inout State, _ key: Key) -> [Effect] {
    if state.demo.session != nil { return reduceDemoKey(&state, key) }
    if !state.demo.progress.isEmpty {
        // The first key after a demo ended clears its progress from the status bar.
        state.demo.progress = ""
    }
    return reduceModeKey(&state, key)
}

/// A key in the current mode.
func reduceModeKey(_ state: inout State, _ key: Key) -> [Effect] {
    switch state.view.mode {
    case .help:
        switch KeyTable.command(for: key, in: .help) {
        case .quit: return [.quit]
        case .redraw: return [.redraw]
        default:
            state.view.mode = .normal
            return []
        }
    case .savePrompt(let typed):
        state.view.warning = ""
        return reduceSavePrompt(&state, key, typed)
    case .overwrite(let question):
        state.view.warning = ""
        return reduceOverwrite(&state, key, question)
    case .openList(let list):
        state.view.warning = ""
        return reduceOpenList(&state, key, list)
    case .answer(let view):
        return reduceAnswer(&state, key, view)
    case .chapters:
        // Only a playing demo lists chapters (its keys come first); without one, close.
        state.view.mode = .normal
        return []
    case .seekResult(let seek):
        // Enter applies it, Esc discards it, any other key discards it and acts as usual.
        state.view.warning = ""
        state.view.mode = .normal
        switch key {
        case .enter:
            if let value = seek.value { setLever(&state, seek.lever, to: value) }
            return []
        case .escape:
            say(&state, "Goal-seek discarded.")
            return []
        default:
            return run(KeyTable.command(for: key, in: state.keyContext), &state)
        }
    case .normal:
        state.view.warning = ""
        return run(KeyTable.command(for: key, in: state.keyContext), &state)
    }
}

/// Carries out a command of the normal context.
func run(_ command: Command?, _ state: inout State) -> [Effect] {
    guard let command else { return [] }
    // The lens's argument stays under the charts until another key acts.
    if command != .nextLens && command != .previousLens { state.view.lensShown = false }
    switch command {
    case .selectPrevious: moveSelection(&state, by: -1)
    case .selectNext: moveSelection(&state, by: 1)
    case .decrease: nudge(&state, coarse: -1)
    case .increase: nudge(&state, coarse: 1)
    case .decreaseFine: nudge(&state, fine: -1)
    case .increaseFine: nudge(&state, fine: 1)
    case .minimum: setSelected(&state, to: state.selected.spec.min)
    case .maximum: setSelected(&state, to: state.selected.spec.max)
    case .switchGroup: state.view.selection = state.view.focus == .levers ? SliderGeometry.policyCount : 0
    case .preset(let preset): applyPreset(&state, preset)
    case .undo: undo(&state)
    case .redo: redo(&state)
    case .reset: reset(&state)
    case .pin: pin(&state)
    case .clearPins:
        state.view.pins.removeAll()
        say(&state, "Pins cleared.")
    case .nextChart: state.view.chart = state.view.chart.next
    case .previousChart: state.view.chart = state.view.chart.previous
    case .nextLens: cycleLens(&state, by: 1)
    case .previousLens: cycleLens(&state, by: -1)
    case .nextTheme: cycleTheme(&state, by: 1)
    case .previousTheme: cycleTheme(&state, by: -1)
    case .cycleMoves: state.view.moves = state.view.moves.next
    case .cycleAttribution:
        if state.view.moves == .attribution {
            let all = Summary.Verdict.allCases
            let i = all.firstIndex(of: state.view.attributionVerdict) ?? 0
            state.view.attributionVerdict = all[(i + 1) % all.count]
        } else {
            state.view.moves = .attribution
        }
    case .toggleLanguage:
        state.view.language = state.view.language.other
        // With uncertainty 0 the two languages read the same: only the status bar's name changes.
        guard state.results.ensemble?.settings.uncertainty != 0 else { break }
        say(
            &state,
            state.view.language == .acrossWorlds
                ? "Across worlds: medians and probabilities over the worlds (w: as set)."
                : "As set: the central run, each assumption at its slider (w: across worlds).")
    case .openMap:
        if state.view.mapView == nil {
            state.view.mapView = MapView(y: MapView.defaultY(for: state.selected))
            say(&state, "Map: ↑↓ or Tab picks Y, ←→ moves X (the selected slider), m or Esc closes.")
        } else {
            closeMap(&state)
        }
    case .openAnswer:
        if state.view.mapView != nil { closeMap(&state) }
        state.view.chartEnlarged = false
        state.view.mode = .answer(AnswerView())
    case .mapNextY: cycleMapY(&state, by: 1)
    case .mapPreviousY: cycleMapY(&state, by: -1)
    case .goalSeek: goalSeek(&state)
    case .shareToken:
        let token = ShareToken.encode(state.scenario)
        say(&state, "Share token: \(token) (copied where the terminal allows OSC 52)")
        return [.copyToClipboard(token)]
    case .export: return [.export(state.document)]
    case .save: state.view.mode = .savePrompt("")
    case .open: return [.listSaved]
    case .help: state.view.mode = .help
    case .zoom: state.view.chartEnlarged.toggle()
    case .close:
        if state.view.mapView != nil { closeMap(&state) } else { state.view.chartEnlarged = false }
    case .redraw: return [.redraw]
    case .quit: return [.quit]
    case .listPrevious, .listNext, .listPageUp, .listPageDown, .listFirst, .listLast, .listOpen, .demoPause,
        .demoNextChapter, .demoPreviousChapter, .demoGoToChapter, .demoListChapters,
        .demoNextCaption, .demoPreviousCaption, .answerNextFuture, .answerPreviousFuture, .answerScrollLeft,
        .answerScrollRight:
        break
    }
    return []
}

/// Closes the map view; its key help, still on the message line, would now be false.
private func closeMap(_ state: inout State) {
    state.view.mapView = nil
    say(&state, "Map closed: ↑↓ select sliders again.")
}

/// The answer view: ←→ (Tab) choose the future, < > scroll the columns where they do not
/// all fit, A or Esc close it, q quits; other keys do nothing while it is open.
func reduceAnswer(_ state: inout State, _ key: Key, _ view: AnswerView) -> [Effect] {
    var view = view
    let hidden = max(0, AnswerLayout.columnCount - AnswerLayout.visibleColumns(width: state.view.width))
    switch KeyTable.command(for: key, in: .answer) {
    case .answerNextFuture: view.cycle(by: 1)
    case .answerPreviousFuture: view.cycle(by: -1)
    case .answerScrollLeft: view.scroll = max(0, min(view.scroll, hidden) - 1)
    case .answerScrollRight: view.scroll = min(hidden, view.scroll + 1)
    case .preset(let preset):
        // The view stays open and its answer follows the new levers.
        applyPreset(&state, preset)
    case .openAnswer, .close:
        state.view.mode = .normal
        return []
    case .quit: return [.quit]
    case .redraw: return [.redraw]
    default: break
    }
    state.view.mode = .answer(view)
    return []
}

/// The `s` prompt: typing, Backspace, Enter saves (a non-empty name), Esc cancels.
func reduceSavePrompt(_ state: inout State, _ key: Key, _ typed: String) -> [Effect] {
    switch key {
    case .escape:
        state.view.mode = .normal
        say(&state, "Save cancelled.")
    case .enter:
        let name = typed.trimmed()
        if !name.isEmpty {
            state.view.mode = .normal
            return [.save(SaveRequest(name: name), state.document)]
        }
    case .backspace: state.view.mode = .savePrompt(String(typed.dropLast()))
    case .char(let c) where typed.count < 60 && !c.isNewline:
        state.view.mode = .savePrompt(typed + String(c))
    case .ctrl("c"): return [.quit]
    default: break
    }
    return []
}

/// A save would replace a file: y replaces it, n goes back to the name, Ctrl-C quits,
/// anything else keeps the file.
func reduceOverwrite(_ state: inout State, _ key: Key, _ question: SaveRequest) -> [Effect] {
    state.view.mode = .normal
    switch key {
    case .char("y"), .char("Y"): return [.save(SaveRequest(name: question.name, overwrite: true), state.document)]
    case .char("n"), .char("N"): state.view.mode = .savePrompt(question.name)
    case .ctrl("c"): return [.quit]
    default: state.view.explanation = "Not saved: \(question.fileName) is unchanged."
    }
    return []
}

/// The `o` list: ↑↓ (k j) move, PgUp PgDn a page, Home End the ends, Enter opens the
/// selected scenario as one undoable change, Esc (or o) closes it.
func reduceOpenList(_ state: inout State, _ key: Key, _ list: OpenList) -> [Effect] {
    var list = list
    let n = list.entries.count
    let page = state.layout.openListRows
    switch KeyTable.command(for: key, in: .list) {
    case .listPrevious: list.index = n == 0 ? 0 : (list.index + n - 1) % n
    case .listNext: list.index = n == 0 ? 0 : (list.index + 1) % n
    case .listPageUp: list.index = max(0, list.index - page)
    case .listPageDown: list.index = max(0, min(n - 1, list.index + page))
    case .listFirst: list.index = 0
    case .listLast: list.index = max(0, n - 1)
    case .listOpen:
        state.view.mode = .normal
        if list.entries.indices.contains(list.index) {
            let chosen = list.entries[list.index]
            if chosen.scenario == state.scenario {
                say(&state, "\(chosen.name) is the current scenario already.")
            } else {
                change(&state, to: chosen.scenario, label: "Opened \(chosen.name)") { _, _ in
                    "Opened \(chosen.name) (as set: \(chosen.outcome))."
                }
            }
            if let notice = chosen.notice { state.view.warning = notice }
        }
        return []
    case .close:
        state.view.mode = .normal
        say(&state, "Open cancelled.")
        return []
    case .quit: return [.quit]
    case .redraw: return [.redraw]
    default: break
    }
    state.view.mode = .openList(list)
    return []
}

/// Moves the selection up or down, wrapping at either end.
func moveSelection(_ state: inout State, by delta: Int) {
    let n = ParameterID.all.count
    state.view.selection = ((state.view.selection + delta) % n + n) % n
}

/// Switches to the next or previous theme, wrapping, and says which one it is.
func cycleTheme(_ state: inout State, by delta: Int) {
    let n = state.view.themes.count
    guard n > 0 else { return }
    state.view.themeIndex = ((state.view.themeIndex + delta) % n + n) % n
    let theme = state.view.theme
    say(
        &state,
        "Theme \(theme.name) (\(state.view.themeIndex + 1)/\(n))"
            + (theme.description.isEmpty ? "." : ": \(theme.description)."))
}

/// Adds pins: at most `ViewState.pinLimit`, the oldest dropping out first.
func pin(_ state: inout State) {
    state.view.pinsMade += 1
    let p = Pin(scenario: state.scenario, trajectory: Simulation.run(state.scenario), number: state.view.pinsMade)
    state.view.pins.append(p)
    if state.view.pins.count > ViewState.pinLimit {
        state.view.pins.removeFirst(state.view.pins.count - ViewState.pinLimit)
    }
    say(&state, "Pinned the current run as ghost line P\(p.number).")
}

/// The map view's Y: the next or previous parameter in the slider order, never X.
func cycleMapY(_ state: inout State, by step: Int) {
    guard var view = state.view.mapView else { return }
    let all = ParameterID.all
    var i = all.firstIndex(of: view.y) ?? 0
    repeat { i = (i + step + all.count) % all.count } while all[i] == state.selected
    view.y = all[i]
    state.view.mapView = view
}

/// `v` / `V`: the lens after (before) the one the assumptions match; from custom
/// assumptions, the first (last) lens.
func cycleLens(_ state: inout State, by step: Int) {
    let lenses = state.document.lenses
    guard !lenses.isEmpty else { return }
    let n = lenses.count
    let i =
        state.document.activeLens.flatMap { lenses.firstIndex(of: $0) }.map { ($0 + step + n) % n }
        ?? (step > 0 ? 0 : n - 1)
    applyLens(&state, lenses[i])
}

/// Sets all ten assumptions to `lens`'s as one change (one undo step), explained in one
/// line that fits the outcome bar against the essay's view (the same levers with the
/// default assumptions), never against the previous lens: "Lens Price wins vs the essay's
/// view: P(F2) +21 pts, …" across worlds; as set, the assumptions that differ from the
/// essay's and the central run's lead ("… as set: … : lead −0.7 mo").
func applyLens(_ state: inout State, _ lens: Lens) {
    var next = state.scenario
    next.assumptions = lens.assumptions
    let width = explanationWidth(state)
    let essay = Explanation.essayView(next)
    let label = Explanation.lensLabel(lens)
    let changed = change(
        &state, to: next, unchanged: "Lens \(lens.name): the assumptions are already its own.", label: label,
        shortLabel: Explanation.lensShortLabel(lens), reference: essay
    ) { _, new in
        guard new != essay else {
            let o = Simulation.outcome(new)
            return "\(label), as set: the reference of every lens; lead "
                + "\(Format.outcome(o.leadMonths, .leadMonths)) (\(o.future.title))"
        }
        return Explanation.lens(lens, before: essay, after: new, width: width, title: "\(label), as set")
    }
    if changed { state.view.lensShown = true }
}
